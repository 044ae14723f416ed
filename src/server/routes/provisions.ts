import { ApiError } from "../api-error.ts";
import { modelToApi } from "../api-json.ts";
import type { RegisterRoutes } from "./route-deps.ts";

/** Provisions as resolved (all, or an instrument's), and each one's timeline under a reading. */
export const provisionRoutes: RegisterRoutes = (app, { store, cache }) => {
  app.get("/api/provisions", async (c) => {
    const instrument = c.req.query("instrument");
    if (instrument !== undefined && (await store.getInstrument(instrument)) === undefined) {
      throw new ApiError("not-found", `No instrument '${instrument}'`);
    }
    const provisions = await store.listProvisions(instrument === undefined ? {} : { instrument });
    return c.json(modelToApi(provisions));
  });

  app.get("/api/provisions/:id", async (c) => {
    const id = c.req.param("id");
    const provision = await store.getProvision(id);
    if (provision === undefined) throw new ApiError("not-found", `No provision '${id}'`);
    return c.json(modelToApi(provision));
  });

  app.get("/api/provisions/:id/timeline", async (c) => {
    const id = c.req.param("id");
    const reading = (await cache.snapshot()).reading(c.req.query("reading"));
    if ((await store.getProvision(id)) === undefined) {
      throw new ApiError("not-found", `No provision '${id}'`);
    }
    const intervals = await store.timeline(id, reading);
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
};
