import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Diagnostic } from "../language/diagnostics/diagnostic.ts";
import { StoreError } from "../store/index.ts";

/** The codes of the API's errors; each has one HTTP status. */
export const errorStatus = {
  "bad-request": 400,
  "bad-json": 400,
  "bad-date": 400,
  "bad-file-name": 400,
  "unknown-reading": 400,
  unauthorized: 401,
  forbidden: 403,
  "not-found": 404,
  "method-not-allowed": 405,
  conflict: 409,
  "too-large": 413,
  "unsupported-media-type": 415,
  "invalid-document": 422,
  "invalid-what-if": 422,
  internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorStatus;

/** The body of every error answer. */
export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string };
  /** For 422: the diagnostics of the refused document or what-if. */
  readonly diagnostics?: readonly Diagnostic[];
  readonly [extra: string]: unknown;
}

/** An error meant for the client: its code decides the status, its message is shown as is. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  /** More fields of the answer (diagnostics, latestVersion, …). */
  readonly extra: Readonly<Record<string, unknown>>;
  /** More headers of the answer (Allow, WWW-Authenticate). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: ErrorCode,
    message: string,
    extra: Readonly<Record<string, unknown>> = {},
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.extra = extra;
    this.headers = headers;
  }
}

export function errorBody(
  code: ErrorCode,
  message: string,
  extra: Readonly<Record<string, unknown>> = {},
): ErrorBody {
  return { error: { code, message }, ...extra };
}

/** Writes server-side log lines (errors with their stacks); never seen by clients. */
export type Log = (line: string) => void;

/**
 * The one place that turns a thrown error into an answer: `ApiError` as it says, the store's
 * misuse errors as 400, Hono's own (such as a body over the limit) by their status, and anything
 * else as a 500 whose details go to the log only.
 */
export function errorResponse(error: unknown, c: Context, log: Log): Response {
  if (error instanceof ApiError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json(errorBody(error.code, error.message, error.extra), errorStatus[error.code]);
  }
  if (error instanceof StoreError) {
    const code: ErrorCode =
      error.code === "bad-date"
        ? "bad-date"
        : error.code === "unknown-reading"
          ? "unknown-reading"
          : "bad-request";
    return c.json(errorBody(code, error.message), errorStatus[code]);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const code: ErrorCode =
      status === 413
        ? "too-large"
        : status === 401
          ? "unauthorized"
          : status === 404
            ? "not-found"
            : status < 500
              ? "bad-request"
              : "internal";
    const message =
      code === "too-large"
        ? "The request body is too large"
        : code === "internal"
          ? "Internal server error"
          : error.message || "Bad request";
    if (code === "internal") log(`${c.req.method} ${c.req.path}: ${stackOf(error)}`);
    return c.json(errorBody(code, message), errorStatus[code]);
  }
  log(`${c.req.method} ${c.req.path}: ${stackOf(error)}`);
  return c.json(
    errorBody("internal", "Internal server error; the details are in the server's log"),
    500,
  );
}

function stackOf(error: unknown): string {
  return error instanceof Error
    ? (error.stack ?? `${error.name}: ${error.message}`)
    : String(error);
}
