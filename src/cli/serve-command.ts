import { existsSync } from "node:fs";
import { join } from "node:path";
import { defaultPort, type RunningServer, startServer } from "../server/start-server.ts";
import { defaultWebRoot } from "../server/web-app.ts";
import { type CorpusStore, openStore, StoreError, storeLocation } from "../store/index.ts";
import { runImport } from "./import-command.ts";
import { type Io, messageOf } from "./io.ts";
import { UsageError } from "./load-documents.ts";

export interface ServeCommandOptions {
  readonly port?: string | undefined;
  readonly host?: string | undefined;
  /** The folder of the SQLite store (default: PACTA_DATA_DIR, then ./data). */
  readonly data?: string | undefined;
  /** A SQLite file or a postgres:// URL (default: PACTA_DATABASE_URL, then the data folder). */
  readonly database?: string | undefined;
  /** Corpus folders (or files) imported on start. */
  readonly corpus?: readonly string[] | undefined;
}

export interface ServeHooks {
  /** The environment (PACTA_TOKEN, PACTA_ALLOWED_HOSTS, PACTA_DATABASE_URL, PACTA_DATA_DIR). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Stops the server when aborted; by default SIGINT or SIGTERM stops it. */
  readonly signal?: AbortSignal;
  /** Called once the server listens (for tests). */
  readonly onListening?: (server: RunningServer) => void;
  readonly webRoot?: string;
}

/**
 * `pacta serve [--port N] [--host H] [--data DIR] [--database URL] [--corpus DIR…]`: opens the
 * store, imports the corpus folders given (unchanged documents get no new version), serves the
 * API and the web app until SIGINT or SIGTERM, then closes the store. Exit codes: 0 stopped,
 * 1 the import was refused or the store or the port failed, 2 usage.
 */
export async function runServe(
  positionals: readonly string[],
  options: ServeCommandOptions,
  io: Io,
  hooks: ServeHooks = {},
): Promise<number> {
  const env = hooks.env ?? process.env;
  if (positionals.length > 0) {
    throw new UsageError(
      `serve takes no documents (got '${positionals[0]}'); import folders with --corpus DIR`,
    );
  }
  const port = parsePort(options.port);
  const host = options.host ?? "127.0.0.1";
  if (host.trim() === "") throw new UsageError("--host: give a host name or address");

  let database: string;
  try {
    database = storeLocation({
      ...(options.database === undefined ? {} : { database: options.database }),
      ...(options.data === undefined ? {} : { dataDir: options.data }),
      env,
    }).database;
  } catch (error) {
    if (error instanceof StoreError) {
      io.err(`pacta: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  if (options.corpus !== undefined && options.corpus.length > 0) {
    const code = await runImport(options.corpus, { database }, io);
    if (code !== 0) return code;
  }

  let store: CorpusStore;
  try {
    store = await openStore({ database });
  } catch (error) {
    io.err(`pacta: cannot open the store: ${messageOf(error)}\n`);
    return 1;
  }

  let server: RunningServer;
  try {
    server = await startServer({
      store,
      port,
      host,
      token: env["PACTA_TOKEN"],
      allowedHosts: (env["PACTA_ALLOWED_HOSTS"] ?? "")
        .split(",")
        .map((h) => h.trim())
        .filter((h) => h !== ""),
      ...(hooks.webRoot === undefined ? {} : { webRoot: hooks.webRoot }),
      log: (line) => io.err(`${new Date().toISOString()} ${line}\n`),
    });
  } catch (error) {
    await store.close().catch(() => {});
    io.err(`pacta: cannot listen on ${host}:${port}: ${listenProblem(error, port)}\n`);
    return 1;
  }

  hooks.onListening?.(server);
  const count = (await store.listDocuments()).length;
  io.out(`Pacta is serving ${count} document${count === 1 ? "" : "s"} at ${server.url}\n`);
  if (server.tokenGenerated) {
    io.out(
      `Writes need the header  Authorization: Bearer ${server.token}\n` +
        "(generated for this run; set PACTA_TOKEN to choose it)\n",
    );
  } else if (server.token !== undefined) {
    io.out("Writes need the token in PACTA_TOKEN (Authorization: Bearer …)\n");
  }
  const webRoot = hooks.webRoot ?? defaultWebRoot;
  if (!existsSync(join(webRoot, "index.html"))) {
    io.out("The web app is not built: run npm run build:web (the API works without it)\n");
  }
  io.out("Press Ctrl+C to stop.\n");

  await stopped(hooks.signal);
  io.out("Stopping…\n");
  try {
    await server.close();
  } finally {
    await store.close();
  }
  return 0;
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return defaultPort;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    throw new UsageError(`--port: '${text}' is not a port (0 to 65535; 0 picks a free one)`);
  }
  return Number(text);
}

/** Resolves on the abort signal, or on SIGINT or SIGTERM. */
function stopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal !== undefined) {
      if (signal.aborted) resolve();
      else signal.addEventListener("abort", () => resolve(), { once: true });
      return;
    }
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

function listenProblem(error: unknown, port: number): string {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : "";
  if (code === "EADDRINUSE")
    return `port ${port} is in use; choose another with --port (0: any free port)`;
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") return "no such address on this machine";
  if (code === "EACCES") return `not allowed to use port ${port}`;
  return messageOf(error);
}
