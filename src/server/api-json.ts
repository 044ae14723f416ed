import type { Context } from "hono";

// The API's JSON forms of the engine's results: ISO days instead of day numbers.

/** A model object (instrument, event, source, …) as JSON, with ISO days for its dates. */
export { plainJson as modelToApi } from "../language/model-to-json.ts";

/** Answers JSON already encoded (kept per revision by the corpus cache). */
export function jsonBytes(c: Context, body: Uint8Array<ArrayBuffer>): Response {
  c.header("Content-Type", "application/json");
  return c.body(body, 200);
}
