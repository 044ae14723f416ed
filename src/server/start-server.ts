import { randomBytes } from "node:crypto";
import { Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { CorpusStore } from "../store/index.ts";
import type { Log } from "./api-error.ts";
import { createApp } from "./app.ts";
import { isLoopbackHost } from "./security.ts";

/** The port `pacta serve` listens on unless told otherwise ("PACT" on a phone keypad). */
export const defaultPort = 7228;
/** Where it listens unless told otherwise: this machine only. */
export const defaultHost = "127.0.0.1";

export interface StartServerOptions {
  readonly store: CorpusStore;
  /** 0 for a free port; default 7228. */
  readonly port?: number | undefined;
  /** Default 127.0.0.1. Anything that is not loopback makes writes need a token. */
  readonly host?: string | undefined;
  /**
   * Writes need `Authorization: Bearer TOKEN` when set. When the host is not loopback and no
   * token is given, one is generated (see `RunningServer.token`).
   */
  readonly token?: string | undefined;
  /** On a loopback host: more names the Host header may carry (e.g. behind a local proxy). */
  readonly allowedHosts?: readonly string[] | undefined;
  readonly bodyLimit?: number | undefined;
  readonly webRoot?: string | undefined;
  readonly log?: Log | undefined;
}

export interface RunningServer {
  /** `http://HOST:PORT/` with the port actually bound. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** The token writes need, or undefined when they need none. */
  readonly token: string | undefined;
  /** Whether the token was generated here (and should be shown to the user). */
  readonly tokenGenerated: boolean;
  /** Stops accepting connections, ends open ones, and resolves when the server is closed. */
  close(): Promise<void>;
}

/**
 * Serves the API and the web app over HTTP until closed. The store stays the caller's to close
 * (after the server). On a loopback host, requests must be addressed to a loopback name (against
 * DNS rebinding); beyond it, writes need a token.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? defaultHost;
  const loopback = isLoopbackHost(host);
  const given = options.token === undefined || options.token === "" ? undefined : options.token;
  const tokenGenerated = given === undefined && !loopback;
  const token = tokenGenerated ? randomBytes(24).toString("base64url") : given;
  const app = createApp({
    store: options.store,
    token,
    allowedHosts: loopback
      ? ["localhost", "127.0.0.1", "[::1]", host, ...(options.allowedHosts ?? [])]
      : undefined,
    bodyLimit: options.bodyLimit,
    webRoot: options.webRoot,
    log: options.log,
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const hostname = host.replace(/^\[(.*)\]$/, "$1");
    const s = serve({ fetch: app.fetch, port: options.port ?? defaultPort, hostname }, () =>
      resolve(s),
    );
    s.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  const http = server instanceof HttpServer ? server : undefined;
  const urlHost = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${address.port}/`,
    host,
    port: address.port,
    token,
    tokenGenerated,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Requests under way may finish (for up to 3 s); idle keep-alive connections end now.
        const force = setTimeout(() => http?.closeAllConnections(), 3000);
        force.unref();
        server.close((error) => {
          clearTimeout(force);
          if (error) reject(error);
          else resolve();
        });
        http?.closeIdleConnections();
      }),
  };
}
