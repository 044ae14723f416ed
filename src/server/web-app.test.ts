import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CorpusStore, openStore } from "../store/index.ts";
import { createApp } from "./app.ts";
import { call } from "./testing/client.ts";

describe("the web app", () => {
  let dir: string;
  let store: CorpusStore;
  const page = '<!doctype html><script type="module" src="./assets/app-1234.js"></script>';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pacta-web-"));
    mkdirSync(join(dir, "web", "assets"), { recursive: true });
    writeFileSync(join(dir, "web", "index.html"), page);
    writeFileSync(join(dir, "web", "assets", "app-1234.js"), "console.log('pacta')\n");
    writeFileSync(join(dir, "secret.txt"), "not to be served");
    store = await openStore({ database: join(dir, "pacta.sqlite") });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves the built page, its assets, and the page for other paths", async () => {
    const app = createApp({ store, webRoot: join(dir, "web") });
    const index = await call(app, "GET", "/");
    expect(index.status).toBe(200);
    expect(index.text).toBe(page);
    expect(index.headers.get("content-type")).toMatch(/^text\/html/);
    expect(index.headers.get("cache-control")).toBe("no-cache");
    expect(index.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(index.headers.get("x-frame-options")).toBe("DENY");

    const script = await call(app, "GET", "/assets/app-1234.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(script.headers.get("cache-control")).toContain("immutable");

    const route = await call(app, "GET", "/instrument/changchun");
    expect(route.status).toBe(200);
    expect(route.text).toBe(page);

    expect((await call(app, "HEAD", "/")).status).toBe(200);
    expect((await call(app, "GET", "/assets/missing-1.js")).status).toBe(404);
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt"]) {
      const r = await call(app, "GET", path);
      expect(r.status, path).toBe(404);
      expect(r.text).not.toContain("not to be served");
    }
  });

  it("says how to build the page when it is not built", async () => {
    const app = createApp({ store, webRoot: join(dir, "nothing-here") });
    const r = await call(app, "GET", "/");
    expect(r.status).toBe(200);
    expect(r.text).toContain("npm run build:web");
    expect(r.headers.get("content-type")).toMatch(/^text\/html/);
    // The API works all the same, on an empty store.
    const corpus = await call(app, "GET", "/api/corpus");
    expect(corpus.body).toEqual({ revision: 0, documents: [] });
  });
});
