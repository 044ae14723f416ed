/**
 * One size of the compile-scale benchmark, in a process of its own so that its memory figures are
 * its own. Run by compile-scale.ts as
 *
 *   node --expose-gc --import tsx bench/compile-scale-child.ts --events N [--runs R]
 *
 * It generates the corpus as text (documents of about 1 MB, see synthetic-corpus.ts), then
 * compiles it once cold while recording the heap at every garbage collection (v8.GCProfiler) and
 * the RSS high-water mark, keeps the model to measure it, and compiles again for the timings; it
 * prints one line of JSON on stdout.
 */
import v8 from "node:v8";
import { compile } from "../src/language/index.ts";
import { commandLine, positiveInteger } from "./command-line.ts";
import { collectGarbage, median } from "./measure.ts";
import { generateCorpus } from "./synthetic-corpus.ts";

export interface CompileScaleChildResult {
  readonly events: number;
  readonly instruments: number;
  readonly provisions: number;
  readonly documents: number;
  /** UTF-8 size of the documents. */
  readonly megabytes: number;
  readonly generateMs: number;
  /** Heap in use with the documents' text alone (after a full collection). */
  readonly textHeapBytes: number;
  /** The first, cold compile: wall-clock and CPU time (user and system, all threads). */
  readonly coldMs: number;
  readonly coldCpuMs: number;
  /** Highest heap in use seen during the cold compile (before each collection, and at its end). */
  readonly peakHeapBytes: number;
  /** Heap in use with the compiled model held, beyond the text (after a full collection). */
  readonly modelHeapBytes: number;
  /** RSS high-water mark of the process right after the cold compile (getrusage maxrss). */
  readonly peakRssBytes: number;
  readonly gcCount: number;
  /** Time spent in collections during the cold compile. */
  readonly gcMs: number;
  readonly diagnostics: number;
  /** The warm compiles: wall-clock and CPU time. */
  readonly runsMs: readonly number[];
  readonly medianMs: number;
  readonly runsCpuMs: readonly number[];
  readonly medianCpuMs: number;
}

async function main(): Promise<void> {
  const usage =
    "Usage: node --expose-gc --import tsx bench/compile-scale-child.ts --events N [--runs R]";
  const { values } = commandLine("compile-scale-child", usage, {
    args: process.argv.slice(2),
    options: {
      events: { type: "string" },
      runs: { type: "string", default: "3" },
    },
  });
  const events = positiveInteger("compile-scale-child", usage, "--events", values.events);
  positiveInteger("compile-scale-child", usage, "--runs", values.runs);
  const started = performance.now();
  const corpus = generateCorpus({ events, text: true, documentSize: 1_000_000 });
  const documents = corpus.documents;
  const generateMs = performance.now() - started;
  const bytes = documents.reduce((sum, d) => sum + Buffer.byteLength(d.text, "utf8"), 0);

  collectGarbage();
  const textHeap = process.memoryUsage().heapUsed;
  const profiler = new v8.GCProfiler();
  profiler.start();
  const cpuStart = process.cpuUsage();
  const coldStart = performance.now();
  let compilation: ReturnType<typeof compile> | null = compile(documents);
  const coldMs = performance.now() - coldStart;
  const cpu = process.cpuUsage(cpuStart);
  const atEnd = process.memoryUsage().heapUsed;
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const gc = profiler.stop();
  let peakHeap = atEnd;
  let gcMicros = 0;
  for (const entry of gc?.statistics ?? []) {
    peakHeap = Math.max(peakHeap, entry.beforeGC.heapStatistics.usedHeapSize);
    gcMicros += entry.cost;
  }
  const diagnostics = compilation.diagnostics.length;
  if (compilation.model.events.length === 0) throw new Error("the compile produced nothing");
  collectGarbage();
  const withModel = process.memoryUsage().heapUsed;
  compilation = null;

  const runsMs: number[] = [];
  const runsCpuMs: number[] = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const cpuBefore = process.cpuUsage();
    const before = performance.now();
    compile(documents);
    runsMs.push(performance.now() - before);
    const used = process.cpuUsage(cpuBefore);
    runsCpuMs.push((used.user + used.system) / 1000);
  }

  const out: CompileScaleChildResult = {
    events: corpus.stats.events,
    instruments: corpus.stats.instruments,
    provisions: corpus.stats.provisions,
    documents: documents.length,
    megabytes: bytes / 1e6,
    generateMs,
    textHeapBytes: textHeap,
    coldMs,
    coldCpuMs: (cpu.user + cpu.system) / 1000,
    peakHeapBytes: peakHeap,
    modelHeapBytes: withModel - textHeap,
    peakRssBytes,
    gcCount: gc?.statistics.length ?? 0,
    gcMs: gcMicros / 1000,
    diagnostics,
    runsMs,
    medianMs: median(runsMs),
    runsCpuMs,
    medianCpuMs: median(runsCpuMs),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

await main();
