// What bench/web-cold-compile.ts runs, bundled by Vite, in a fresh page and in a fresh Node process
// alike: the flagship compiled a few times in a row, each time parsed then resolved.
import { type DocumentText, parse, resolve } from "../src/language/index.ts";

export interface CompileTimes {
  readonly parse: number;
  readonly resolve: number;
}

export function compileTimes(documents: readonly DocumentText[], times: number): CompileTimes[] {
  const out: CompileTimes[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    const trees = documents.map((d) => parse(d.text, d.file));
    const t1 = performance.now();
    resolve(trees);
    out.push({ parse: t1 - t0, resolve: performance.now() - t1 });
  }
  return out;
}
