import { plainJson } from "../../language/model-to-json.ts";
import { ApiError } from "../api-error.ts";
import type { RegisterRoutes } from "./route-deps.ts";

/** Parties: states, governments, institutions. */
export const partyRoutes: RegisterRoutes = (app, { store }) => {
  app.get("/api/parties", async (c) => c.json(plainJson(await store.listParties())));

  app.get("/api/parties/:id", async (c) => {
    const id = c.req.param("id");
    const party = await store.getParty(id);
    if (party === undefined) throw new ApiError("not-found", `No party '${id}'`);
    return c.json(plainJson(party));
  });
};
