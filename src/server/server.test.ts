import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runServe } from "../cli/serve-command.ts";
import { type CorpusStore, openStore } from "../store/index.ts";
import { isLoopbackHost } from "./security.ts";
import { type RunningServer, startServer } from "./start-server.ts";
import type { Json } from "./testing/client.ts";
import { flagshipDocuments, flagshipFolder } from "./testing/databases.ts";

describe("the server over HTTP", () => {
  let dir: string;
  let store: CorpusStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "pacta-http-"));
    store = await openStore({ database: join(dir, "pacta.sqlite") });
    expect((await store.importDocuments(flagshipDocuments())).ok).toBe(true);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("listens on a free port of 127.0.0.1 and answers the API and the page", async () => {
    const server = await startServer({ store, port: 0, webRoot: join(dir, "no-web") });
    try {
      expect(server.host).toBe("127.0.0.1");
      expect(server.port).toBeGreaterThan(0);
      expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
      expect(server.token).toBe(undefined);

      const corpus = await fetch(new URL("/api/corpus", server.url));
      expect(corpus.status).toBe(200);
      expect(((await corpus.json()) as Json).documents).toHaveLength(flagshipDocuments().length);

      const page = await fetch(server.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("npm run build:web");

      const big = await fetch(new URL("/api/documents/parties.pacta", server.url), {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "#".repeat(2 * 1024 * 1024) }),
      });
      expect(big.status).toBe(413);

      // A page of another site whose name resolves to 127.0.0.1 (DNS rebinding).
      expect(await statusWithHost(server.port, "/api/corpus", "attacker.example")).toBe(403);
      expect(await statusWithHost(server.port, "/api/corpus", `localhost:${server.port}`)).toBe(
        200,
      );
    } finally {
      await server.close();
    }
    await expect(fetch(new URL("/api/corpus", server.url))).rejects.toThrow();
  });

  it("makes up a token for writes when it listens beyond localhost", async () => {
    let server: RunningServer | undefined;
    try {
      server = await startServer({ store, port: 0, host: "0.0.0.0" });
    } catch {
      return; // no interface to listen on here
    }
    try {
      expect(server.tokenGenerated).toBe(true);
      expect(server.token).toMatch(/^[\w-]{20,}$/);
      const url = `http://127.0.0.1:${server.port}/api/documents/parties.pacta`;
      const put = (headers: Record<string, string>) =>
        fetch(url, {
          method: "PUT",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ text: "# nothing\n" }),
        });
      expect((await put({})).status).toBe(401);
      // With the token, the write is judged on its merits (this one breaks the corpus).
      expect((await put({ authorization: `Bearer ${server.token}` })).status).toBe(422);
    } finally {
      await server.close();
    }
  });

  it("tells loopback hosts from others", () => {
    for (const h of ["127.0.0.1", "localhost", "::1", "[::1]", "127.1.2.3"])
      expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ["0.0.0.0", "::", "192.168.1.2", "example.org", "localhost.example.org"])
      expect(isLoopbackHost(h), h).toBe(false);
  });
});

/** The status of a GET sent with the given Host header (fetch does not let one set it). */
function statusWithHost(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: "127.0.0.1", port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    request.on("error", reject);
    request.end();
  });
}

describe("pacta serve", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "pacta-serve-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `pacta serve` until `work` is done with its URL; answers the exit code and output. */
  async function serve(
    options: Parameters<typeof runServe>[1],
    work: (url: string) => Promise<void>,
  ): Promise<{ code: number; out: string; err: string }> {
    const controller = new AbortController();
    let out = "";
    let err = "";
    let done: Promise<void> = Promise.resolve();
    const code = await runServe(
      [],
      options,
      { out: (s) => (out += s), err: (s) => (err += s), color: false },
      {
        env: {},
        signal: controller.signal,
        webRoot: join(dir, "no-web"),
        onListening: (server) => {
          done = work(server.url).finally(() => controller.abort());
        },
      },
    );
    await done;
    return { code, out, err };
  }

  it("imports the corpus, serves it, and stops; an unchanged corpus makes no new version", async () => {
    const options = { port: "0", data: join(dir, "data"), corpus: [flagshipFolder] };
    const first = await serve(options, async (url) => {
      const status = (await (await fetch(new URL("/api/status", url))).json()) as Json;
      expect(status).toMatchObject({ revision: 1, documents: flagshipDocuments().length });
    });
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      new RegExp(
        `Pacta is serving ${flagshipDocuments().length} documents at http://127\\.0\\.0\\.1:\\d+/`,
      ),
    );
    expect(first.out).toContain("npm run build:web");

    const second = await serve(options, async (url) => {
      const status = (await (await fetch(new URL("/api/status", url))).json()) as Json;
      expect(status.revision).toBe(1);
    });
    expect(second.code).toBe(0);
    expect(second.out).toContain(`0 new, 0 changed, ${flagshipDocuments().length} unchanged`);
  });

  it("refuses bad options", async () => {
    const io = { out: () => {}, err: () => {}, color: false };
    await expect(runServe([], { port: "http" }, io, { env: {} })).rejects.toThrow(/--port/);
    await expect(runServe(["corpus"], {}, io, { env: {} })).rejects.toThrow(/--corpus/);
    let err = "";
    const code = await runServe(
      [],
      { database: "mysql://x/y" },
      { out: () => {}, err: (s) => (err += s), color: false },
      { env: {} },
    );
    expect(code).toBe(2);
    expect(err).toContain("Unsupported database");
  });
});
