/** Timing, garbage collection and machine description shared by the benchmarks. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";

/** The repository root (bench/ is one level below it). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface BenchOptions {
  /** Smaller sizes and fewer runs, for a fast smoke run. */
  readonly quick: boolean;
  /** Write a CPU profile of the largest replay and name its top functions. */
  readonly profile: boolean;
  /** Where the peers' data sets live (env PACTA_PEERS_DIR, default ../shared/data/peers). */
  readonly peersDir: string;
  /** Where results and profiles are written. */
  readonly resultsDir: string;
  /** Prints a line of the report as soon as it is known. */
  readonly log: (line: string) => void;
  /** Prints a line of progress (on stderr, not part of the report). */
  readonly progress: (line: string) => void;
}

/** What one benchmark hands back: its figures, as they go to latest.json. */
export interface BenchResult {
  readonly name: string;
  readonly figures: Record<string, unknown>;
}

export type Benchmark = (options: BenchOptions) => Promise<BenchResult>;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

let gcFunction: (() => void) | null | undefined;

/** A full garbage collection, when the runtime allows one (`--expose-gc`, or enabled here). */
export function collectGarbage(): void {
  if (gcFunction === undefined) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === "function") gcFunction = exposed;
    else {
      try {
        v8.setFlagsFromString("--expose-gc");
        gcFunction = vm.runInNewContext("gc") as () => void;
      } catch {
        gcFunction = null;
      }
    }
  }
  gcFunction?.();
}

export interface Timing {
  /** Milliseconds of each measured sample (one run, or the mean of a batch of runs), in order. */
  readonly runs: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly warmups: number;
  /** Runs per sample: 1, or more for work that takes under 100 ms (see `time`). */
  readonly batch: number;
}

export interface TimingPlan {
  readonly warmups: number;
  readonly runs: number;
  /** Stop after this many runs once the measured runs have taken `budgetMs` in all. */
  readonly minRuns?: number;
  readonly budgetMs?: number;
}

/**
 * Runs `work` `warmups` times unmeasured, then takes `runs` samples (fewer, but at least
 * `minRuns`, when they exceed `budgetMs` in all), back to back: the steady state, where each run
 * pays for the garbage collections its allocations cause, as in real use. No collection is
 * forced between runs: a forced full collection shrinks the heap, and the run after it pays to
 * grow it again (several times the run's own cost for a run of a few milliseconds). Work that
 * takes under 100 ms is timed in batches of runs lasting about 200 ms, a sample being the mean
 * run of its batch, so that neither the timer's resolution nor the collections that fall on one
 * run rather than another decide the figure.
 */
export function time(work: () => unknown, plan: TimingPlan): Timing {
  for (let i = 0; i < plan.warmups; i++) work();
  // The length of one run, as the mean of the runs done in the first 20 ms (at least one).
  const probeStart = performance.now();
  let probeRuns = 0;
  do {
    work();
    probeRuns++;
  } while (performance.now() - probeStart < 20);
  const probe = (performance.now() - probeStart) / probeRuns;
  const batch =
    probe >= 100 ? 1 : Math.max(1, Math.min(2000, Math.ceil(200 / Math.max(probe, 0.01))));
  const runs: number[] = [];
  let spent = 0;
  for (let i = 0; i < plan.runs; i++) {
    const start = performance.now();
    for (let k = 0; k < batch; k++) work();
    const elapsed = performance.now() - start;
    runs.push(elapsed / batch);
    spent += elapsed;
    if (plan.budgetMs !== undefined && spent > plan.budgetMs && runs.length >= (plan.minRuns ?? 1))
      break;
  }
  return { runs, median: median(runs), min: Math.min(...runs), warmups: plan.warmups + 1, batch };
}

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGB: number;
  readonly node: string;
  readonly v8: string;
  readonly os: string;
}

function osName(): string {
  try {
    const release = readFileSync("/etc/os-release", "utf8");
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1];
    if (pretty !== undefined) return `${pretty}, ${os.type()} ${os.release()} ${os.arch()}`;
  } catch {
    // not Linux, or no os-release: the kernel line alone
  }
  return `${os.type()} ${os.release()} ${os.arch()}`;
}

function cpuModel(): string {
  const model = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  try {
    // Under a hypervisor the model name can be terse ("AMD EPYC"): the family and model
    // numbers tell the generation.
    const info = readFileSync("/proc/cpuinfo", "utf8");
    const family = /^cpu family\s*:\s*(\d+)$/m.exec(info)?.[1];
    const number = /^model\s*:\s*(\d+)$/m.exec(info)?.[1];
    if (family !== undefined && number !== undefined)
      return `${model} (family ${family}, model ${number})`;
  } catch {
    // not Linux
  }
  return model;
}

export function describeMachine(): Machine {
  return {
    cpu: cpuModel(),
    cores: os.availableParallelism(),
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    v8: process.versions.v8,
    os: osName(),
  };
}

export function machineLine(m: Machine): string {
  return `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB; Node ${m.node} (V8 ${m.v8}); ${m.os}`;
}

/** The load averages (1, 5, 15 minutes): figures taken on a busy machine are slower. */
export function loadLine(): string {
  const [one = 0, five = 0, fifteen = 0] = os.loadavg();
  const cores = os.availableParallelism();
  const busy =
    one > cores * 0.5
      ? ` (busy: other work shares the ${cores} cores, figures will be slower)`
      : "";
  return `Load average: ${one.toFixed(2)}, ${five.toFixed(2)}, ${fifteen.toFixed(2)}${busy}`;
}

// ------------------------------------------------------------------ formatting

export function ms(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  if (value < 1) return `${value.toFixed(3)} ms`;
  if (value < 10) return `${value.toFixed(2)} ms`;
  if (value < 1000) return `${value.toFixed(1)} ms`;
  return `${(value / 1000).toFixed(2)} s`;
}

/** 1234567 → "1,234,567". */
export function count(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

export function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}

/** "met" or "missed (2.3× over)" for a figure that should stay at or below its target. */
export function verdictBelow(value: number, target: number): string {
  return value <= target ? "met" : `missed (${(value / target).toFixed(1)}× the target)`;
}

/** "met" or "missed (at 12% of the target)" for a figure that should reach its target. */
export function verdictAbove(value: number, target: number): string {
  return value >= target ? "met" : `missed (${((100 * value) / target).toFixed(1)}% of the target)`;
}

/** Left-aligned columns, two spaces apart. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd(),
  );
}

/** The commit the code is at, and the folders of src/ with uncommitted changes (read-only git). */
export function codeVersion(): { readonly commit: string; readonly changed: readonly string[] } {
  try {
    const git = (...args: string[]): string =>
      execFileSync("git", args, {
        cwd: repoRoot,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      });
    const commit = git("rev-parse", "--short", "HEAD").trim();
    const changed = new Set<string>();
    for (const line of git("status", "--porcelain", "--", "src").split("\n")) {
      const path = line.slice(3).trim();
      const folder = /^src\/[^/]+/.exec(path)?.[0];
      if (folder !== undefined) changed.add(folder);
    }
    return { commit, changed: [...changed].sort() };
  } catch {
    return { commit: "unknown", changed: [] };
  }
}
