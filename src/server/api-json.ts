import type { Context } from "hono";
import { type Day, formatDay } from "../language/calendar/day.ts";

// The API's JSON forms of the engine's results: ISO days instead of day numbers.

/**
 * A model object (instrument, event, source, …) as JSON: every historical date
 * (`{ first, last, precision, text }` with day numbers) gets ISO days for `first` and `last`.
 */
export function modelToApi(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(modelToApi);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const { first, last, precision, text } = record;
  if (
    typeof first === "number" &&
    typeof last === "number" &&
    typeof precision === "string" &&
    typeof text === "string"
  ) {
    return { first: formatDay(first), last: formatDay(last), precision, text };
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) out[key] = modelToApi(item);
  return out;
}

/** Answers JSON already encoded (kept per revision by the corpus cache). */
export function jsonBytes(c: Context, body: Uint8Array<ArrayBuffer>): Response {
  c.header("Content-Type", "application/json");
  return c.body(body, 200);
}
