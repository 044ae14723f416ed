import { readFileSync } from "node:fs";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CorpusStore, openStore } from "../store/index.ts";
import { createApp } from "./app.ts";
import { CorpusCache } from "./corpus-cache.ts";
import { openApiDocument } from "./openapi.ts";
import { call, type Json } from "./testing/client.ts";
import {
  flagshipDocuments,
  flagshipWhatIf,
  type TestDatabase,
  testTargets,
} from "./testing/databases.ts";

const railway = "changchun-port-arthur-dalny-1950.railway-transfer";
const changchun = "changchun-port-arthur-dalny-1950";

for (const target of testTargets) {
  describe(`the API's reads on ${target.name}`, () => {
    if (target.skip !== undefined) {
      it.skip(`skipped: ${target.skip}`, () => {});
      return;
    }
    let db: TestDatabase;
    let store: CorpusStore;
    let app: Hono;
    const logged: string[] = [];
    const get = (path: string) => call(app, "GET", path);

    beforeAll(async () => {
      db = await target.create();
      store = await openStore({ database: db.database });
      const result = await store.importDocuments(flagshipDocuments());
      expect(result.ok).toBe(true);
      app = createApp({ store, log: (line) => logged.push(line), webRoot: "/nonexistent" });
    });
    afterAll(async () => {
      await store?.close();
      await db?.drop();
    });

    it("answers the corpus: every document's latest version, with security headers", async () => {
      const r = await get("/api/corpus");
      expect(r.status).toBe(200);
      const body = r.body as Json;
      expect(body.revision).toBe(1);
      expect(body.documents).toHaveLength(flagshipDocuments().length);
      const parties = body.documents.find((d: Json) => d.file === "parties.pacta");
      expect(parties).toMatchObject({ file: "parties.pacta", version: 1 });
      expect(parties.text).toContain('party ussr "Union of Soviet Socialist Republics"');
      expect(r.headers.get("content-type")).toMatch(/^application\/json/);
      expect(r.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(r.headers.get("content-security-policy")).not.toContain("unsafe-eval");
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("referrer-policy")).toBe("no-referrer");
      expect(r.headers.get("cache-control")).toBe("no-store");
    });

    it("answers the status", async () => {
      const r = await get("/api/status");
      expect(r.body).toMatchObject({
        store: target.name === "SQLite" ? "sqlite" : "postgres",
        revision: 1,
        documents: flagshipDocuments().length,
        writesNeedToken: false,
      });
      expect((r.body as Json).readings).toEqual([
        "atop",
        "cow",
        "default",
        "san-francisco-as-peace",
        "wikipedia",
      ]);
    });

    it("reads documents, their versions, and refuses unknown ones", async () => {
      const list = await get("/api/documents");
      expect(list.status).toBe(200);
      expect((list.body as Json).map((d: Json) => d.file)).toContain("parties.pacta");
      expect((list.body as Json)[0]).toMatchObject({ version: 1, revision: 1 });

      const doc = await get("/api/documents/parties.pacta");
      expect(doc.status).toBe(200);
      expect(doc.body).toMatchObject({ file: "parties.pacta", version: 1, latestVersion: 1 });
      expect(typeof (doc.body as Json).savedAt).toBe("string");
      expect((doc.body as Json).text).toBe(
        flagshipDocuments().find((d) => d.file === "parties.pacta")?.text,
      );
      expect((await get("/api/documents/parties.pacta?version=1")).status).toBe(200);

      const versions = await get("/api/documents/parties.pacta/versions");
      expect(versions.status).toBe(200);
      expect(versions.body).toEqual([
        expect.objectContaining({ version: 1, savedAt: expect.any(String) }),
      ]);

      for (const path of [
        "/api/documents/nothing.pacta",
        "/api/documents/nothing.pacta/versions",
        "/api/documents/parties.pacta?version=7",
        "/api/documents/sino-soviet%2Fparties.pacta",
      ]) {
        const r = await get(path);
        expect(r.status, path).toBe(404);
        expect((r.body as Json).error.code).toBe("not-found");
      }
      for (const v of ["0", "x", "-1", "1.5"]) {
        const r = await get(`/api/documents/parties.pacta?version=${v}`);
        expect(r.status, v).toBe(400);
        expect((r.body as Json).error.code).toBe("bad-request");
      }
    });

    it("answers instruments, provisions, events, sources and parties, with ISO dates", async () => {
      const instruments = await get("/api/instruments");
      expect(instruments.status).toBe(200);
      const ids = (instruments.body as Json).map((i: Json) => i.id);
      expect(ids).toContain(changchun);
      expect(ids).toEqual([...ids].sort());

      const one = (await get(`/api/instruments/${changchun}`)).body as Json;
      expect(one).toMatchObject({ id: changchun, parties: ["prc", "ussr"], kind: "instrument" });
      expect(one.provisions).toContain(railway);
      expect(one.at).toMatchObject({ file: "changchun-port-arthur-dalny-1950.pacta", line: 5 });

      const provisions = (await get(`/api/provisions?instrument=${changchun}`)).body as Json;
      expect(provisions.map((p: Json) => p.id)).toContain(railway);
      expect(provisions.every((p: Json) => p.instrument === changchun)).toBe(true);
      expect((await get(`/api/provisions/${railway}`)).body).toMatchObject({
        id: railway,
        localId: "railway-transfer",
        modality: "duty",
        holders: ["ussr"],
      });

      const event = (await get("/api/events/changchun-agreement-ratified-1950")).body as Json;
      expect(event.date).toEqual({
        first: "1950-04-11",
        last: "1950-04-11",
        precision: "day",
        text: "1950-04-11",
      });
      const in1950 = (await get("/api/events?from=1950-01-01&to=1950-12-31")).body as Json;
      expect(in1950.length).toBeGreaterThan(0);
      expect(in1950.every((e: Json) => e.date.first.startsWith("1950"))).toBe(true);
      const all = (await get("/api/events")).body as Json;
      expect(all.length).toBeGreaterThan(in1950.length);

      const sources = (await get("/api/sources")).body as Json;
      expect(sources.map((s: Json) => s.id)).toContain("frus-d157");
      expect((await get("/api/sources/frus-d157")).body).toMatchObject({
        id: "frus-d157",
        reliability: "strong",
      });
      const citing = (await get("/api/sources/gaz-1950/events")).body as Json;
      expect(citing.map((e: Json) => e.id)).toContain("changchun-agreement-ratified-1950");

      expect(((await get("/api/parties")).body as Json).map((p: Json) => p.id)).toContain("prc");
      expect((await get("/api/parties/ussr")).body).toMatchObject({ id: "ussr", cow: 365 });
      expect(((await get("/api/readings")).body as Json).map((r: Json) => r.id)).toContain("atop");
      expect(((await get("/api/claims")).body as Json).length).toBeGreaterThan(0);

      for (const path of [
        "/api/instruments/nope",
        "/api/provisions/nope.nope",
        "/api/provisions?instrument=nope",
        "/api/events/nope",
        "/api/sources/nope",
        "/api/sources/nope/events",
        "/api/parties/nope",
        "/api/instruments/nope/timeline",
        "/api/provisions/nope/timeline",
      ]) {
        const r = await get(path);
        expect(r.status, path).toBe(404);
        expect((r.body as Json).error).toEqual({ code: "not-found", message: expect.any(String) });
      }
    });

    it("answers timelines under a reading", async () => {
      const r = await get(`/api/provisions/${railway}/timeline`);
      expect(r.status).toBe(200);
      const body = r.body as Json;
      expect(body).toMatchObject({ id: railway, reading: "default" });
      expect(body.intervals.map((i: Json) => i.state)).toContain("fulfilled");
      expect(body.intervals[0]).toMatchObject({ from: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
      const atop = await get(`/api/instruments/prc-ussr-treaty-1950/timeline?reading=atop`);
      expect(atop.status).toBe(200);
      expect((atop.body as Json).reading).toBe("atop");
    });

    it("answers the replay, whole or on a day, under a reading", async () => {
      const whole = (await get("/api/replay")).body as Json;
      expect(whole.reading).toBe("default");
      expect(whole.instruments.map((t: Json) => t.id)).toContain(changchun);
      expect(whole.provisions.length).toBeGreaterThan(0);
      expect(whole.deadlines[0]).toMatchObject({ due: expect.stringMatching(/^\d{4}-/) });

      const on = (await get("/api/replay?at=1952-01-01")).body as Json;
      expect(on).toMatchObject({ reading: "default", at: "1952-01-01" });
      expect(on.instruments.find((s: Json) => s.id === changchun)).toMatchObject({
        state: "in-force",
        since: "1950-04-11",
        reason: { kind: "rule", sources: expect.arrayContaining(["frus-d157"]) },
      });

      const cow = (await get("/api/replay?reading=cow&at=1980-01-01")).body as Json;
      expect(cow.reading).toBe("cow");
      const atop = (await get("/api/replay?reading=atop&at=1980-03-01")).body as Json;
      const treaty = (b: Json) => b.instruments.find((s: Json) => s.id === "prc-ussr-treaty-1950");
      expect(treaty(cow)?.state).not.toBe(undefined);
      expect(treaty(atop)?.state).toBe("in-force");
    });

    it("refuses unknown readings naming the readings, and bad dates", async () => {
      for (const path of [
        "/api/replay?reading=nope",
        "/api/explain/x?reading=nope",
        "/api/in-force?at=1950-01-01&reading=nope",
        "/api/due?from=1950-01-01&to=1951-01-01&reading=nope",
        "/api/violations?reading=nope",
        `/api/provisions/${railway}/timeline?reading=nope`,
      ]) {
        const r = await get(path);
        expect(r.status, path).toBe(400);
        const body = r.body as Json;
        expect(body.error.code).toBe("unknown-reading");
        expect(body.error.message).toContain("atop, cow, default, san-francisco-as-peace");
        expect(body.readings).toContain("wikipedia");
      }
      for (const path of [
        "/api/replay?at=1952-02-30",
        "/api/replay?at=yesterday",
        "/api/explain/x?at=1952-13-01",
        "/api/in-force?at=1952",
        "/api/in-force",
        "/api/due?from=1950-01-01",
        "/api/due?from=1951-01-01&to=1950-01-01",
        "/api/events?from=1950-1-1",
      ]) {
        const r = await get(path);
        expect(r.status, path).toBe(400);
        expect((r.body as Json).error.code).toBe("bad-date");
      }
    });

    it("explains a provision's state on a day, with its sources, and refuses unknown ids", async () => {
      const r = await get(`/api/explain/${railway}?at=1953-06-01`);
      expect(r.status).toBe(200);
      const body = r.body as Json;
      expect(body).toMatchObject({ id: railway, kind: "provision", at: "1953-06-01" });
      expect(body.steps[0]).toMatchObject({ id: railway, state: "fulfilled" });
      expect(body.steps[0].text).toContain(railway);
      expect(body.steps[0].sources.length).toBeGreaterThan(0);
      expect(body.steps[0].from).toMatch(/^\d{4}-\d\d-\d\d$/);

      const local = await get("/api/explain/railway-transfer");
      expect(local.status).toBe(200);
      expect((local.body as Json).at).toBe(null);
      expect((local.body as Json).steps.length).toBeGreaterThan(1);

      const unknown = await get("/api/explain/no-such-thing");
      expect(unknown.status).toBe(404);
    });

    it("answers what was in force, what fell due, and what was violated", async () => {
      const inForce = (await get("/api/in-force?at=1952-01-01")).body as Json;
      expect(inForce).toMatchObject({ at: "1952-01-01", reading: "default" });
      expect(inForce.instruments.map((i: Json) => i.instrument)).toContain(changchun);

      const due = (await get("/api/due?from=1950-01-01&to=1956-12-31")).body as Json;
      expect(due).toMatchObject({ from: "1950-01-01", to: "1956-12-31", reading: "default" });
      expect(due.deadlines.length).toBeGreaterThan(0);
      expect(due.deadlines[0]).toMatchObject({
        provision: expect.any(String),
        instrument: expect.any(String),
        due: expect.stringMatching(/^195/),
        outcome: expect.stringMatching(/^(fulfilled|violated|replaced|open)$/),
      });

      const violations = await get("/api/violations");
      expect(violations.status).toBe(200);
      expect((violations.body as Json).reading).toBe("default");
      expect(Array.isArray((violations.body as Json).violations)).toBe(true);
    });

    it("runs a what-if and answers its difference from history", async () => {
      const text = readFileSync(flagshipWhatIf, "utf8");
      const r = await call(app, "POST", "/api/what-if", { json: { text } });
      expect(r.status).toBe(200);
      const body = r.body as Json;
      expect(body.reading).toBe("default");
      expect(body.whatIfs).toHaveLength(1);
      expect(body.whatIfs[0]).toMatchObject({ id: "ussr-signs-san-francisco" });
      const changed = body.whatIfs[0].changes.find((c: Json) => c.id === railway);
      expect(changed).toMatchObject({
        kind: "provision",
        from: expect.stringMatching(/^1952-04-2/),
      });

      const other = await call(app, "POST", "/api/what-if", { json: { text, reading: "atop" } });
      expect(other.status).toBe(200);
      expect((other.body as Json).reading).toBe("atop");

      // Nothing was stored.
      expect((await get("/api/status")).body).toMatchObject({ revision: 1 });
    });

    it("refuses a what-if with errors, with the diagnostics at their lines", async () => {
      const text = 'what-if broken "A broken one" {\n  remove no-such-event\n  move\n}\n';
      const r = await call(app, "POST", "/api/what-if", { json: { text } });
      expect(r.status).toBe(422);
      const body = r.body as Json;
      expect(body.error.code).toBe("invalid-what-if");
      expect(body.diagnostics.length).toBeGreaterThan(0);
      for (const d of body.diagnostics) {
        expect(d.at).toMatchObject({ file: "(what-if).pacta" });
        expect(d.at.line).toBeGreaterThanOrEqual(2);
        expect(d.at.column).toBeGreaterThanOrEqual(1);
      }

      const none = await call(app, "POST", "/api/what-if", { json: { text: "# nothing\n" } });
      expect(none.status).toBe(422);
      expect((none.body as Json).error.message).toContain("no 'what-if'");

      const reading = await call(app, "POST", "/api/what-if", {
        json: { text: readFileSync(flagshipWhatIf, "utf8"), reading: "nope" },
      });
      expect(reading.status).toBe(400);
      expect((reading.body as Json).error.code).toBe("unknown-reading");
    });

    it("refuses bad what-if bodies: malformed JSON, wrong type, too large", async () => {
      const malformed = await call(app, "POST", "/api/what-if", {
        body: '{"text": "what-if',
        headers: { "content-type": "application/json" },
      });
      expect(malformed.status).toBe(400);
      expect((malformed.body as Json).error.code).toBe("bad-json");

      const plain = await call(app, "POST", "/api/what-if", {
        body: JSON.stringify({ text: "x" }),
        headers: { "content-type": "text/plain" },
      });
      expect(plain.status).toBe(415);
      expect((plain.body as Json).error.code).toBe("unsupported-media-type");

      const missing = await call(app, "POST", "/api/what-if", { json: { reading: "atop" } });
      expect(missing.status).toBe(400);
      expect((missing.body as Json).error.message).toContain("'text'");

      const notObject = await call(app, "POST", "/api/what-if", { json: ["what-if"] });
      expect(notObject.status).toBe(400);

      const large = await call(app, "POST", "/api/what-if", {
        json: { text: `# ${"x".repeat(1024 * 1024)}` },
      });
      expect(large.status).toBe(413);
      expect((large.body as Json).error.code).toBe("too-large");
    });

    it("answers other methods with 405 and Allow, unknown routes with 404", async () => {
      const r = await call(app, "PATCH", "/api/documents/parties.pacta");
      expect(r.status).toBe(405);
      expect(r.headers.get("allow")).toBe("DELETE, GET, HEAD, PUT");
      expect((r.body as Json).error.code).toBe("method-not-allowed");
      expect((await call(app, "POST", "/api/replay")).headers.get("allow")).toBe("GET, HEAD");
      expect((await call(app, "GET", "/api/what-if")).status).toBe(405);

      const head = await call(app, "HEAD", "/api/corpus");
      expect(head.status).toBe(200);

      for (const path of ["/api", "/api/nothing", "/api/instruments/a/b/c"]) {
        const unknown = await get(path);
        expect(unknown.status, path).toBe(404);
        expect((unknown.body as Json).error.code).toBe("not-found");
      }
    });

    it("never shows a stack trace: a failing store answers 500 and logs the details", async () => {
      const failing = new Proxy(store, {
        get(target, property, receiver) {
          if (property === "listInstruments") {
            return () => Promise.reject(new Error("database on fire at /secret/path"));
          }
          const value = Reflect.get(target, property, receiver);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
      const log: string[] = [];
      const broken = createApp({ store: failing, log: (line) => log.push(line) });
      const r = await call(broken, "GET", "/api/instruments");
      expect(r.status).toBe(500);
      expect((r.body as Json).error.code).toBe("internal");
      expect(r.text).not.toContain("fire");
      expect(r.text).not.toContain("at ");
      expect(log.join("\n")).toContain("database on fire");
      expect(log.join("\n")).toContain("app.test.ts");
    });

    it("describes every route in its OpenAPI document, and nothing else", async () => {
      const r = await get("/api/openapi.json");
      expect(r.status).toBe(200);
      const doc = r.body as Json;
      expect(doc.openapi).toBe("3.1.0");
      const described = new Set<string>();
      for (const [path, item] of Object.entries(doc.paths as Record<string, object>))
        for (const method of Object.keys(item)) described.add(`${method.toUpperCase()} ${path}`);
      const served = new Set<string>();
      for (const route of app.routes) {
        if (route.method === "ALL" || !route.path.startsWith("/api/")) continue;
        served.add(`${route.method} ${route.path.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}")}`);
      }
      expect([...described].sort()).toEqual([...served].sort());
      // Every $ref points at a schema that exists.
      const refs = JSON.stringify(openApiDocument).match(/#\/components\/schemas\/\w+/g) ?? [];
      for (const ref of new Set(refs)) {
        expect(doc.components.schemas, ref).toHaveProperty(ref.split("/").pop() as string);
      }
    });

    it("keeps the compiled corpus for a revision and compiles again after a write", async () => {
      const cache = new CorpusCache(store);
      const first = await cache.snapshot();
      expect(await cache.snapshot()).toBe(first);
      expect(first.replay("default")).toBe(first.replay("default"));
      // The same through the app: two replays of one revision are one computation.
      const a = (await get("/api/replay?at=1960-01-01")).text;
      const b = (await get("/api/replay?at=1960-01-01")).text;
      expect(a).toBe(b);
      expect(logged).toEqual([]);
    });
  });
}
