/**
 * The first compile of the flagship in a page against the same in Node: one Vite-built module
 * (bench/web-cold-compile-page.ts, the language only, minified as the app is) compiles the flagship
 * five times, in a fresh chromium page (new context, nothing cached) and in a fresh Node process,
 * one after the other, `rounds` times; and in a page again with the module marked for V8 to compile
 * all its functions while it loads (`//# allFunctionsCalledOnLoad`), instead of each on its first
 * call. Prints the medians of the parse and resolve times of the first, second and fifth compile.
 * Figures are printed, never asserted (docs/benchmarks.md §6).
 *
 * Standalone: `npx tsx bench/web-cold-compile.ts [--rounds N] [--browser-preload]`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { build } from "vite";
import { chromiumArgs, chromiumPath, quietBrowserArgs } from "../test/e2e/harness.ts";
import { commandLine, positiveInteger } from "./command-line.ts";
import { median, ms, repoRoot, table } from "./measure.ts";
import type { CompileTimes } from "./web-cold-compile-page.ts";

const times = 5;
const usage = "Usage: npx tsx bench/web-cold-compile.ts [--rounds N] [--browser-preload]";
const { values } = commandLine("web-cold-compile", usage, {
  options: {
    rounds: { type: "string", default: "8" },
    "browser-preload": { type: "boolean", default: false },
  },
});
const rounds = positiveInteger("web-cold-compile", usage, "--rounds", values.rounds);

const corpus = join(repoRoot, "corpus/sino-soviet");
const documents = readdirSync(corpus)
  .filter((f) => f.endsWith(".pacta"))
  .sort()
  .map((f) => ({ file: `sino-soviet/${f}`, text: readFileSync(join(corpus, f), "utf8") }));

const out = mkdtempSync(join(tmpdir(), "pacta-cold-compile-"));
await build({
  configFile: false,
  logLevel: "warn",
  build: {
    outDir: out,
    emptyOutDir: true,
    target: "es2022",
    lib: {
      entry: join(repoRoot, "bench/web-cold-compile-page.ts"),
      formats: ["es"],
      fileName: () => "page.mjs",
    },
    minify: true,
  },
});
writeFileSync(join(out, "corpus.json"), JSON.stringify(documents));
const hint = "//# allFunctionsCalledOnLoad\n";
writeFileSync(join(out, "hinted.mjs"), hint + readFileSync(join(out, "page.mjs"), "utf8"));
for (const [html, module] of [
  ["index.html", "page.mjs"],
  ["hinted.html", "hinted.mjs"],
] as const)
  writeFileSync(
    join(out, html),
    `<!doctype html><script type="module">
import { compileTimes } from "./${module}";
const documents = await (await fetch("./corpus.json")).json();
window.pactaTimes = compileTimes(documents, ${times});
</script>`,
  );

const types: Record<string, string> = { mjs: "text/javascript", json: "application/json" };
const server = createServer((request, response) => {
  const name = (request.url ?? "/").split("?")[0]!.slice(1) || "index.html";
  if (!["index.html", "hinted.html", "page.mjs", "hinted.mjs", "corpus.json"].includes(name)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, {
    "content-type": types[name.split(".").pop() ?? ""] ?? "text/html",
    "cache-control": "no-store",
  });
  response.end(readFileSync(join(out, name)));
});
await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
const address = server.address();
const url = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}/`;

const args = values["browser-preload"] ? chromiumArgs : [...chromiumArgs, ...quietBrowserArgs];
const browser = await chromium.launch({ executablePath: chromiumPath, args });
const page: CompileTimes[][] = [];
const hinted: CompileTimes[][] = [];
const node: CompileTimes[][] = [];
async function inPage(html: string): Promise<CompileTimes[]> {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await tab.goto(url + html);
    await tab.waitForFunction("window.pactaTimes !== undefined", undefined, { timeout: 60_000 });
    return await tab.evaluate<CompileTimes[]>("window.pactaTimes");
  } finally {
    await context.close();
  }
}
try {
  for (let round = 0; round < rounds; round++) {
    page.push(await inPage("index.html"));
    hinted.push(await inPage("hinted.html"));
    const script = `const { compileTimes } = await import(${JSON.stringify(join(out, "page.mjs"))});
const documents = JSON.parse(await (await import("node:fs")).promises.readFile(${JSON.stringify(join(out, "corpus.json"))}, "utf8"));
process.stdout.write(JSON.stringify(compileTimes(documents, ${times})));`;
    node.push(
      JSON.parse(
        execFileSync(process.execPath, ["--input-type=module", "-e", script]).toString(),
      ) as CompileTimes[],
    );
  }
} finally {
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}

function row(where: string, runs: readonly CompileTimes[][]): string[] {
  const at = (i: number, part: (t: CompileTimes) => number) => median(runs.map((r) => part(r[i]!)));
  const whole = (t: CompileTimes) => t.parse + t.resolve;
  return [
    where,
    ms(at(0, whole)),
    ms(at(0, (t) => t.parse)),
    ms(at(0, (t) => t.resolve)),
    ms(at(1, whole)),
    ms(at(times - 1, whole)),
  ];
}

console.log(
  `The flagship compiled ${times} times in a fresh chromium page and a fresh Node ${process.version} process, ${rounds} rounds, medians`,
);
for (const line of table([
  ["where", "1st compile", "1st parse", "1st resolve", "2nd compile", `${times}th compile`],
  row("chromium page", page),
  row("  all compiled on load", hinted),
  row("node process", node),
]))
  console.log(line);
