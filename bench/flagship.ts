/**
 * The flagship corpus, corpus/sino-soviet: its full replay in-process, one what-if with its diff
 * (corpus/sino-soviet-what-if), and `pacta check corpus/sino-soviet` as a whole process.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { cliEntry } from "../bin/entry.js";
import { loadDocuments } from "../src/cli/load-documents.ts";
import { applyWhatIf, diffReplays, replay } from "../src/engine/index.ts";
import { compile } from "../src/language/index.ts";
import {
  type BenchOptions,
  type BenchResult,
  count,
  median,
  ms,
  repoRoot,
  table,
  time,
  verdictBelow,
} from "./measure.ts";
import { replayAndRead } from "./read-replay.ts";

const run = promisify(execFile);

export const flagshipTargets = { replayMs: 5, whatIfMs: 10 };

const CORPUS = "corpus/sino-soviet";
const WHAT_IF = "corpus/sino-soviet-what-if/ussr-signs-san-francisco.pacta";

/** Wall time of a command, median of `runs` after one unmeasured run; the exit code must be 0. */
async function wallTime(
  command: string,
  args: readonly string[],
  runs: number,
): Promise<{ readonly medianMs: number; readonly runsMs: number[] }> {
  const once = async (): Promise<number> => {
    const start = performance.now();
    await run(command, args, { cwd: repoRoot, env: { ...process.env, NO_COLOR: "1" } });
    return performance.now() - start;
  };
  await once();
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) runsMs.push(await once());
  return { medianMs: median(runsMs), runsMs };
}

export async function flagship(options: BenchOptions): Promise<BenchResult> {
  const documents = loadDocuments([join(repoRoot, CORPUS)], repoRoot);
  const changes = loadDocuments([join(repoRoot, WHAT_IF)], repoRoot);
  const bytes = documents.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0);
  const compilation = compile([...documents, ...changes]);
  if (compilation.hasErrors) throw new Error(`${CORPUS} does not compile without errors`);
  const model = compilation.model;
  const whatIf = [...model.whatIfs.values()][0];
  if (whatIf === undefined) throw new Error(`${WHAT_IF} holds no what-if`);
  const base = replay(model);
  const diff = diffReplays(
    base,
    replay(
      applyWhatIf(model, whatIf),
      whatIf.reading === undefined ? {} : { reading: whatIf.reading },
    ),
  );
  options.log(
    `Corpus: ${documents.length} documents, ${(bytes / 1000).toFixed(1)} kB, ${model.instruments.size} instruments, ${model.provisions.size} provisions, ${model.events.length} events; what-if '${whatIf.id}' changes ${diff.length} timelines`,
  );

  const plan = options.quick ? { warmups: 20, runs: 9 } : { warmups: 50, runs: 21 };
  const compileTiming = time(() => compile([...documents, ...changes]), plan);
  const replayTiming = time(() => replayAndRead(model), plan);
  const whatIfOnly = time(() => {
    const changed = applyWhatIf(model, whatIf);
    const after = replay(changed, whatIf.reading === undefined ? {} : { reading: whatIf.reading });
    return diffReplays(base, after);
  }, plan);
  // What `pacta what-if` computes: both replays and the diff.
  const whatIfFull = time(() => {
    const actual = replay(model);
    const changed = applyWhatIf(model, whatIf);
    const after = replay(changed, whatIf.reading === undefined ? {} : { reading: whatIf.reading });
    return diffReplays(actual, after);
  }, plan);

  const processRuns = options.quick ? 3 : 7;
  options.progress(`flagship: timing 'pacta check ${CORPUS}' as a process (${processRuns} runs)`);
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const checkNpx = await wallTime(npx, ["tsx", "src/cli/run.ts", "check", CORPUS], processRuns);
  const checkNode = await wallTime(
    process.execPath,
    ["--import", import.meta.resolve("tsx"), "src/cli/run.ts", "check", CORPUS],
    processRuns,
  );
  // `pacta check` as users run it after `npm start` or `npm run build`: bin/pacta.js, which runs
  // the build in dist/node when fresh. A stale build is made again first (about ten seconds).
  let entry = cliEntry(repoRoot);
  if (!entry.built) {
    await promisify(execFile)(process.execPath, ["bin/build-cli.js"], { cwd: repoRoot });
    entry = cliEntry(repoRoot);
  }
  const checkBin = await wallTime(process.execPath, ["bin/pacta.js", "check", CORPUS], processRuns);
  const nodeBaseline = await wallTime(process.execPath, ["-e", "0"], processRuns);

  const rows = [
    ["figure", "median", "best", "target"],
    [
      "compile (parse + resolve + check, what-if file included)",
      ms(compileTiming.median),
      ms(compileTiming.min),
      "",
    ],
    [
      "full replay, in-process",
      ms(replayTiming.median),
      ms(replayTiming.min),
      `< ${flagshipTargets.replayMs} ms: ${verdictBelow(replayTiming.median, flagshipTargets.replayMs)}`,
    ],
    [
      "what-if: apply + replay + diff against the replay at hand",
      ms(whatIfOnly.median),
      ms(whatIfOnly.min),
      `< ${flagshipTargets.whatIfMs} ms: ${verdictBelow(whatIfOnly.median, flagshipTargets.whatIfMs)}`,
    ],
    [
      "what-if as `pacta what-if` computes it: both replays + diff",
      ms(whatIfFull.median),
      ms(whatIfFull.min),
      `< ${flagshipTargets.whatIfMs} ms: ${verdictBelow(whatIfFull.median, flagshipTargets.whatIfMs)}`,
    ],
    [
      "`npx tsx src/cli/run.ts check corpus/sino-soviet`, wall",
      ms(checkNpx.medianMs),
      ms(Math.min(...checkNpx.runsMs)),
      "",
    ],
    [
      "`node --import tsx src/cli/run.ts check …`, wall",
      ms(checkNode.medianMs),
      ms(Math.min(...checkNode.runsMs)),
      "",
    ],
    [
      `\`node bin/pacta.js check …\`, wall (${entry.built ? "the build in dist/node" : "no fresh build: through tsx; run npm run build:cli"})`,
      ms(checkBin.medianMs),
      ms(Math.min(...checkBin.runsMs)),
      "",
    ],
    [
      "`node -e 0`, wall (process start-up alone)",
      ms(nodeBaseline.medianMs),
      ms(Math.min(...nodeBaseline.runsMs)),
      "",
    ],
  ];
  for (const line of table(rows)) options.log(`  ${line}`);
  options.log(
    `  (in-process figures: median and best of ${count(replayTiming.runs.length)} samples, each the mean of a batch of ~200 ms of runs (${replayTiming.batch} replays), after ${plan.warmups} warm-ups; processes: median and best of ${processRuns} after one)`,
  );
  return {
    name: "flagship",
    figures: {
      documents: documents.length,
      bytes,
      instruments: model.instruments.size,
      provisions: model.provisions.size,
      events: model.events.length,
      whatIf: whatIf.id,
      changedTimelines: diff.length,
      compileMs: compileTiming.median,
      replayMs: replayTiming.median,
      whatIfMs: whatIfOnly.median,
      whatIfWithBaseReplayMs: whatIfFull.median,
      checkProcessNpxMs: checkNpx.medianMs,
      checkProcessNodeMs: checkNode.medianMs,
      checkProcessBinMs: checkBin.medianMs,
      checkProcessBinBuilt: entry.built,
      nodeStartupMs: nodeBaseline.medianMs,
      targets: flagshipTargets,
    },
  };
}
