/**
 * `npm run bench`: Pacta's benchmark suite. Prints a report (the machine first, then each
 * benchmark's medians) and writes the same figures to bench/results/latest.json.
 *
 *   npm run bench                      everything, full sizes
 *   npm run bench -- --quick           smaller sizes and fewer runs (a smoke run)
 *   npm run bench -- --only replay     one benchmark (repeat --only, or separate names by commas)
 *   npm run bench -- --profile         also profile the largest replay (bench/results/*.cpuprofile)
 *
 * Benchmarks: parse, replay, flagship, eflint, rtec, rtec-peer (RTEC itself, from a checkout named by
 * PACTA_RTEC_DIR, with swipl), symboleo (Symboleo-JS-Core's sample contracts, skipped without the
 * symboleo-js-core devDependency), web-render (the web app's, in chromium; skipped without a
 * browser). The peers' data sets are read from
 * PACTA_PEERS_DIR (default ../shared/data/peers, relative to the repository); a peer whose data is
 * absent is skipped with a message.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { commandLine } from "./command-line.ts";
import { compileScale } from "./compile-scale.ts";
import { eflintLoan } from "./eflint-loan.ts";
import { flagship } from "./flagship.ts";
import {
  type Benchmark,
  type BenchOptions,
  codeVersion,
  describeMachine,
  loadLine,
  machineLine,
  repoRoot,
} from "./measure.ts";
import { parseThroughput } from "./parse-throughput.ts";
import { replayThroughput } from "./replay-throughput.ts";
import { rtecPeer } from "./rtec-peer.ts";
import { rtecVoting } from "./rtec-voting.ts";
import { symboleoBench } from "./symboleo.ts";

const benchmarks: readonly {
  readonly name: string;
  readonly title: string;
  readonly run: Benchmark;
}[] = [
  { name: "parse", title: "Parse and check throughput", run: parseThroughput },
  { name: "compile-scale", title: "Compile of 10^4 to 10^6 events of text", run: compileScale },
  { name: "replay", title: "Replay throughput and peak memory", run: replayThroughput },
  { name: "flagship", title: "Flagship corpus (corpus/sino-soviet)", run: flagship },
  { name: "eflint", title: "eFLINT's loan-repayment duty, ported", run: eflintLoan },
  {
    name: "rtec",
    title: "RTEC's voting protocol in Pacta, against RTEC's intervals",
    run: rtecVoting,
  },
  {
    name: "rtec-peer",
    title: "RTEC itself on the voting stream (PACTA_RTEC_DIR, swipl)",
    run: rtecPeer,
  },
  {
    name: "symboleo",
    title: "Symboleo-JS-Core's sample contracts, side by side (skipped without symboleo-js-core)",
    run: symboleoBench,
  },
  {
    name: "web-render",
    title: "The web app in a browser: first render and edit-to-redraw (bench/web-render.ts)",
    // Loaded only when run: it builds the web app and drives chromium.
    run: async (options) => (await import("./web-render.ts")).webRender(options),
  },
];

const usage = `Usage: npm run bench -- [--quick] [--only NAME]... [--profile]
Benchmarks: ${benchmarks.map((b) => b.name).join(", ")}
`;

async function main(): Promise<number> {
  const { values } = commandLine("bench", usage, {
    args: process.argv.slice(2),
    options: {
      quick: { type: "boolean", default: false },
      only: { type: "string", multiple: true },
      profile: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const only = (values.only ?? []).flatMap((name) => name.split(",")).filter((n) => n !== "");
  for (const name of only)
    if (!benchmarks.some((b) => b.name === name)) {
      process.stderr.write(`Unknown benchmark '${name}'\n${usage}`);
      return 2;
    }
  const peersSetting = process.env["PACTA_PEERS_DIR"] ?? "../shared/data/peers";
  const resultsDir = join(repoRoot, "bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  const options: BenchOptions = {
    quick: values.quick,
    profile: values.profile,
    peersDir: isAbsolute(peersSetting) ? peersSetting : resolve(repoRoot, peersSetting),
    resultsDir,
    log: (line) => process.stdout.write(`${line}\n`),
    progress: (line) => process.stderr.write(`  … ${line}\n`),
  };
  const machine = describeMachine();
  options.log(machineLine(machine));
  options.log(loadLine());
  const code = codeVersion();
  options.log(
    `Code: commit ${code.commit}${code.changed.length === 0 ? "" : `, with uncommitted changes in ${code.changed.join(", ")}`}`,
  );
  options.log(
    `Mode: ${options.quick ? "quick (smaller sizes, fewer runs)" : "full"}; figures are medians of the measured runs, after a warm-up`,
  );
  const results: Record<string, unknown> = {};
  const failed: string[] = [];
  const started = Date.now();
  for (const bench of benchmarks) {
    if (only.length > 0 && !only.includes(bench.name)) continue;
    options.log("");
    options.log(`== ${bench.title} [${bench.name}]`);
    try {
      const result = await bench.run(options);
      results[result.name] = result.figures;
    } catch (error) {
      // One benchmark failing (say, an engine mid-change) does not stop the others.
      const message = error instanceof Error ? error.message : String(error);
      options.log(`FAILED: ${message.split("\n").slice(0, 12).join("\n  ")}`);
      results[bench.name] = { error: message };
      failed.push(bench.name);
    }
  }
  const report = {
    date: new Date().toISOString(),
    machine,
    loadAverage: os.loadavg(),
    code,
    mode: options.quick ? "quick" : "full",
    only: only.length > 0 ? only : null,
    results,
  };
  const path = join(resultsDir, "latest.json");
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  options.log("");
  options.log(
    `Figures written to bench/results/latest.json (${((Date.now() - started) / 1000).toFixed(0)} s in all)`,
  );
  if (failed.length > 0) {
    options.log(`Failed: ${failed.join(", ")}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
