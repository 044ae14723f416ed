import { writeFileSync } from "node:fs";
import {
  applyWhatIf,
  diffReplays,
  diffToJson,
  dueBetween,
  explain,
  explanationToJson,
  type Replay,
  replay,
  replayToJson,
  stateAtToJson,
  violations,
} from "../engine/index.ts";
import { formatDay } from "../language/calendar/day.ts";
import { parseDatePart } from "../language/calendar/parse-date.ts";
import { type Compilation, compile, type DocumentText } from "../language/compile.ts";
import { modelToJson } from "../language/model-to-json.ts";
import { formatText } from "../language/syntax/format.ts";
import type { Io } from "./io.ts";
import { loadDocuments, UsageError } from "./load-documents.ts";
import { formatDiagnostics } from "./print-diagnostics.ts";
import { formatDiff, formatExplanation, formatReplay, formatStateAt } from "./print-replay.ts";
import { makeStyle } from "./style.ts";

interface Options {
  readonly at?: string | undefined;
  readonly reading?: string | undefined;
  readonly json?: boolean | undefined;
  readonly with?: string | undefined;
  readonly check?: boolean | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** Compiles documents; prints diagnostics to stderr; undefined when there are errors. */
function compileOrReport(
  documents: readonly DocumentText[],
  io: Io,
  quietWarnings = false,
): Compilation | undefined {
  const compilation = compile(documents);
  const shown = quietWarnings
    ? compilation.diagnostics.filter((d) => d.severity === "error")
    : compilation.diagnostics;
  if (shown.length > 0) io.err(formatDiagnostics(shown, documents, makeStyle(io.color)));
  return compilation.hasErrors ? undefined : compilation;
}

function parseAt(at: string | undefined): number | undefined {
  if (at === undefined) return undefined;
  const part = parseDatePart(at);
  if (typeof part === "string") throw new UsageError(`--at: ${part}`);
  return part.first;
}

function checkReading(compilation: Compilation, reading: string | undefined): void {
  if (reading !== undefined && !compilation.model.readings.has(reading)) {
    const known = [...compilation.model.readings.keys()];
    throw new UsageError(
      `--reading: no reading named '${reading}'${known.length > 0 ? `; the documents define ${known.join(", ")}` : "; the documents define none"}`,
    );
  }
}

function readingOption(reading: string | undefined): { reading?: string } {
  return reading === undefined ? {} : { reading };
}

/** Compiles the documents and replays them under the chosen reading; undefined on errors. */
function compileAndReplay(
  paths: readonly string[],
  options: Options,
  io: Io,
): { compilation: Compilation; result: Replay } | undefined {
  const compilation = compileOrReport(loadDocuments(paths), io, true);
  if (!compilation) return undefined;
  checkReading(compilation, options.reading);
  return { compilation, result: replay(compilation.model, readingOption(options.reading)) };
}

export function runCheck(paths: readonly string[], options: Options, io: Io): number {
  const documents = loadDocuments(paths);
  const compilation = compile(documents);
  if (options.json)
    io.out(`${JSON.stringify({ diagnostics: compilation.diagnostics }, null, 2)}\n`);
  else io.out(formatDiagnostics(compilation.diagnostics, documents, makeStyle(io.color)));
  return compilation.hasErrors ? 1 : 0;
}

/** The resolved model as JSON, for other tools. */
export function runModel(paths: readonly string[], io: Io): number {
  const compilation = compileOrReport(loadDocuments(paths), io, true);
  if (!compilation) return 1;
  io.out(`${JSON.stringify(modelToJson(compilation.model), null, 2)}\n`);
  return 0;
}

/** Deadlines that fell due in a period, with what became of each. */
export function runDue(paths: readonly string[], options: Options, io: Io): number {
  const from = parseAt(options.from);
  const to = options.to === undefined ? undefined : lastDay(options.to);
  if (from === undefined || to === undefined)
    throw new UsageError("due: give the period with --from DATE --to DATE");
  const replayed = compileAndReplay(paths, options, io);
  if (!replayed) return 1;
  const { result } = replayed;
  const due = dueBetween(result, from, to);
  if (options.json) {
    io.out(
      `${JSON.stringify(
        due.map((d) => ({ ...d, due: formatDay(d.due) })),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const style = makeStyle(io.color);
  io.out(
    `${style.bold(`Due from ${formatDay(from)} to ${formatDay(to)} · reading ${result.reading ?? "(none)"}`)}\n`,
  );
  if (due.length === 0) io.out("  nothing fell due\n");
  const width = Math.max(0, ...due.map((d) => d.provision.length)) + 2;
  for (const d of due)
    io.out(
      `  ${formatDay(d.due)}  ${d.provision.padEnd(width)}${d.outcome.padEnd(10)} ${style.dim(d.limb)}\n`,
    );
  return 0;
}

/** Every violation, with the reason. */
export function runViolations(paths: readonly string[], options: Options, io: Io): number {
  const replayed = compileAndReplay(paths, options, io);
  if (!replayed) return 1;
  const { result } = replayed;
  const found = violations(result);
  if (options.json) {
    io.out(
      `${JSON.stringify(
        found.map((v) => ({
          id: v.id,
          from: formatDay(v.interval.from),
          reason: v.interval.reason,
        })),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const style = makeStyle(io.color);
  io.out(`${style.bold(`Violations · reading ${result.reading ?? "(none)"}`)}\n`);
  if (found.length === 0) io.out("  none\n");
  for (const v of found)
    io.out(
      `  ${formatDay(v.interval.from)}  ${style.red(v.id)}\n    ${v.interval.reason.summary}\n`,
    );
  return 0;
}

function lastDay(text: string): number {
  const part = parseDatePart(text);
  if (typeof part === "string") throw new UsageError(`--to: ${part}`);
  return part.last;
}

export function runReplay(paths: readonly string[], options: Options, io: Io): number {
  const at = parseAt(options.at);
  const replayed = compileAndReplay(paths, options, io);
  if (!replayed) return 1;
  const { compilation, result } = replayed;
  const style = makeStyle(io.color);
  if (options.json) {
    const json = replayToJson(result);
    io.out(
      `${JSON.stringify(at === undefined ? json : stateAtToJson(result, result.reading, at), null, 2)}\n`,
    );
  } else if (at !== undefined) {
    io.out(formatStateAt(compilation.model, result, at, style));
  } else {
    io.out(formatReplay(compilation.model, result, style));
  }
  return 0;
}

export function runExplain(positionals: readonly string[], options: Options, io: Io): number {
  const [id, ...paths] = positionals;
  if (id === undefined)
    throw new UsageError("explain: name a provision or instrument id, then the documents");
  const at = parseAt(options.at);
  const replayed = compileAndReplay(paths.length > 0 ? paths : ["corpus/sino-soviet"], options, io);
  if (!replayed) return 1;
  const { compilation, result } = replayed;
  const explanation = explain(result, compilation.model, id, at);
  if (!explanation) {
    throw new UsageError(
      `explain: no instrument or provision '${id}'; use INSTRUMENT.PROVISION when a provision id is not unique`,
    );
  }
  if (options.json)
    io.out(`${JSON.stringify(explanationToJson(explanation, result.reading), null, 2)}\n`);
  else io.out(formatExplanation(explanation, compilation.model, makeStyle(io.color)));
  return 0;
}

export function runWhatIf(paths: readonly string[], options: Options, io: Io): number {
  if (options.with === undefined)
    throw new UsageError("what-if: give the changes file with --with CHANGES.pacta");
  const documents = loadDocuments(paths);
  const changes = loadDocuments([options.with]);
  const compilation = compileOrReport([...documents, ...changes], io, true);
  if (!compilation) return 1;
  const changeFiles = new Set(changes.map((d) => d.file));
  const whatIfs = [...compilation.model.whatIfs.values()].filter((w) => changeFiles.has(w.at.file));
  if (whatIfs.length === 0)
    throw new UsageError(`what-if: ${options.with} holds no 'what-if' statement`);
  checkReading(compilation, options.reading);
  const style = makeStyle(io.color);
  const reports: unknown[] = [];
  const actual = replay(compilation.model, readingOption(options.reading));
  for (const whatIf of whatIfs) {
    const counterfactual = replay(
      applyWhatIf(compilation.model, whatIf),
      readingOption(whatIf.reading ?? options.reading),
    );
    const diff = diffReplays(actual, counterfactual);
    if (options.json)
      reports.push({
        whatIf: whatIf.id,
        description: whatIf.description,
        changes: diffToJson(diff),
      });
    else io.out(formatDiff(whatIf, diff, style));
  }
  if (options.json)
    io.out(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
  return 0;
}

export function runFmt(paths: readonly string[], options: Options, io: Io): number {
  const documents = loadDocuments(paths);
  let failed = false;
  let changed = 0;
  for (const document of documents) {
    const result = formatText(document.text, document.file);
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) {
      io.err(formatDiagnostics(errors, [document], makeStyle(io.color)));
      failed = true;
      continue;
    }
    if (result.text === document.text) continue;
    changed += 1;
    if (options.check) io.out(`${document.file}: not formatted\n`);
    else writeFileSync(document.file, result.text);
  }
  if (!options.check) io.out(`Formatted ${changed} of ${documents.length} files\n`);
  return failed || (options.check && changed > 0) ? 1 : 0;
}
