import { plainJson } from "../../language/model-to-json.ts";
import { ApiError } from "../api-error.ts";
import { dayQuery } from "../http-input.ts";
import type { RegisterRoutes } from "./route-deps.ts";

/** Events, by first day and id, optionally those whose first day falls in a period. */
export const eventRoutes: RegisterRoutes = (app, { store }) => {
  app.get("/api/events", async (c) => {
    const from = dayQuery(c, "from");
    const to = dayQuery(c, "to");
    const events = await store.listEvents({
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
    });
    return c.json(plainJson(events));
  });

  app.get("/api/events/:id", async (c) => {
    const id = c.req.param("id");
    const event = await store.getEvent(id);
    if (event === undefined) throw new ApiError("not-found", `No event '${id}'`);
    return c.json(plainJson(event));
  });
};
