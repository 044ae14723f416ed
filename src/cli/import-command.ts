import { statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import cliProgress from "cli-progress";
import type { DocumentText } from "../language/compile.ts";
import type { Diagnostic } from "../language/diagnostics/diagnostic.ts";
import {
  type CorpusStore,
  type ImportProgress,
  openStore,
  StoreError,
  type WriteResult,
} from "../store/index.ts";
import { type Io, messageOf } from "./io.ts";
import { loadDocuments, UsageError } from "./load-documents.ts";
import { formatDiagnostics } from "./print-diagnostics.ts";
import { makeStyle } from "./style.ts";

export interface ImportCommandOptions {
  /** A SQLite file or a `postgres://` URL; default as `openStore` chooses. */
  readonly database?: string | undefined;
}

/** A document as read from disk: its name in the store and the path it was read from. */
interface LoadedDocument extends DocumentText {
  readonly path: string;
}

const phaseNames: Record<ImportProgress["phase"], string> = {
  compile: "compiling",
  replay: "replaying",
  write: "writing  ",
};

/**
 * `pacta import FILES|DIRS [--database DB]`: loads documents into the corpus store in one
 * transaction. A document inside a folder is stored under its path relative to that folder, a
 * file named alone under its base name, so importing the same folder from anywhere updates the
 * same documents. Exit codes: 0 imported (or nothing changed), 1 refused (diagnostics) or the
 * store failed, 2 usage.
 */
export async function runImport(
  paths: readonly string[],
  options: ImportCommandOptions,
  io: Io,
): Promise<number> {
  const style = makeStyle(io.color);
  let documents: LoadedDocument[];
  try {
    documents = loadNamed(paths);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`pacta: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  let store: CorpusStore;
  try {
    store = await openStore(options.database === undefined ? {} : { database: options.database });
  } catch (error) {
    if (error instanceof StoreError) {
      io.err(`pacta: ${error.message}\n`);
      return 2;
    }
    io.err(`pacta: cannot open the store: ${messageOf(error)}\n`);
    return 1;
  }

  const bar = process.stderr.isTTY === true ? progressBar() : undefined;
  let result: WriteResult;
  let corpus: readonly DocumentText[] = [];
  try {
    result = await store.importDocuments(
      documents.map(({ file, text }) => ({ file, text })),
      bar === undefined ? {} : { onProgress: bar.update },
    );
    bar?.stop();
    if (result.ok && result.diagnostics.length > 0) corpus = await store.currentDocuments();
  } catch (error) {
    bar?.stop();
    io.err(`pacta: the import failed and nothing was written: ${messageOf(error)}\n`);
    return 1;
  } finally {
    await store.close().catch(() => {});
  }

  const diskPaths = new Map(documents.map((d) => [d.file, d.path]));
  if (!result.ok) {
    if (result.reason === "conflict" || result.reason === "missing") {
      io.err(`pacta: ${result.file} changed meanwhile; nothing was imported\n`);
      return 1;
    }
    const shown = onDisk(result.diagnostics, result.documents, diskPaths);
    io.err(formatDiagnostics(shown.diagnostics, shown.documents, style));
    io.err(`${style.red("Refused")}: the corpus would have errors; nothing was imported.\n`);
    return 1;
  }
  if (result.diagnostics.length > 0) {
    const shown = onDisk(result.diagnostics, corpus, diskPaths);
    io.err(formatDiagnostics(shown.diagnostics, shown.documents, style));
  }
  const { created, changed, unchanged } = result;
  const count = `${documents.length} document${documents.length === 1 ? "" : "s"}`;
  io.out(
    `${style.green("Imported")} ${count} into ${store.location}: ` +
      `${created.length} new, ${changed.length} changed, ${unchanged.length} unchanged` +
      (created.length + changed.length > 0 ? ` (revision ${result.revision})\n` : "\n"),
  );
  return 0;
}

/** Loads each path, naming documents relative to the folder given (or by base name). */
function loadNamed(paths: readonly string[]): LoadedDocument[] {
  if (paths.length === 0) throw new UsageError("Name at least one .pacta file or folder");
  const byName = new Map<string, LoadedDocument>();
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new UsageError(`Cannot read '${path}': no such file or folder`);
    }
    const base = isDirectory ? path : dirname(path);
    for (const d of loadDocuments([path], base)) {
      const file = d.file.split(sep).join("/");
      const onDiskPath = relative(process.cwd(), join(base, d.file)) || d.file;
      const previous = byName.get(file);
      if (previous !== undefined && previous.path !== onDiskPath) {
        throw new UsageError(
          `'${previous.path}' and '${onDiskPath}' would both be stored as '${file}'; import them separately`,
        );
      }
      byName.set(file, { file, text: d.text, path: onDiskPath });
    }
  }
  return [...byName.values()];
}

/** Diagnostics and documents renamed to the paths read from disk, where there is one. */
function onDisk(
  diagnostics: readonly Diagnostic[],
  documents: readonly DocumentText[],
  paths: ReadonlyMap<string, string>,
): { diagnostics: Diagnostic[]; documents: DocumentText[] } {
  const rename = (file: string) => paths.get(file) ?? file;
  return {
    diagnostics: diagnostics.map((d) => ({ ...d, at: { ...d.at, file: rename(d.at.file) } })),
    documents: documents.map((d) => ({ file: rename(d.file), text: d.text })),
  };
}

/** A bar on stderr, one phase after another. */
function progressBar(): { update: (p: ImportProgress) => void; stop: () => void } {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: "{phase} [{bar}] {value}/{total}",
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let phase: ImportProgress["phase"] | undefined;
  return {
    update(p) {
      if (!started) {
        bar.start(p.total, p.done, { phase: phaseNames[p.phase] });
        started = true;
      } else if (p.phase !== phase) {
        bar.setTotal(p.total);
      }
      phase = p.phase;
      bar.update(p.done, { phase: phaseNames[p.phase] });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
