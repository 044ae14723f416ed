/**
 * Replay throughput (events/s), per-event cost and peak memory on generated corpora of 10^3 to
 * 10^6 events. Each size runs in a child process (bench/replay-child.ts, with --expose-gc) so that
 * its memory high-water marks and its heap are its own; the replay is timed alone, the model being
 * built beforehand.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  type BenchOptions,
  type BenchResult,
  count,
  mb,
  ms,
  repoRoot,
  table,
  verdictAbove,
  verdictBelow,
} from "./measure.ts";
import type { ReplayChildResult } from "./replay-child.ts";

const run = promisify(execFile);

export const replaySizes = { full: [1e3, 1e4, 1e5, 1e6], quick: [1e3, 1e4, 1e5] };

/** Pacta's performance targets. */
export const replayTargets = {
  eventsPerSecond: 1_000_000,
  flatness: 1.5,
  peakBytesAt1e6: 300 * 2 ** 20,
};

/** Runs one size in a child process and returns what it measured. */
export async function replayChild(
  events: number,
  options: { readonly runs: number; readonly budgetMs: number; readonly profile?: string },
): Promise<ReplayChildResult> {
  const tsx = import.meta.resolve("tsx");
  const args = [
    "--expose-gc",
    "--max-old-space-size=8192",
    "--import",
    tsx,
    join(repoRoot, "bench", "replay-child.ts"),
    "--events",
    String(events),
    "--runs",
    String(options.runs),
    "--budget",
    String(options.budgetMs),
    ...(options.profile === undefined ? [] : ["--profile", options.profile]),
  ];
  const { stdout } = await run(process.execPath, args, {
    cwd: repoRoot,
    maxBuffer: 16 * 2 ** 20,
  });
  const line = stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as ReplayChildResult;
}

export async function replayThroughput(options: BenchOptions): Promise<BenchResult> {
  const sizes = options.quick ? replaySizes.quick : replaySizes.full;
  const largest = sizes[sizes.length - 1]!;
  options.log(
    "Generated corpora (bench/synthetic-corpus.ts, seed 0x5eed), each size in a child process; the model is built as objects, the replay timed alone",
  );
  const rows: string[][] = [
    [
      "events",
      "instruments",
      "median",
      "best",
      "runs",
      "events/s",
      "µs/event",
      "model heap",
      "peak heap",
      "kept heap",
      "peak RSS",
    ],
  ];
  const failures: { readonly events: number; readonly reason: string }[] = [];
  const perSize: (ReplayChildResult & {
    readonly perEventMicros: number;
    readonly eventsPerSecond: number;
  })[] = [];
  for (const events of sizes) {
    const profilePath =
      options.profile && events === largest
        ? join(options.resultsDir, `replay-${events}.cpuprofile`)
        : undefined;
    let child: ReplayChildResult;
    try {
      child = await replayChild(events, {
        runs: options.quick ? 3 : 7,
        budgetMs: options.quick ? 20_000 : 120_000,
        ...(profilePath === undefined ? {} : { profile: profilePath }),
      });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? String(error);
      const reason =
        stderr
          .split("\n")
          .find((line) => /Error/.test(line))
          ?.trim() ?? "the child process failed";
      options.log(`  ${count(events)} events: FAILED (${reason})`);
      failures.push({ events, reason });
      continue;
    }
    const perEventMicros = (child.medianMs * 1000) / child.events;
    const eventsPerSecond = child.events / (child.medianMs / 1000);
    perSize.push({ ...child, perEventMicros, eventsPerSecond });
    const row = [
      count(child.events),
      count(child.instruments),
      ms(child.medianMs),
      ms(Math.min(...child.runsMs)),
      child.batch > 1 ? `${child.runsMs.length}×${child.batch}` : String(child.runsMs.length),
      count(eventsPerSecond),
      perEventMicros.toFixed(2),
      mb(child.modelHeapBytes),
      mb(child.peakHeapBytes),
      mb(child.retainedHeapBytes),
      mb(child.peakRssBytes),
    ];
    rows.push(row);
    options.progress(
      `replay: ${count(child.events)} events, median ${ms(child.medianMs)} of ${child.runsMs.length} runs`,
    );
  }
  if (perSize.length === 0) throw new Error("every size failed");
  const costs = perSize.map((s) => s.perEventMicros);
  const flatness = Math.max(...costs) / Math.min(...costs);
  const fromSecond = costs.slice(1);
  const flatnessFromSecond =
    fromSecond.length >= 2 ? Math.max(...fromSecond) / Math.min(...fromSecond) : null;
  const slowest = Math.min(...perSize.map((s) => s.eventsPerSecond));
  const atLargest = perSize[perSize.length - 1]!;
  for (const line of table(rows)) options.log(`  ${line}`);
  options.log(
    "(model heap: in use once the model is built; peak heap: the highest in use during the first replay, garbage not yet collected included; kept heap: the model and the replay's result after a full collection; peak RSS: the process's high-water mark)",
  );
  options.log(
    `At ${count(atLargest.events)} events: ${(atLargest.events / atLargest.instruments).toFixed(1)} events and ${(atLargest.provisions / atLargest.instruments).toFixed(1)} provisions per instrument, ${((100 * atLargest.noiseEvents) / atLargest.events).toFixed(0)}% of the events noise (matching nothing); model generated in ${ms(atLargest.generateMs)}`,
  );
  options.log(
    `Per-event cost max/min over ${count(perSize[0]!.events)}..${count(atLargest.events)} events: ${flatness.toFixed(2)}× (target ≤ ${replayTargets.flatness}×: ${verdictBelow(flatness, replayTargets.flatness)})`,
  );
  if (flatnessFromSecond !== null)
    options.log(
      `  (from ${count(perSize[1]!.events)} events on: ${flatnessFromSecond.toFixed(2)}×; per-event cost by size: ${costs.map((c) => `${c.toFixed(2)} µs`).join(", ")})`,
    );
  options.log(
    `Slowest throughput: ${count(slowest)} events/s (target ≥ ${count(replayTargets.eventsPerSecond)}: ${verdictAbove(slowest, replayTargets.eventsPerSecond)})`,
  );
  if (atLargest.events === 1e6)
    options.log(
      `Peak memory at 10^6 events: ${mb(atLargest.peakHeapBytes)} heap (model alone ${mb(atLargest.modelHeapBytes)}; model and result after a full collection ${mb(atLargest.retainedHeapBytes)}), ${mb(atLargest.peakRssBytes)} RSS (target < 300 MB: ${verdictBelow(atLargest.peakHeapBytes, replayTargets.peakBytesAt1e6)} on the heap, ${verdictBelow(atLargest.peakRssBytes, replayTargets.peakBytesAt1e6)} on RSS)`,
    );
  if (atLargest.hot !== undefined) {
    options.log(
      `CPU profile of one replay of ${count(largest)} events (self time), written to bench/results/replay-${largest}.cpuprofile:`,
    );
    for (const h of atLargest.hot)
      options.log(
        `  ${(h.share * 100).toFixed(1).padStart(5)}%  ${ms(h.selfMs).padStart(9)}  ${h.name}`,
      );
  }
  return {
    name: "replay",
    figures: {
      sizes: perSize,
      failures,
      flatness,
      flatnessFromSecond,
      slowestEventsPerSecond: slowest,
      targets: replayTargets,
    },
  };
}
