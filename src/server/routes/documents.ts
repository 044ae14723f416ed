import type { Context } from "hono";
import type { Diagnostic } from "../../language/diagnostics/diagnostic.ts";
import type { CorpusStore, WriteResult } from "../../store/index.ts";
import { ApiError } from "../api-error.ts";
import {
  checkFileName,
  optionalCountField,
  readJsonObject,
  stringField,
  versionQuery,
} from "../http-input.ts";
import type { RegisterRoutes } from "./route-deps.ts";

/** At most this many errors of other documents are sent with a refusal (the message counts all). */
const maxOtherDiagnostics = 50;

/** Documents: list, read (any version), versions, create and update with validation. */
export const documentRoutes: RegisterRoutes = (app, { store, writeGuard }) => {
  app.get("/api/documents", async (c) => {
    const documents = await store.listDocuments();
    return c.json(documents);
  });

  app.post("/api/documents", writeGuard, async (c) => {
    const body = await readJsonObject(c);
    const file = checkFileName(stringField(body, "file"));
    const text = stringField(body, "text");
    const result = await store.saveDocument(file, text, { ifVersion: 0 });
    const saved = await answerWrite(store, file, result, "create");
    c.header("Location", `/api/documents/${encodeURIComponent(file)}`);
    return c.json(saved, 201);
  });

  app.get("/api/documents/:file{.+\\.pacta}/versions", async (c) => {
    const file = fileParam(c);
    const versions = await store.documentVersions(file);
    if (versions.length === 0) throw noDocument(file);
    return c.json(
      versions.map((v) => ({
        version: v.version,
        savedAt: v.savedAt,
        sha256: v.sha256,
        size: v.size,
        revision: v.revision,
        ...(v.deleted ? { deleted: true } : {}),
      })),
    );
  });

  app.get("/api/documents/:file{.+\\.pacta}", async (c) => {
    const file = fileParam(c);
    const version = versionQuery(c, "version");
    const document = await store.getDocument(file, version);
    if (document === undefined) {
      if (version === undefined) throw noDocument(file);
      const exists = (await store.documentVersions(file)).length > 0;
      if (!exists) throw noDocument(file);
      throw new ApiError("not-found", `'${file}' has no version ${version} with a text`);
    }
    return c.json({
      file: document.file,
      version: document.version,
      latestVersion: document.latestVersion,
      text: document.text,
      savedAt: document.savedAt,
      sha256: document.sha256,
      size: document.size,
      revision: document.revision,
    });
  });

  app.put("/api/documents/:file{.+\\.pacta}", writeGuard, async (c) => {
    const file = checkFileName(fileParam(c));
    const body = await readJsonObject(c);
    const text = stringField(body, "text");
    const ifVersion = optionalCountField(body, "ifVersion");
    const result = await store.saveDocument(
      file,
      text,
      ifVersion === undefined ? {} : { ifVersion },
    );
    return c.json(await answerWrite(store, file, result, "update"), 200);
  });

  // Deleting keeps the history: the latest version becomes a tombstone; GET then answers 404,
  // and PUT or POST creates the document anew.
  app.delete("/api/documents/:file{.+\\.pacta}", writeGuard, async (c) => {
    const file = checkFileName(fileParam(c));
    const raw = c.req.query("ifVersion");
    let ifVersion: number | undefined;
    if (raw !== undefined) {
      if (!/^\d{1,9}$/.test(raw))
        throw new ApiError("bad-request", "ifVersion must be a version number (0 or more)");
      ifVersion = Number(raw);
    }
    const result = await store.deleteDocument(file, ifVersion === undefined ? {} : { ifVersion });
    const answer = await answerWrite(store, file, result, "delete");
    const versions = await store.documentVersions(file);
    return c.json(
      {
        file,
        deleted: true,
        version: versions.at(-1)?.version ?? answer.version,
        revision: answer.revision,
      },
      200,
    );
  });
};

function fileParam(c: Context): string {
  const file = c.req.param("file");
  if (file === undefined || file === "") throw new ApiError("bad-file-name", "Name a document");
  return file;
}

function noDocument(file: string): ApiError {
  return new ApiError("not-found", `No document '${file.slice(0, 200)}'`);
}

/** What an accepted save answers. */
interface Saved {
  readonly file: string;
  readonly version: number;
  readonly revision: number;
  readonly created: boolean;
  readonly changed: boolean;
  /** The warnings of the corpus in this document. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Turns the store's answer to a save into the API's, or throws the refusal. */
async function answerWrite(
  store: CorpusStore,
  file: string,
  result: WriteResult,
  kind: "create" | "update" | "delete",
): Promise<Saved> {
  if (!result.ok && result.reason === "conflict") {
    const message =
      kind === "create"
        ? `'${file}' exists already (version ${result.latestVersion}); update it with PUT`
        : result.latestVersion === 0
          ? `'${file}' does not exist (ifVersion was given)`
          : `'${file}' is at version ${result.latestVersion}, not the version given in ifVersion`;
    throw new ApiError("conflict", message, { latestVersion: result.latestVersion });
  }
  if (!result.ok && result.reason === "missing") throw noDocument(file);
  if (!result.ok) {
    const own = result.diagnostics.filter((d) => d.at.file === file);
    const otherErrors = result.diagnostics.filter(
      (d) => d.at.file !== file && d.severity === "error",
    );
    throw new ApiError("invalid-document", refusal(file, own, otherErrors, kind), {
      diagnostics: own,
      otherDiagnostics: otherErrors.slice(0, maxOtherDiagnostics),
    });
  }
  const latest = await store.getDocument(file);
  return {
    file,
    version: latest?.version ?? 0,
    revision: result.revision,
    created: result.created.includes(file),
    changed: result.changed.includes(file),
    diagnostics: result.diagnostics.filter((d) => d.at.file === file),
  };
}

function refusal(
  file: string,
  own: readonly Diagnostic[],
  otherErrors: readonly Diagnostic[],
  kind: "create" | "update" | "delete",
): string {
  const errors = own.filter((d) => d.severity === "error");
  const first = errors[0];
  const parts: string[] = [];
  if (first !== undefined) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    parts.push(`line ${first.at.line}, column ${first.at.column}: ${first.message}${more}`);
  }
  if (otherErrors.length > 0) {
    const files = [...new Set(otherErrors.map((d) => d.at.file))];
    const named =
      files.length <= 3
        ? files.join(", ")
        : `${files.slice(0, 3).join(", ")} and ${files.length - 3} more documents`;
    parts.push(
      `${otherErrors.length} error${otherErrors.length === 1 ? "" : "s"} in ${named}, which depend${files.length === 1 ? "s" : ""} on it`,
    );
  }
  return `'${file}' was not ${kind === "delete" ? "deleted" : "saved"}: the corpus would have errors; ${parts.join("; ")}`;
}
