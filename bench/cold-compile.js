// The flagship compiled twice in a fresh Node process from the built language module, to set
// against the web page's first compile (docs/benchmarks.md §6). Run `npm run build:cli` first,
// then `node bench/cold-compile.js` (a few times: the first compile of a process is the cold one).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const started = performance.now();
const { compile } = await import(pathToFileURL(join(root, "dist/node/language/index.js")).href);
const imported = performance.now();
const dir = join(root, "corpus/sino-soviet");
const documents = readdirSync(dir)
  .filter((f) => f.endsWith(".pacta"))
  .map((f) => ({ file: f, text: readFileSync(join(dir, f), "utf8") }));
const t0 = performance.now();
compile(documents);
const t1 = performance.now();
compile(documents);
const t2 = performance.now();
const ms = (x) => `${x.toFixed(1)} ms`;
process.stdout.write(
  `import ${ms(imported - started)}, first compile ${ms(t1 - t0)}, second ${ms(t2 - t1)}\n`,
);
