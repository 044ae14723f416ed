/**
 * Compile at scale: generated corpora of 10^4 to 10^6 events as text (documents of about 1 MB),
 * compiled whole. Each size runs in a child process (bench/compile-scale-child.ts, with
 * --expose-gc and Node's default heap limit) so that its memory high-water marks are its own.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import type { CompileScaleChildResult } from "./compile-scale-child.ts";
import { type BenchOptions, type BenchResult, count, mb, ms, repoRoot, table } from "./measure.ts";

const run = promisify(execFile);

export const compileScaleSizes = { full: [1e4, 1e5, 1e6], quick: [1e4, 1e5] };

/** Runs one size in a child process and returns what it measured. */
export async function compileScaleChild(
  events: number,
  runs: number,
): Promise<CompileScaleChildResult> {
  const tsx = import.meta.resolve("tsx");
  const args = [
    "--expose-gc",
    "--import",
    tsx,
    join(repoRoot, "bench", "compile-scale-child.ts"),
    "--events",
    String(events),
    "--runs",
    String(runs),
  ];
  const { stdout } = await run(process.execPath, args, { cwd: repoRoot, maxBuffer: 16 * 2 ** 20 });
  const line = stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as CompileScaleChildResult;
}

export async function compileScale(options: BenchOptions): Promise<BenchResult> {
  const sizes = options.quick ? compileScaleSizes.quick : compileScaleSizes.full;
  options.log(
    "Generated corpora as text (bench/synthetic-corpus.ts, seed 0x5eed, documents of about 1 MB), each size in a child process with Node's default heap limit",
  );
  const rows: string[][] = [
    [
      "events",
      "text",
      "cold",
      "cold CPU",
      "median",
      "CPU median",
      "MB/s",
      "GC (cold)",
      "text heap",
      "peak heap",
      "model heap",
      "peak RSS",
    ],
  ];
  const perSize: CompileScaleChildResult[] = [];
  const failures: { readonly events: number; readonly reason: string }[] = [];
  for (const events of sizes) {
    let child: CompileScaleChildResult;
    try {
      child = await compileScaleChild(events, events >= 1e6 ? 1 : 3);
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? String(error);
      const reason =
        stderr
          .split("\n")
          .find((line) => /Error|heap/.test(line))
          ?.trim() ?? "the child process failed";
      options.log(`  ${count(events)} events: FAILED (${reason})`);
      failures.push({ events, reason });
      continue;
    }
    perSize.push(child);
    rows.push([
      count(child.events),
      `${child.megabytes.toFixed(1)} MB`,
      ms(child.coldMs),
      ms(child.coldCpuMs),
      ms(child.medianMs),
      ms(child.medianCpuMs),
      (child.megabytes / (child.medianMs / 1000)).toFixed(2),
      ms(child.gcMs),
      mb(child.textHeapBytes),
      mb(child.peakHeapBytes),
      mb(child.modelHeapBytes),
      mb(child.peakRssBytes),
    ]);
    options.progress(`compile-scale: ${count(child.events)} events, cold ${ms(child.coldMs)}`);
  }
  for (const line of table(rows)) options.log(`  ${line}`);
  options.log(
    "(cold: the first compile, which also warms the JIT; median: the compiles after it, MB/s from it; CPU: user and system time, all threads; text heap: the documents' text alone; model heap: what the compiled model adds to it)",
  );
  if (perSize.length === 0) throw new Error("every size failed");
  return { name: "compile-scale", figures: { sizes: perSize, failures } };
}
