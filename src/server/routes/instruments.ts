import { plainJson } from "../../language/model-to-json.ts";
import { timelineEntityRoutes } from "./entity-routes.ts";
import type { RegisterRoutes } from "./route-deps.ts";

/** Instruments as resolved, and each one's timeline under a reading. */
export const instrumentRoutes: RegisterRoutes = (app, deps) => {
  app.get("/api/instruments", async (c) => c.json(plainJson(await deps.store.listInstruments())));
  timelineEntityRoutes(app, deps, {
    path: "/api/instruments",
    noun: "instrument",
    get: ({ store }, id) => store.getInstrument(id),
  });
};
