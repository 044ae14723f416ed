import type { Hono, MiddlewareHandler } from "hono";
import type { CorpusStore } from "../../store/index.ts";
import type { CorpusCache } from "../corpus-cache.ts";

/** What every route file is given: the store, the compiled corpus, and the guard for writes. */
export interface RouteDeps {
  readonly store: CorpusStore;
  readonly cache: CorpusCache;
  /** Put before the handlers of routes that change the store. */
  readonly writeGuard: MiddlewareHandler;
  /** Whether writes need a token (for `GET /api/status`). */
  readonly writesNeedToken: boolean;
}

/** A route file: adds its routes (full paths, under /api) to the app. */
export type RegisterRoutes = (app: Hono, deps: RouteDeps) => void;
