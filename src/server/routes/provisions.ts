import { plainJson } from "../../language/model-to-json.ts";
import { ApiError } from "../api-error.ts";
import { timelineEntityRoutes } from "./entity-routes.ts";
import type { RegisterRoutes } from "./route-deps.ts";

/** Provisions as resolved (all, or an instrument's), and each one's timeline under a reading. */
export const provisionRoutes: RegisterRoutes = (app, deps) => {
  const { store } = deps;
  app.get("/api/provisions", async (c) => {
    const instrument = c.req.query("instrument");
    if (instrument !== undefined && (await store.getInstrument(instrument)) === undefined) {
      throw new ApiError("not-found", `No instrument '${instrument}'`);
    }
    const provisions = await store.listProvisions(instrument === undefined ? {} : { instrument });
    return c.json(plainJson(provisions));
  });
  timelineEntityRoutes(app, deps, {
    path: "/api/provisions",
    noun: "provision",
    get: ({ store }, id) => store.getProvision(id),
  });
};
