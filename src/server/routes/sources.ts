import { plainJson } from "../../language/model-to-json.ts";
import { ApiError } from "../api-error.ts";
import type { RegisterRoutes } from "./route-deps.ts";

/** Sources, and the events that cite each one. */
export const sourceRoutes: RegisterRoutes = (app, { store }) => {
  app.get("/api/sources", async (c) => c.json(plainJson(await store.listSources())));

  app.get("/api/sources/:id", async (c) => {
    const id = c.req.param("id");
    const source = await store.getSource(id);
    if (source === undefined) throw new ApiError("not-found", `No source '${id}'`);
    return c.json(plainJson(source));
  });

  app.get("/api/sources/:id/events", async (c) => {
    const id = c.req.param("id");
    if ((await store.getSource(id)) === undefined) {
      throw new ApiError("not-found", `No source '${id}'`);
    }
    return c.json(plainJson(await store.eventsCitingSource(id)));
  });
};
