// What the end-to-end tests run on: the built web app served by `pacta serve` over a temporary
// copy of the flagship corpus (or, with PACTA_E2E_SERVER=vite, by `vite preview` with the
// in-memory stand-in API of src/web/dev), and Debian's chromium driven by playwright-core.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Browser, chromium } from "playwright-core";

export const repo = resolve(import.meta.dirname, "../..");
export const screenshots = join(repo, "test-results", "e2e");
export const chromiumPath = process.env["PACTA_CHROMIUM"] ?? "/usr/bin/chromium";
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Chromium (headless since 132 is the whole browser) opens every new window with a renderer that
 * preloads its address bar's popup, a web page of about 140 modules. That renderer loads while the
 * window's first page does, and on two cores it took a third of the measured first render
 * (docs/benchmarks.md §6); a user's browser does it when the window opens, not on each visit.
 */
export const quietBrowserArgs = [
  "--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup",
];

export type ServerKind = "pacta" | "vite";

/** Which server the tests use, or why they cannot run. */
export function plan(): { readonly kind: ServerKind } | { readonly skip: string } {
  if (!existsSync(chromiumPath))
    return {
      skip: `no browser at ${chromiumPath}: apt-get install chromium (or set PACTA_CHROMIUM)`,
    };
  const wanted = process.env["PACTA_E2E_SERVER"];
  if (wanted === "vite") return { kind: "vite" };
  if (existsSync(join(repo, "src/server"))) return { kind: "pacta" };
  return {
    skip: "src/server does not exist yet, so there is no `pacta serve`; PACTA_E2E_SERVER=vite runs these tests against the Vite preview stand-in",
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: repo, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      output += d.toString();
    });
    child.on("error", fail);
    child.on("exit", (code) =>
      code === 0 ? done() : fail(new Error(`${command} ${args.join(" ")} failed:\n${output}`)),
    );
  });
}

/** Builds the web app into dist/web. */
export function buildWeb(): Promise<void> {
  return run(process.execPath, [
    join(repo, "node_modules/vite/bin/vite.js"),
    "build",
    "--logLevel",
    "warn",
  ]);
}

export interface RunningServer {
  readonly url: string;
  readonly kind: ServerKind;
  stop(): Promise<void>;
}

/** Waits for the child to print an http address; fails if it exits or stays silent. */
function addressFrom(child: ChildProcess, what: string, timeoutMs = 60_000): Promise<string> {
  return new Promise((done, fail) => {
    let output = "";
    const timer = setTimeout(
      () => fail(new Error(`${what} printed no address in time:\n${output}`)),
      timeoutMs,
    );
    const onData = (d: Buffer) => {
      output += d.toString();
      // Host and port only: this stops before a colour code or a path.
      const match = /https?:\/\/[A-Za-z0-9.[\]:-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[0]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`${what} exited (${code}) before printing an address:\n${output}`));
    });
  });
}

function stopper(child: ChildProcess, cleanup: () => void): () => Promise<void> {
  return () =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        cleanup();
        done();
        return;
      }
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      child.once("exit", () => {
        clearTimeout(timer);
        cleanup();
        done();
      });
      child.kill("SIGTERM");
    });
}

/**
 * Starts the server of `kind` on a free port over a temporary copy of the flagship corpus; with
 * `token` (pacta serve only), writes need it.
 */
export async function startServer(
  kind: ServerKind,
  options: { readonly token?: string } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const temp = mkdtempSync(join(tmpdir(), "pacta-e2e-"));
  const corpus = join(temp, "sino-soviet");
  cpSync(join(repo, "corpus/sino-soviet"), corpus, { recursive: true });
  const cleanup = () => rmSync(temp, { recursive: true, force: true });
  let child: ChildProcess;
  if (kind === "pacta") {
    const data = join(temp, "data");
    mkdirSync(data);
    child = spawn(
      process.execPath,
      [
        join(repo, "node_modules/tsx/dist/cli.mjs"),
        "src/cli/run.ts",
        "serve",
        "--port",
        String(port),
        "--data",
        data,
        "--corpus",
        corpus,
      ],
      {
        cwd: repo,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          NO_COLOR: "1",
          ...(options.token === undefined ? {} : { PACTA_TOKEN: options.token }),
        },
      },
    );
  } else {
    child = spawn(
      process.execPath,
      [
        join(repo, "node_modules/vite/bin/vite.js"),
        "preview",
        "--port",
        String(port),
        "--strictPort",
      ],
      {
        cwd: repo,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, PACTA_CORPUS: corpus, NO_COLOR: "1" },
      },
    );
  }
  const stop = stopper(child, cleanup);
  try {
    const url = await addressFrom(child, kind === "pacta" ? "pacta serve" : "vite preview");
    return { url, kind, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshots, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, ...quietBrowserArgs],
  });
}
