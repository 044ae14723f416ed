// The page's client for the corpus part of the HTTP API (docs/api.md).
import type { Diagnostic } from "../../language/index.ts";

export interface CorpusDocument {
  readonly file: string;
  readonly version: number;
  readonly text: string;
}

export type SaveResult =
  | { readonly ok: true; readonly file: string; readonly version: number }
  | {
      readonly ok: false;
      readonly status: number;
      readonly message: string;
      readonly diagnostics: readonly Diagnostic[];
    };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const base = "/api";

function errorMessage(body: unknown, fallback: string): string {
  if (typeof body === "object" && body !== null && "error" in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === "string") return error;
    if (typeof error === "object" && error !== null && "message" in error)
      return String((error as { message: unknown }).message);
  }
  return fallback;
}

function isDocument(value: unknown): value is CorpusDocument {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { file?: unknown; version?: unknown; text?: unknown };
  return typeof v.file === "string" && typeof v.version === "number" && typeof v.text === "string";
}

function isDiagnostic(value: unknown): value is Diagnostic {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { message?: unknown; at?: { line?: unknown; column?: unknown } | null };
  return (
    typeof v.message === "string" &&
    typeof v.at === "object" &&
    v.at !== null &&
    typeof v.at.line === "number" &&
    typeof v.at.column === "number"
  );
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** `GET /api/corpus`: the latest version of every document. */
export async function fetchCorpus(fetchImpl: Fetch = fetch): Promise<CorpusDocument[]> {
  const response = await fetchImpl(`${base}/corpus`, { headers: { accept: "application/json" } });
  const body = await readJson(response);
  if (!response.ok)
    throw new Error(errorMessage(body, `The corpus could not be loaded (HTTP ${response.status})`));
  const documents = (body as { documents?: unknown } | undefined)?.documents;
  if (!Array.isArray(documents)) throw new Error("The server answered without a list of documents");
  return documents.filter(isDocument);
}

export interface SaveOptions {
  /** The server's write token, sent as `Authorization: Bearer TOKEN` (401 without it). */
  readonly token?: string | undefined;
  readonly fetchImpl?: Fetch;
}

/** `PUT /api/documents/{file}`: saves a new version, or answers the diagnostics that refused it. */
export async function saveDocument(
  file: string,
  text: string,
  { token, fetchImpl = fetch }: SaveOptions = {},
): Promise<SaveResult> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json",
  };
  if (token !== undefined && token.trim() !== "")
    headers["authorization"] = `Bearer ${token.trim()}`;
  let response: Response;
  try {
    response = await fetchImpl(`${base}/documents/${encodeURIComponent(file)}`, {
      method: "PUT",
      headers,
      body: JSON.stringify({ text }),
    });
  } catch (error) {
    return {
      ok: false,
      status: 0,
      message: `The server could not be reached: ${String(error)}`,
      diagnostics: [],
    };
  }
  const body = await readJson(response);
  if (response.ok) {
    const b = body as { file?: unknown; version?: unknown } | undefined;
    return {
      ok: true,
      file: typeof b?.file === "string" ? b.file : file,
      version: typeof b?.version === "number" ? b.version : 0,
    };
  }
  const raw = (body as { diagnostics?: unknown } | undefined)?.diagnostics;
  return {
    ok: false,
    status: response.status,
    message: errorMessage(body, `The save was refused (HTTP ${response.status})`),
    diagnostics: Array.isArray(raw) ? raw.filter(isDiagnostic) : [],
  };
}
