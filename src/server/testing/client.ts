import type { Hono } from "hono";

export interface TestResponse {
  readonly status: number;
  readonly headers: Headers;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly body: unknown;
  readonly text: string;
}

/** The body as a JSON record, for reading fields in tests. */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
export type Json = any;

/** Sends a request to the app without a socket. A `json` body is sent as application/json. */
export async function call(
  app: Hono,
  method: string,
  path: string,
  options: {
    readonly json?: unknown;
    readonly body?: string | ReadableStream<Uint8Array>;
    readonly headers?: Record<string, string>;
  } = {},
): Promise<TestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | ReadableStream<Uint8Array> | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["content-type"] ??= "application/json";
  }
  const init: RequestInit & { duplex?: "half" } = { method, headers };
  if (body !== undefined) {
    init.body = body;
    if (typeof body !== "string") init.duplex = "half";
  }
  const response = await app.request(path, init);
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** A stream of `size` bytes of JSON-ish text in chunks, sent without a Content-Length. */
export function streamOf(size: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) {
        controller.close();
        return;
      }
      const n = Math.min(chunk, size - sent);
      controller.enqueue(new Uint8Array(n).fill(0x20));
      sent += n;
    },
  });
}
