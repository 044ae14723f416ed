import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { ApiError } from "./api-error.ts";

/**
 * The Content-Security-Policy of every answer. The Vite-built page loads its script and styles
 * from files (no inline script); CodeMirror sets styles from script, hence `'unsafe-inline'` for
 * styles only. The favicon is a `data:` URL.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders: Readonly<Record<string, string>> = {
  "Content-Security-Policy": contentSecurityPolicy,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** Adds the security headers to every answer, errors included. */
export function secureHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(securityHeaders)) c.res.headers.set(name, value);
  };
}

/** True for host names that reach only this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The host name of a Host header, without its port. */
function hostName(header: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d+)?$/.exec(header);
  if (bracketed) return bracketed[1] ?? "";
  return header.replace(/:\d+$/, "");
}

/**
 * Answers 403 unless the Host header names one of the given hosts (case-insensitive, any port).
 * A server listening on localhost uses it against DNS rebinding: a page of another site whose
 * name is made to resolve to 127.0.0.1 sends its own name as Host.
 */
export function allowHosts(hosts: readonly string[]): MiddlewareHandler {
  const allowed = new Set(hosts.map((h) => hostName(h.toLowerCase())));
  return async (c, next) => {
    const header = c.req.header("host") ?? new URL(c.req.url).host;
    const host = hostName(header.toLowerCase());
    if (!allowed.has(host)) {
      throw new ApiError(
        "forbidden",
        `This server answers only requests addressed to ${[...allowed].join(", ")}`,
      );
    }
    await next();
  };
}

/**
 * Guards a route that changes the store: a browser's cross-site request is refused, and with a
 * token, the request needs `Authorization: Bearer TOKEN`.
 */
export function writeGuard(token: string | undefined): MiddlewareHandler {
  const expected = token === undefined ? undefined : digest(token);
  return async (c, next) => {
    if (c.req.header("sec-fetch-site") === "cross-site") {
      throw new ApiError("forbidden", "Writes from pages of other sites are refused");
    }
    if (expected !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "");
      const given = match?.[1];
      if (given === undefined || !timingSafeEqual(digest(given), expected)) {
        throw new ApiError(
          "unauthorized",
          given === undefined
            ? "This server needs a token for writes: send Authorization: Bearer TOKEN"
            : "The token is not the server's",
          {},
          { "WWW-Authenticate": 'Bearer realm="pacta"' },
        );
      }
    }
    await next();
  };
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}
