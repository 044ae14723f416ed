import { jsonBytes } from "../api-json.ts";
import type { RegisterRoutes } from "./route-deps.ts";

/** The corpus as a whole: every document's latest text, and the server's state. */
export const corpusRoutes: RegisterRoutes = (app, { store, cache, writesNeedToken }) => {
  app.get("/api/corpus", async (c) => {
    const snapshot = await cache.snapshot();
    const body = snapshot.encoded("corpus", () => ({
      revision: snapshot.revision,
      documents: snapshot.documents.map((d) => ({
        file: d.file,
        version: d.version,
        text: d.text,
        savedAt: d.savedAt,
      })),
    }));
    return jsonBytes(c, body);
  });

  app.get("/api/status", async (c) => {
    const snapshot = await cache.snapshot();
    const { model } = snapshot.compilation;
    return c.json({
      store: store.kind,
      revision: snapshot.revision,
      documents: snapshot.documents.length,
      instruments: model.instruments.size,
      provisions: model.provisions.size,
      events: model.events.length,
      readings: snapshot.readings,
      writesNeedToken,
    });
  });
};
