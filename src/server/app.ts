import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { CorpusStore } from "../store/index.ts";
import { ApiError, errorResponse, type Log } from "./api-error.ts";
import { CorpusCache } from "./corpus-cache.ts";
import { checkFileName } from "./http-input.ts";
import { openApiDocument } from "./openapi.ts";
import { corpusRoutes } from "./routes/corpus.ts";
import { documentRoutes } from "./routes/documents.ts";
import { eventRoutes } from "./routes/events.ts";
import { instrumentRoutes } from "./routes/instruments.ts";
import { partyRoutes } from "./routes/parties.ts";
import { provisionRoutes } from "./routes/provisions.ts";
import { queryRoutes } from "./routes/queries.ts";
import { readingRoutes } from "./routes/readings.ts";
import { replayRoutes } from "./routes/replay.ts";
import type { RegisterRoutes, RouteDeps } from "./routes/route-deps.ts";
import { sourceRoutes } from "./routes/sources.ts";
import { whatIfRoutes } from "./routes/what-if.ts";
import { allowHosts, secureHeaders, writeGuard } from "./security.ts";
import { defaultWebRoot, webAppHandler } from "./web-app.ts";

/** The largest request body accepted, in bytes, unless told otherwise: 1 MB. */
export const defaultBodyLimit = 1024 * 1024;

export interface AppOptions {
  /** The corpus store to serve (the caller opens and closes it). */
  readonly store: CorpusStore;
  /** If set, writes need `Authorization: Bearer TOKEN`. */
  readonly token?: string | undefined;
  /** If set, requests whose Host header names another host are refused (403). */
  readonly allowedHosts?: readonly string[] | undefined;
  /** The largest request body, in bytes (default 1 MB). */
  readonly bodyLimit?: number | undefined;
  /** The built web app (default: dist/web of this package). */
  readonly webRoot?: string | undefined;
  /** Where errors are logged with their stacks (default: stderr). */
  readonly log?: Log | undefined;
}

const routeFiles: readonly RegisterRoutes[] = [
  corpusRoutes,
  documentRoutes,
  instrumentRoutes,
  provisionRoutes,
  eventRoutes,
  sourceRoutes,
  partyRoutes,
  readingRoutes,
  replayRoutes,
  whatIfRoutes,
  queryRoutes,
];

/**
 * The HTTP API over a corpus store, and the web app. Thin: each route parses its input, asks the
 * store (or the corpus compiled at the store's revision), and answers JSON; `errorResponse`
 * decides every error's status.
 */
export function createApp(options: AppOptions): Hono {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const app = new Hono();

  app.onError((error, c) => errorResponse(error, c, log));
  app.notFound((c) =>
    errorResponse(new ApiError("not-found", `No route ${c.req.method} ${c.req.path}`), c, log),
  );

  app.use("*", secureHeaders());
  if (options.allowedHosts !== undefined) app.use("*", allowHosts(options.allowedHosts));
  app.use("/api/*", async (c, next) => {
    await next();
    c.res.headers.set("Cache-Control", "no-store");
  });
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: options.bodyLimit ?? defaultBodyLimit,
      onError: () => {
        throw new ApiError(
          "too-large",
          `The request body is larger than ${options.bodyLimit ?? defaultBodyLimit} bytes`,
        );
      },
    }),
  );

  const deps: RouteDeps = {
    store: options.store,
    cache: new CorpusCache(options.store),
    writeGuard: writeGuard(options.token),
    writesNeedToken: options.token !== undefined,
  };
  app.get("/api/openapi.json", (c) => c.json(openApiDocument));
  for (const register of routeFiles) register(app, deps);
  answerOtherMethods(app);

  app.all("/api", () => {
    throw new ApiError("not-found", "See /api/openapi.json for the routes");
  });
  app.all("/api/*", (c) => {
    // A write to a document whose name does not end in .pacta: say what is wrong with the name.
    const document = /^\/api\/documents\/(.+)$/.exec(c.req.path)?.[1];
    if (document !== undefined && c.req.method === "PUT") checkFileName(decodeName(document));
    throw new ApiError("not-found", `No route ${c.req.method} ${c.req.path}`);
  });
  const web = webAppHandler(options.webRoot ?? defaultWebRoot);
  app.get("*", web);
  return app;
}

function decodeName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/** For each API path, answers the methods it does not have with 405 and an Allow header. */
function answerOtherMethods(app: Hono): void {
  const methods = new Map<string, Set<string>>();
  for (const route of app.routes) {
    if (route.method === "ALL" || !route.path.startsWith("/api/")) continue;
    const set = methods.get(route.path) ?? new Set<string>();
    set.add(route.method);
    if (route.method === "GET") set.add("HEAD");
    methods.set(route.path, set);
  }
  for (const [path, allowed] of methods) {
    const allow = [...allowed].sort().join(", ");
    app.all(path, (c) => {
      throw new ApiError(
        "method-not-allowed",
        `${c.req.method} is not allowed on this route; use ${allow}`,
        {},
        { Allow: allow },
      );
    });
  }
}
