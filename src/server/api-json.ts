import type { Context } from "hono";

/** Answers JSON already encoded (kept per revision by the corpus cache). */
export function jsonBytes(c: Context, body: Uint8Array<ArrayBuffer>): Response {
  c.header("Content-Type", "application/json");
  return c.body(body, 200);
}
