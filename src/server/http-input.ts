import type { Context } from "hono";
import { parseDay } from "../language/calendar/day.ts";
import { ApiError } from "./api-error.ts";

/**
 * The request's body as a JSON object: refused with 415 unless it is sent as
 * `application/json`, 400 when it is not JSON or not an object. (The size limit is checked
 * before, by the app's body-limit middleware.)
 */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header("content-type") ?? "";
  const mediaType = type.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new ApiError(
      "unsupported-media-type",
      `Send the body as JSON with the header Content-Type: application/json${type === "" ? "" : ` (not ${type})`}`,
    );
  }
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : "";
    throw new ApiError("bad-json", `The body is not valid JSON${detail}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ApiError("bad-request", "The body must be a JSON object");
  }
  return value as Record<string, unknown>;
}

/** A string field of a body; 400 when missing or of another type. */
export function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== "string") {
    throw new ApiError(
      "bad-request",
      value === undefined ? `The body needs '${name}' (a string)` : `'${name}' must be a string`,
    );
  }
  return value;
}

/** An optional string field; 400 when present with another type. */
export function optionalStringField(
  body: Record<string, unknown>,
  name: string,
): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new ApiError("bad-request", `'${name}' must be a string`);
  return value;
}

/** An optional whole number ≥ 0; 400 otherwise. */
export function optionalCountField(
  body: Record<string, unknown>,
  name: string,
): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new ApiError("bad-request", `'${name}' must be a whole number, 0 or more`);
  }
  return value;
}

/** A query parameter that must be an ISO day; undefined when absent (unless required). */
export function dayQuery(c: Context, name: string, required: true): string;
export function dayQuery(c: Context, name: string, required?: false): string | undefined;
export function dayQuery(c: Context, name: string, required = false): string | undefined {
  const value = c.req.query(name);
  if (value === undefined || value === "") {
    if (required) throw new ApiError("bad-date", `Give '${name}' as a day, YYYY-MM-DD`);
    return undefined;
  }
  checkDay(name, value);
  return value;
}

/** The day number of an ISO day; 400 when malformed or impossible. */
export function checkDay(name: string, value: string): number {
  const day = parseDay(value);
  if (day === undefined) {
    throw new ApiError(
      "bad-date",
      `'${name}' must be a day written YYYY-MM-DD (got '${value.slice(0, 40)}')`,
    );
  }
  return day;
}

/** A query parameter that must be a positive whole number, e.g. a version. */
export function versionQuery(c: Context, name: string): number | undefined {
  const value = c.req.query(name);
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]{0,8}$/.test(value)) {
    throw new ApiError("bad-request", `'${name}' must be a whole number, 1 or more`);
  }
  return Number(value);
}

/** The longest document name accepted, in characters. */
export const maxFileNameLength = 200;

/**
 * Checks a document's name as given by a client: a relative path of `/`-separated names ending in
 * `.pacta`, without `.` or `..` segments, backslashes or control characters.
 */
export function checkFileName(file: string): string {
  const problem = fileNameProblem(file);
  if (problem !== undefined) {
    throw new ApiError(
      "bad-file-name",
      `'${file.slice(0, maxFileNameLength)}' is not a document name: ${problem}`,
    );
  }
  return file;
}

function fileNameProblem(file: string): string | undefined {
  if (file.length === 0) return "it is empty";
  if (file.length > maxFileNameLength) return `it is longer than ${maxFileNameLength} characters`;
  if (!file.endsWith(".pacta")) return "it must end in .pacta";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(file)) return "it holds a backslash or a control character";
  if (file.startsWith("/")) return "it must be relative (no leading /)";
  const segments = file.split("/");
  if (segments.some((s) => s === "" || s === "." || s === ".."))
    return "it must not hold empty, . or .. segments";
  if (segments.some((s) => s.trim() !== s)) return "its names must not start or end with spaces";
  return undefined;
}
