import type { Hono } from "hono";
import { plainJson } from "../../language/model-to-json.ts";
import { ApiError } from "../api-error.ts";
import type { RouteDeps } from "./route-deps.ts";

/** A kind of model entity that has a page of its own and a timeline: instruments, provisions. */
export interface TimelineEntity<T> {
  /** The collection's path, e.g. `/api/instruments`. */
  readonly path: string;
  /** The entity's name in messages, e.g. `instrument`. */
  readonly noun: string;
  readonly get: (deps: RouteDeps, id: string) => Promise<T | undefined>;
}

/**
 * `GET {path}/:id` (the entity as resolved) and `GET {path}/:id/timeline?reading=` (its state
 * intervals under a reading); 404 with the entity's name for an unknown id.
 */
export function timelineEntityRoutes<T>(
  app: Hono,
  deps: RouteDeps,
  entity: TimelineEntity<T>,
): void {
  const find = async (id: string): Promise<T> => {
    const found = await entity.get(deps, id);
    if (found === undefined) throw new ApiError("not-found", `No ${entity.noun} '${id}'`);
    return found;
  };

  app.get(`${entity.path}/:id`, async (c) => c.json(plainJson(await find(c.req.param("id")))));

  app.get(`${entity.path}/:id/timeline`, async (c) => {
    const id = c.req.param("id");
    const reading = (await deps.cache.snapshot()).reading(c.req.query("reading"));
    await find(id);
    const intervals = await deps.store.timeline(id, reading);
    return c.json({
      id,
      reading,
      intervals: intervals.map(({ state, from, until, reason }) => ({
        state,
        from,
        until,
        reason,
      })),
    });
  });
}
