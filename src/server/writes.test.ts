import type { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CorpusStore, openStore } from "../store/index.ts";
import { createApp } from "./app.ts";
import { call, type Json, streamOf } from "./testing/client.ts";
import { flagshipDocuments, type TestDatabase, testTargets } from "./testing/databases.ts";

const parties = flagshipDocuments().find((d) => d.file === "parties.pacta")!.text;
const json = { "content-type": "application/json" };

for (const target of testTargets) {
  describe(`the API's writes on ${target.name}`, () => {
    if (target.skip !== undefined) {
      it.skip(`skipped: ${target.skip}`, () => {});
      return;
    }
    let db: TestDatabase;
    let store: CorpusStore;
    let app: Hono;
    const put = (file: string, body: unknown, headers: Record<string, string> = {}) =>
      call(app, "PUT", `/api/documents/${encodeURIComponent(file)}`, { json: body, headers });
    const revision = async () => ((await call(app, "GET", "/api/status")).body as Json).revision;

    beforeEach(async () => {
      db = await target.create();
      store = await openStore({ database: db.database });
      expect((await store.importDocuments(flagshipDocuments())).ok).toBe(true);
      app = createApp({ store, log: () => {} });
    });
    afterEach(async () => {
      await store.close();
      await db.drop();
    });

    it("saves a new version, and nothing when the text is the same", async () => {
      const text = `${parties}\n# A note added through the API.\n`;
      const r = await put("parties.pacta", { text });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        file: "parties.pacta",
        version: 2,
        revision: 2,
        created: false,
        changed: true,
        diagnostics: [],
      });
      const corpus = (await call(app, "GET", "/api/corpus")).body as Json;
      expect(corpus.revision).toBe(2);
      expect(corpus.documents.find((d: Json) => d.file === "parties.pacta")).toMatchObject({
        version: 2,
        text,
      });
      const versions = (await call(app, "GET", "/api/documents/parties.pacta/versions"))
        .body as Json;
      expect(versions.map((v: Json) => v.version)).toEqual([1, 2]);
      const old = (await call(app, "GET", "/api/documents/parties.pacta?version=1")).body as Json;
      expect(old).toMatchObject({ version: 1, latestVersion: 2, text: parties });

      const again = await put("parties.pacta", { text });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ version: 2, revision: 2, changed: false });
    });

    it("creates documents by PUT or POST, in folders, with the name encoded or not", async () => {
      const text = 'party gb "United Kingdom" {\n  kind state\n}\n';
      const created = await put("extra/britain.pacta", { text });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({
        file: "extra/britain.pacta",
        version: 1,
        created: true,
      });
      const plain = await call(app, "GET", "/api/documents/extra/britain.pacta");
      expect(plain.body).toMatchObject({ file: "extra/britain.pacta", text });

      const posted = await call(app, "POST", "/api/documents", {
        json: { file: "extra/france.pacta", text: 'party fr "France"\n' },
      });
      expect(posted.status).toBe(201);
      expect(posted.headers.get("location")).toBe("/api/documents/extra%2Ffrance.pacta");
      expect((await call(app, "GET", "/api/parties/fr")).status).toBe(200);

      const twice = await call(app, "POST", "/api/documents", {
        json: { file: "extra/france.pacta", text: 'party fr "France"\n' },
      });
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({ error: { code: "conflict" }, latestVersion: 1 });
    });

    it("refuses a document with errors with 422, its diagnostics and positions, storing nothing", async () => {
      const before = await revision();
      const text = `${parties}\nparty broken "Broken" {\n  kind planet\n}\nevent e1 1950-02-30 sign nothing\n`;
      const r = await put("parties.pacta", { text });
      expect(r.status).toBe(422);
      const body = r.body as Json;
      expect(body.error.code).toBe("invalid-document");
      expect(body.error.message).toMatch(/line \d+, column \d+/);
      const lines = text.split("\n");
      expect(body.diagnostics.length).toBeGreaterThan(0);
      for (const d of body.diagnostics) {
        expect(d.at.file).toBe("parties.pacta");
        expect(d.at.line).toBeGreaterThan(parties.split("\n").length - 1);
        expect(d.at.column).toBeGreaterThanOrEqual(1);
        expect(typeof d.code).toBe("string");
      }
      const planet = body.diagnostics.find((d: Json) => d.message.includes("planet"));
      expect(lines[planet.at.line - 1]).toContain("kind planet");

      expect(await revision()).toBe(before);
      const versions = (await call(app, "GET", "/api/documents/parties.pacta/versions"))
        .body as Json;
      expect(versions).toHaveLength(1);
    });

    it("refuses a document that would break the others, naming their errors", async () => {
      const r = await put("parties.pacta", { text: "# every party removed\n" });
      expect(r.status).toBe(422);
      const body = r.body as Json;
      expect(body.diagnostics).toEqual([]);
      expect(body.otherDiagnostics.length).toBeGreaterThan(0);
      expect(body.otherDiagnostics[0].at.file).not.toBe("parties.pacta");
      expect(body.error.message).toContain("depend");
      expect(await revision()).toBe(1);
    });

    it("refuses a save from an older version with 409", async () => {
      const ok = await put("parties.pacta", { text: `${parties}\n# 2\n`, ifVersion: 1 });
      expect(ok.status).toBe(200);
      const stale = await put("parties.pacta", { text: `${parties}\n# 3\n`, ifVersion: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ error: { code: "conflict" }, latestVersion: 2 });
      const absent = await put("new.pacta", { text: "# new\n", ifVersion: 3 });
      expect(absent.status).toBe(409);
      expect((absent.body as Json).latestVersion).toBe(0);
      expect(await revision()).toBe(2);
    });

    it("deletes a document, keeping its versions, and creates it anew under the same name", async () => {
      const added = await put("notes/extra.pacta", {
        text: '# An extra note\nsource extra-s "Extra" { url "https://example.org/x" }\n',
      });
      expect(added.status).toBe(200);
      const del = (path: string) => call(app, "DELETE", path);
      const stale = await del("/api/documents/notes%2Fextra.pacta?ifVersion=2");
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ error: { code: "conflict" }, latestVersion: 1 });
      const gone = await del("/api/documents/notes%2Fextra.pacta?ifVersion=1");
      expect(gone.status).toBe(200);
      expect(gone.body).toEqual({
        file: "notes/extra.pacta",
        deleted: true,
        version: 2,
        revision: 3,
      });
      expect((await call(app, "GET", "/api/documents/notes%2Fextra.pacta")).status).toBe(404);
      const corpus = (await call(app, "GET", "/api/corpus")).body as Json;
      expect(corpus.documents.map((d: Json) => d.file)).not.toContain("notes/extra.pacta");
      expect((await call(app, "GET", "/api/sources/extra-s")).status).toBe(404);
      const versions = (await call(app, "GET", "/api/documents/notes%2Fextra.pacta/versions"))
        .body as Json;
      expect(versions.map((v: Json) => [v.version, v.deleted ?? false])).toEqual([
        [1, false],
        [2, true],
      ]);
      const old = await call(app, "GET", "/api/documents/notes%2Fextra.pacta?version=1");
      expect((old.body as Json).text).toContain("An extra note");
      // Deleted twice: there is nothing to delete.
      expect((await del("/api/documents/notes%2Fextra.pacta")).status).toBe(404);
      expect((await del("/api/documents/never.pacta")).status).toBe(404);
      // The name is free again: a new version after the tombstone.
      const again = await put("notes/extra.pacta", { text: "# Back\n", ifVersion: 0 });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ version: 3, created: true });
      expect(await revision()).toBe(4);
    });

    it("refuses to delete a document others depend on, naming their errors, and bad requests", async () => {
      const r = await call(app, "DELETE", "/api/documents/parties.pacta");
      expect(r.status).toBe(422);
      const body = r.body as Json;
      expect(body.error.code).toBe("invalid-document");
      expect(body.error.message).toMatch(
        /^'parties\.pacta' was not deleted: the corpus would have errors; \d+ errors in /,
      );
      expect(body.otherDiagnostics.length).toBeGreaterThan(0);
      expect((await call(app, "GET", "/api/documents/parties.pacta")).status).toBe(200);
      expect((await call(app, "DELETE", "/api/documents/parties.pacta?ifVersion=x")).status).toBe(
        400,
      );
      expect((await call(app, "DELETE", "/api/documents/..%2Fetc.pacta")).status).toBe(400);
      expect(await revision()).toBe(1);
    });

    it("refuses malformed bodies on every write route", async () => {
      const routes: [string, string, Record<string, unknown>][] = [
        ["PUT", "/api/documents/parties.pacta", { text: parties }],
        ["POST", "/api/documents", { file: "x.pacta", text: "# x\n" }],
        ["POST", "/api/what-if", { text: "# x\n" }],
      ];
      for (const [method, path, good] of routes) {
        const where = `${method} ${path}`;
        const malformed = await call(app, method, path, { body: "{ text: ", headers: json });
        expect(malformed.status, where).toBe(400);
        expect((malformed.body as Json).error.code, where).toBe("bad-json");

        const empty = await call(app, method, path, { body: "", headers: json });
        expect(empty.status, where).toBe(400);

        const wrongType = await call(app, method, path, {
          body: JSON.stringify(good),
          headers: { "content-type": "application/x-www-form-urlencoded" },
        });
        expect(wrongType.status, where).toBe(415);
        const noType = await call(app, method, path, { body: JSON.stringify(good) });
        expect(noType.status, where).toBe(415);

        const notText = await call(app, method, path, { json: { ...good, text: 42 } });
        expect(notText.status, where).toBe(400);
        expect((notText.body as Json).error.code, where).toBe("bad-request");

        const array = await call(app, method, path, { json: [good] });
        expect(array.status, where).toBe(400);

        const big = JSON.stringify({ ...good, text: "#".repeat(1024 * 1024) });
        const declared = await call(app, method, path, {
          body: big,
          headers: { ...json, "content-length": String(big.length) },
        });
        expect(declared.status, where).toBe(413);
        expect((declared.body as Json).error.code, where).toBe("too-large");
        const streamed = await call(app, method, path, {
          body: streamOf(1024 * 1024 + 10),
          headers: json,
        });
        expect(streamed.status, where).toBe(413);
      }
      const badVersion = await put("parties.pacta", { text: parties, ifVersion: -1 });
      expect(badVersion.status).toBe(400);
      expect(await revision()).toBe(1);
    });

    it("refuses bad document names", async () => {
      for (const file of ["notes.txt", "a//b.pacta", "./a.pacta", "a/../b.pacta", " a.pacta"]) {
        const r = await put(file, { text: "# x\n" });
        expect(r.status, file).toBe(400);
        expect((r.body as Json).error.code, file).toBe("bad-file-name");
      }
      const posted = await call(app, "POST", "/api/documents", {
        json: { file: "../escape.pacta", text: "# x\n" },
      });
      expect(posted.status).toBe(400);
      expect((posted.body as Json).error.code).toBe("bad-file-name");
      expect(await revision()).toBe(1);
    });

    it("needs the token for writes when it has one, not for reads or what-ifs", async () => {
      const guarded = createApp({ store, token: "s3cret-token", log: () => {} });
      const text = `${parties}\n# with a token\n`;
      const path = "/api/documents/parties.pacta";
      const none = await call(guarded, "PUT", path, { json: { text } });
      expect(none.status).toBe(401);
      expect(none.headers.get("www-authenticate")).toContain("Bearer");
      expect((none.body as Json).error.code).toBe("unauthorized");
      const wrong = await call(guarded, "PUT", path, {
        json: { text },
        headers: { authorization: "Bearer nope" },
      });
      expect(wrong.status).toBe(401);
      const post = await call(guarded, "POST", "/api/documents", {
        json: { file: "y.pacta", text: "# y\n" },
      });
      expect(post.status).toBe(401);
      expect(await revision()).toBe(1);

      const right = await call(guarded, "PUT", path, {
        json: { text },
        headers: { authorization: "Bearer s3cret-token" },
      });
      expect(right.status).toBe(200);
      expect((await call(guarded, "GET", "/api/corpus")).status).toBe(200);
      expect(((await call(guarded, "GET", "/api/status")).body as Json).writesNeedToken).toBe(true);
      const whatIf = await call(guarded, "POST", "/api/what-if", { json: { text: "# x\n" } });
      expect(whatIf.status).toBe(422);
    });

    it("refuses cross-site writes and requests for other hosts", async () => {
      const crossSite = await put(
        "parties.pacta",
        { text: `${parties}\n# x\n` },
        { "sec-fetch-site": "cross-site" },
      );
      expect(crossSite.status).toBe(403);
      expect((crossSite.body as Json).error.code).toBe("forbidden");

      const local = createApp({ store, allowedHosts: ["localhost", "127.0.0.1"], log: () => {} });
      const rebound = await call(local, "GET", "http://attacker.example:7228/api/corpus");
      expect(rebound.status).toBe(403);
      const ok = await call(local, "GET", "http://127.0.0.1:7228/api/corpus");
      expect(ok.status).toBe(200);
      expect(await revision()).toBe(1);
    });
  });
}
