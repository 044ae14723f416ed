/**
 * One size of the replay benchmark, in a process of its own so that its memory figures are not
 * polluted by other sizes. Run by replay-throughput.ts as
 *
 *   node --expose-gc --import tsx bench/replay-child.ts --events N [--runs R] [--profile FILE]
 *
 * It generates the model (objects, not text: see synthetic-corpus.ts), replays it once cold while
 * recording the heap at every garbage collection (v8.GCProfiler) and the RSS high-water mark, then
 * replays it again for the timings; it prints one line of JSON on stdout.
 */
import v8 from "node:v8";
import type { replay } from "../src/engine/index.ts";
import { commandLine, positiveInteger } from "./command-line.ts";
import { collectGarbage, time } from "./measure.ts";
import { hotFunctions, profile, writeProfile } from "./profile.ts";
import { replayAndRead } from "./read-replay.ts";
import { generateCorpus } from "./synthetic-corpus.ts";

export interface ReplayChildResult {
  readonly events: number;
  readonly instruments: number;
  readonly provisions: number;
  readonly noiseEvents: number;
  readonly generateMs: number;
  /** The first, cold replay (which also warms the JIT). */
  readonly coldMs: number;
  /** Each sample: one replay, or the mean of `batch` replays (see `time` in measure.ts). */
  readonly runsMs: readonly number[];
  readonly batch: number;
  readonly medianMs: number;
  readonly warmups: number;
  /** Heap in use once the model is built (after a full collection). */
  readonly modelHeapBytes: number;
  /** Highest heap in use seen during the cold replay (before each collection, and at its end). */
  readonly peakHeapBytes: number;
  /** Heap still in use after the cold replay with its result held (after a full collection). */
  readonly retainedHeapBytes: number;
  /** RSS high-water mark of the process right after the cold replay (getrusage maxrss). */
  readonly peakRssBytes: number;
  /** RSS once the model is built (after a full collection). */
  readonly rssBeforeBytes: number;
  /** RSS high-water mark before the replay (from generating the model). */
  readonly peakRssBeforeReplayBytes: number;
  readonly gcCount: number;
  readonly hot?: readonly {
    readonly name: string;
    readonly selfMs: number;
    readonly share: number;
  }[];
}

async function main(): Promise<void> {
  const usage =
    "Usage: node --expose-gc --import tsx bench/replay-child.ts --events N [--runs R] [--budget MS] [--seed S] [--profile FILE]";
  const { values } = commandLine("replay-child", usage, {
    args: process.argv.slice(2),
    options: {
      events: { type: "string" },
      runs: { type: "string", default: "7" },
      budget: { type: "string", default: "90000" },
      seed: { type: "string" },
      profile: { type: "string" },
    },
  });
  const events = positiveInteger("replay-child", usage, "--events", values.events);
  const runs = positiveInteger("replay-child", usage, "--runs", values.runs);
  positiveInteger("replay-child", usage, "--budget", values.budget);
  if (values.seed !== undefined) positiveInteger("replay-child", usage, "--seed", values.seed);
  const started = performance.now();
  const corpus = generateCorpus({
    events,
    model: true,
    ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
  });
  const model = corpus.model!;
  const generateMs = performance.now() - started;

  collectGarbage();
  const before = process.memoryUsage();
  const rssHighBefore = process.resourceUsage().maxRSS * 1024;
  const profiler = new v8.GCProfiler();
  profiler.start();
  const coldStart = performance.now();
  let result: ReturnType<typeof replay> | null = replayAndRead(model);
  const coldMs = performance.now() - coldStart;
  const atEnd = process.memoryUsage().heapUsed;
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const gc = profiler.stop();
  let peakHeap = atEnd;
  for (const entry of gc?.statistics ?? [])
    peakHeap = Math.max(peakHeap, entry.beforeGC.heapStatistics.usedHeapSize);
  collectGarbage();
  const retained = process.memoryUsage().heapUsed;
  if (result.provisions.size === 0) throw new Error("the replay produced nothing");
  result = null;

  // The cold run is the first warm-up. Sizes that replay in under 5 s get more: at least two,
  // and at least half a second of them (the JIT needs both to settle).
  let warmups = 0;
  if (coldMs < 5000) {
    const start = performance.now();
    while (warmups < 50 && (warmups < 2 || performance.now() - start < 500)) {
      replayAndRead(model);
      warmups++;
    }
  }
  // Small sizes run in milliseconds: more runs steady the median.
  const timing = time(() => replayAndRead(model), {
    warmups: 0,
    runs: coldMs < 50 ? Math.max(runs, 21) : coldMs < 1000 ? Math.max(runs, 15) : runs,
    minRuns: 3,
    budgetMs: Number(values.budget),
  });

  let hot: ReplayChildResult["hot"];
  if (values.profile !== undefined) {
    collectGarbage();
    const cpu = await profile(() => replayAndRead(model));
    writeProfile(values.profile, cpu);
    hot = hotFunctions(cpu, 15);
  }

  const out: ReplayChildResult = {
    events: corpus.stats.events,
    instruments: corpus.stats.instruments,
    provisions: corpus.stats.provisions,
    noiseEvents: corpus.stats.noiseEvents,
    generateMs,
    coldMs,
    runsMs: timing.runs,
    batch: timing.batch,
    medianMs: timing.median,
    warmups: warmups + 1,
    modelHeapBytes: before.heapUsed,
    peakHeapBytes: peakHeap,
    retainedHeapBytes: retained,
    peakRssBytes,
    rssBeforeBytes: before.rss,
    peakRssBeforeReplayBytes: rssHighBefore,
    gcCount: gc?.statistics.length ?? 0,
    ...(hot === undefined ? {} : { hot }),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

await main();
