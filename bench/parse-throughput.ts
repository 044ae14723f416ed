/**
 * Parse and check throughput: a generated corpus of several MB of Pacta text (instruments with
 * articles, duties with composite deadlines, events with sources), measured four ways: lexing
 * into a token table (`tokenize`, what `parse` does), lexing into token objects (`lex`), lexing
 * and parsing (`parse`), and the whole of `compile` (parse, resolve, check). A full collection
 * comes before each phase, so that none pays for the garbage of the one before. Each phase is also
 * timed in CPU time, which waiting for a core on a shared machine does not inflate.
 */
import { compile, lex, parse } from "../src/language/index.ts";
import { tokenize } from "../src/language/syntax/lexer.ts";
import {
  type BenchOptions,
  type BenchResult,
  collectGarbage,
  count,
  median,
  ms,
  table,
  time,
} from "./measure.ts";
import { profileIfAsked } from "./profile.ts";
import { generateCorpus } from "./synthetic-corpus.ts";

/** Events in the corpus: about 5.5 MB of text in full, 0.7 MB in a quick run. */
export const parseCorpusEvents = { full: 40_000, quick: 5_000 };

export async function parseThroughput(options: BenchOptions): Promise<BenchResult> {
  const events = options.quick ? parseCorpusEvents.quick : parseCorpusEvents.full;
  const corpus = generateCorpus({ events, text: true });
  const documents = corpus.documents;
  const bytes = documents.reduce((sum, d) => sum + Buffer.byteLength(d.text, "utf8"), 0);
  const megabytes = bytes / 1e6;
  const check = compile(documents);
  const errors = check.diagnostics.filter((d) => d.severity === "error").length;
  options.log(
    `Corpus: ${megabytes.toFixed(2)} MB in ${documents.length} documents, ${count(corpus.stats.instruments)} instruments, ${count(corpus.stats.provisions)} provisions, ${count(corpus.stats.events)} events; ${check.diagnostics.length} diagnostics (${errors} errors)`,
  );
  if (errors > 0) throw new Error("the generated corpus does not compile without errors");

  const plan = options.quick
    ? { warmups: 1, runs: 3 }
    : { warmups: 1, runs: 7, minRuns: 5, budgetMs: 120_000 };
  const phases = [
    {
      key: "tokenize",
      label: "lex to a token table (tokenize)",
      work: () => {
        for (const d of documents) tokenize(d.text, d.file);
      },
    },
    {
      key: "lex",
      label: "lex to token objects (lex)",
      work: () => {
        for (const d of documents) lex(d.text, d.file);
      },
    },
    {
      key: "parse",
      label: "lex + parse",
      work: () => {
        for (const d of documents) parse(d.text, d.file);
      },
    },
    { key: "compile", label: "compile (parse + resolve + check)", work: () => compile(documents) },
  ];
  const rows: string[][] = [["phase", "median", "throughput", "runs", "CPU median"]];
  const figures: Record<string, unknown> = {
    megabytes,
    documents: documents.length,
    instruments: corpus.stats.instruments,
    provisions: corpus.stats.provisions,
    events: corpus.stats.events,
  };
  for (const phase of phases) {
    collectGarbage();
    const timing = time(phase.work, plan);
    const throughput = megabytes / (timing.median / 1000);
    const cpu = cpuMedian(phase.work, options.quick ? 3 : 5);
    rows.push([
      phase.label,
      ms(timing.median),
      `${throughput.toFixed(2)} MB/s`,
      String(timing.runs.length),
      ms(cpu),
    ]);
    figures[phase.key] = {
      medianMs: timing.median,
      runsMs: timing.runs,
      megabytesPerSecond: throughput,
      cpuMedianMs: cpu,
    };
  }
  for (const line of table(rows)) options.log(`  ${line}`);
  options.log(
    "  (CPU median: user and system time of one run, all threads, the collector's included; waiting for a core does not count)",
  );
  const hot = await profileIfAsked(options, "compile", "one compile of the corpus", () => {
    compile(documents);
  });
  if (hot !== null) figures["profile"] = hot;
  return { name: "parse", figures };
}

/** Median CPU time (user and system, all threads) of `runs` runs of `work`, in milliseconds. */
function cpuMedian(work: () => void, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    samples.push((used.user + used.system) / 1000);
  }
  return median(samples);
}
