import { ApiError } from "../api-error.ts";
import { modelToApi } from "../api-json.ts";
import type { RegisterRoutes } from "./route-deps.ts";

/** Instruments as resolved, and each one's timeline under a reading. */
export const instrumentRoutes: RegisterRoutes = (app, { store, cache }) => {
  app.get("/api/instruments", async (c) => c.json(modelToApi(await store.listInstruments())));

  app.get("/api/instruments/:id", async (c) => {
    const id = c.req.param("id");
    const instrument = await store.getInstrument(id);
    if (instrument === undefined) throw new ApiError("not-found", `No instrument '${id}'`);
    return c.json(modelToApi(instrument));
  });

  app.get("/api/instruments/:id/timeline", async (c) => {
    const id = c.req.param("id");
    const reading = (await cache.snapshot()).reading(c.req.query("reading"));
    if ((await store.getInstrument(id)) === undefined) {
      throw new ApiError("not-found", `No instrument '${id}'`);
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
