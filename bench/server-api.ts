/**
 * The HTTP API's speed over the flagship corpus in a temporary SQLite store, through a real
 * socket on 127.0.0.1: requests per second for the replay routes, latency of a validated save.
 * Prints figures only; asserts nothing.
 *
 *   npx tsx bench/server-api.ts            about 15 s
 *   npx tsx bench/server-api.ts --quick    a smoke run
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../src/server/start-server.ts";
import { openStore } from "../src/store/index.ts";

const quick = process.argv.includes("--quick");
const seconds = quick ? 0.5 : 3;
const saves = quick ? 3 : 15;
const concurrency = 8;

const folder = fileURLToPath(new URL("../corpus/sino-soviet", import.meta.url));
const documents = readdirSync(folder)
  .filter((f) => f.endsWith(".pacta"))
  .sort()
  .map((file) => ({ file, text: readFileSync(join(folder, file), "utf8") }));

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
}

/** Sends GETs from `concurrency` loops for `seconds`; answers requests/s and latencies. */
async function throughput(url: string) {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  let failed = 0;
  const loop = async () => {
    while (performance.now() < end) {
      const start = performance.now();
      const response = await fetch(url);
      await response.arrayBuffer();
      if (!response.ok) failed++;
      latencies.push(performance.now() - start);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / elapsed, latencies, failed };
}

const dir = mkdtempSync(join(tmpdir(), "pacta-bench-server-"));
const store = await openStore({ database: join(dir, "pacta.sqlite") });
try {
  await store.importDocuments(documents);
  const server = await startServer({ store, port: 0, webRoot: join(dir, "no-web") });
  try {
    const line = (label: string, value: string) =>
      process.stdout.write(`${label.padEnd(44)} ${value}\n`);
    process.stdout.write(
      `Pacta HTTP API over ${documents.length} documents (SQLite, ${concurrency} concurrent clients, ${seconds} s each)\n`,
    );
    for (const path of [
      "/api/corpus",
      "/api/replay",
      "/api/replay?at=1952-01-01",
      "/api/replay?reading=atop&at=1952-01-01",
      "/api/in-force?at=1952-01-01",
      "/api/explain/changchun-port-arthur-dalny-1950.railway-transfer?at=1953-01-01",
    ]) {
      await fetch(new URL(path, server.url)).then((r) => r.arrayBuffer()); // warm the cache
      const r = await throughput(new URL(path, server.url).href);
      line(
        `GET ${path.length > 38 ? `${path.slice(0, 35)}…` : path}`,
        `${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${percentile(r.latencies, 0.5).toFixed(1)} ms  p95 ${percentile(r.latencies, 0.95).toFixed(1)} ms${r.failed > 0 ? `  (${r.failed} failed)` : ""}`,
      );
    }

    const parties = documents.find((d) => d.file === "parties.pacta")?.text ?? "";
    const put = async (text: string) => {
      const start = performance.now();
      const response = await fetch(new URL("/api/documents/parties.pacta", server.url), {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text }),
      });
      await response.arrayBuffer();
      return { ms: performance.now() - start, status: response.status };
    };
    const accepted: number[] = [];
    const refused: number[] = [];
    for (let i = 0; i < saves; i++) {
      accepted.push((await put(`${parties}\n# save ${i}\n`)).ms);
      refused.push((await put(`${parties}\nparty broken "Broken" {\n  kind planet\n}\n`)).ms);
    }
    accepted.sort((a, b) => a - b);
    refused.sort((a, b) => a - b);
    line(
      "PUT a document (validated, stored)",
      `p50 ${percentile(accepted, 0.5).toFixed(0)} ms  p95 ${percentile(accepted, 0.95).toFixed(0)} ms  (${saves} saves)`,
    );
    line(
      "PUT a document with errors (422)",
      `p50 ${percentile(refused, 0.5).toFixed(0)} ms  p95 ${percentile(refused, 0.95).toFixed(0)} ms`,
    );
    const first = performance.now();
    await fetch(new URL("/api/replay", server.url)).then((r) => r.arrayBuffer());
    line(
      "GET /api/replay after a save (recompiles)",
      `${(performance.now() - first).toFixed(0)} ms`,
    );
  } finally {
    await server.close();
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
