import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Context } from "hono";
import { getMimeType } from "hono/utils/mime";
import { ApiError } from "./api-error.ts";

/**
 * Where `npm run build:web` puts the page: dist/web at the root of the package. This module runs
 * from src/server (through tsx) or, built, from dist/node/server.
 */
export const defaultWebRoot = fileURLToPath(
  new URL(
    import.meta.url.includes("/dist/node/") ? "../../web" : "../../dist/web",
    import.meta.url,
  ),
);

/** The page answered at `/` when the web app has not been built. */
export const notBuiltPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Pacta</title></head>
<body>
<h1>Pacta</h1>
<p>The web app is not built yet. Run <code>npm run build:web</code>, then reload this page.</p>
<p>The API is served at <a href="/api/corpus">/api/corpus</a>; its description at
<a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body>
</html>
`;

async function fileAt(path: string): Promise<{ path: string; size: number } | undefined> {
  try {
    const s = await stat(path);
    if (s.isFile()) return { path, size: s.size };
    if (s.isDirectory()) return fileAt(join(path, "index.html"));
  } catch {
    // not there
  }
  return undefined;
}

/**
 * Serves the built web app from `root`: its files as they are, and `index.html` for any other
 * path without a file extension (the page routes itself). Files under `assets/` are named by
 * their hash and cached for good; the rest is revalidated. Nothing outside `root` is served.
 */
export function webAppHandler(root: string) {
  const base = resolve(root);
  return async (c: Context): Promise<Response> => {
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      throw new ApiError("not-found", "No such page");
    }
    const target = resolve(base, `.${path}`);
    if (target !== base && !target.startsWith(base + sep)) {
      throw new ApiError("not-found", "No such page");
    }
    let file = await fileAt(target);
    if (file === undefined && extname(path) === "") file = await fileAt(join(base, "index.html"));
    if (file === undefined) {
      if (path === "/" || path === "/index.html") return c.html(notBuiltPage, 200);
      throw new ApiError("not-found", `No file ${path.slice(0, 200)}`);
    }
    const immutable = file.path.startsWith(join(base, "assets") + sep);
    c.header("Content-Type", getMimeType(file.path) ?? "application/octet-stream");
    c.header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    c.header("Content-Length", String(file.size));
    if (c.req.method === "HEAD") return c.body(null, 200);
    return c.body(new Uint8Array(await readFile(file.path)), 200);
  };
}
