import { plainJson } from "../../language/model-to-json.ts";
import type { RegisterRoutes } from "./route-deps.ts";

/** Readings (named choices among contested claims) and the claims themselves. */
export const readingRoutes: RegisterRoutes = (app, { store }) => {
  app.get("/api/readings", async (c) => c.json(await store.listReadings()));
  app.get("/api/claims", async (c) => c.json(plainJson(await store.listClaims())));
};
