// A stand-in for the corpus part of `pacta serve`, for `vite` (dev) and `vite preview` only: it
// reads a corpus folder once and keeps saved versions in memory. The real API is src/server.
import { readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { basename, join } from "node:path";
import type { Plugin } from "vite";
import { compile } from "../../language/index.ts";

interface StoredDocument {
  readonly file: string;
  readonly version: number;
  readonly text: string;
  readonly savedAt: string;
}

const maxBody = 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) reject(new Error("too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Loads the `.pacta` files of a folder as documents named `FOLDER/FILE`. */
export function loadCorpusFolder(folder: string): StoredDocument[] {
  const name = basename(folder);
  const savedAt = new Date().toISOString();
  return readdirSync(folder)
    .filter((f) => f.endsWith(".pacta"))
    .sort()
    .map((f) => ({
      file: `${name}/${f}`,
      version: 1,
      text: readFileSync(join(folder, f), "utf8"),
      savedAt,
    }));
}

function handler(folder: string) {
  let documents: StoredDocument[] | undefined;
  const load = () => {
    documents ??= loadCorpusFolder(folder);
    return documents;
  };
  return async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (!url.pathname.startsWith("/api/")) return next();
    try {
      const docs = load();
      if (url.pathname === "/api/corpus" && req.method === "GET") {
        return send(res, 200, {
          documents: docs.map((d) => ({ file: d.file, version: d.version, text: d.text })),
        });
      }
      const match = /^\/api\/documents\/(.+)$/.exec(url.pathname);
      if (match?.[1] !== undefined) {
        const file = decodeURIComponent(match[1]);
        const current = docs.find((d) => d.file === file);
        if (req.method === "GET") {
          if (!current) return send(res, 404, { error: { code: "not-found", message: file } });
          return send(res, 200, current);
        }
        if (req.method === "PUT") {
          let text: unknown;
          try {
            text = (JSON.parse(await readBody(req)) as { text?: unknown }).text;
          } catch {
            return send(res, 400, { error: { code: "bad-json", message: "malformed body" } });
          }
          if (typeof text !== "string")
            return send(res, 400, { error: { code: "bad-request", message: "text missing" } });
          const others = docs.filter((d) => d.file !== file);
          const result = compile([...others, { file, text }]);
          if (result.hasErrors)
            return send(res, 422, {
              error: { code: "invalid-document", message: "the document has errors" },
              diagnostics: result.diagnostics.filter((d) => d.at.file === file),
            });
          const version = (current?.version ?? 0) + 1;
          const saved = { file, version, text, savedAt: new Date().toISOString() };
          documents = [...others, saved].sort((a, b) => (a.file < b.file ? -1 : 1));
          return send(res, 200, { file, version });
        }
      }
      return send(res, 404, { error: { code: "not-found", message: url.pathname } });
    } catch (error) {
      return send(res, 500, { error: { code: "internal", message: String(error) } });
    }
  };
}

/** A Vite plugin answering `/api/corpus` and `/api/documents/{file}` from a corpus folder. */
export function devApi(options: { readonly corpus: string }): Plugin {
  return {
    name: "pacta-dev-api",
    configureServer(server) {
      server.middlewares.use(handler(options.corpus));
    },
    configurePreviewServer(server) {
      server.middlewares.use(handler(options.corpus));
    },
  };
}
