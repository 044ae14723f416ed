import { ApiError } from "../api-error.ts";
import { checkDay, dayQuery } from "../http-input.ts";
import type { RegisterRoutes } from "./route-deps.ts";

/** Questions across the corpus, answered from the store's replays: in force, due, violated. */
export const queryRoutes: RegisterRoutes = (app, { store, cache }) => {
  app.get("/api/in-force", async (c) => {
    const at = dayQuery(c, "at", true);
    const reading = (await cache.snapshot()).reading(c.req.query("reading"));
    return c.json({ at, reading, instruments: await store.inForceOn(at, reading) });
  });

  app.get("/api/due", async (c) => {
    const from = dayQuery(c, "from", true);
    const to = dayQuery(c, "to", true);
    if (checkDay("from", from) > checkDay("to", to)) {
      throw new ApiError("bad-date", `'from' (${from}) is after 'to' (${to})`);
    }
    const reading = (await cache.snapshot()).reading(c.req.query("reading"));
    return c.json({ from, to, reading, deadlines: await store.dueBetween(from, to, reading) });
  });

  app.get("/api/violations", async (c) => {
    const reading = (await cache.snapshot()).reading(c.req.query("reading"));
    return c.json({ reading, violations: await store.violations(reading) });
  });
};
