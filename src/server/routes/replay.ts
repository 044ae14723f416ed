import { explain, explanationToJson, stateAtToJson } from "../../engine/index.ts";
import { ApiError } from "../api-error.ts";
import { jsonBytes } from "../api-json.ts";
import { checkDay, dayQuery } from "../http-input.ts";
import type { RegisterRoutes } from "./route-deps.ts";

/** The replay of the stored corpus under a reading (whole, or on a day), and explanations. */
export const replayRoutes: RegisterRoutes = (app, { cache }) => {
  app.get("/api/replay", async (c) => {
    const snapshot = await cache.snapshot();
    const reading = snapshot.reading(c.req.query("reading"));
    const at = dayQuery(c, "at");
    if (at === undefined) {
      return jsonBytes(
        c,
        snapshot.encoded(`replay:${reading}`, () => snapshot.replayJson(reading)),
      );
    }
    return c.json(stateAtToJson(snapshot.replay(reading), reading, checkDay("at", at)));
  });

  app.get("/api/explain/:id", async (c) => {
    const id = c.req.param("id");
    const snapshot = await cache.snapshot();
    const reading = snapshot.reading(c.req.query("reading"));
    const at = dayQuery(c, "at");
    const explanation = explain(
      snapshot.replay(reading),
      snapshot.compilation.model,
      id,
      at === undefined ? undefined : checkDay("at", at),
    );
    if (explanation === undefined) {
      throw new ApiError(
        "not-found",
        `No instrument, provision or fact '${id}' (a provision's local id must be unique; else write INSTRUMENT.PROVISION)`,
      );
    }
    return c.json(explanationToJson(explanation, reading));
  });
};
