import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runDelete } from "../cli/delete-command.ts";
import { runImport } from "../cli/import-command.ts";
import {
  type CorpusStore,
  migrationNames,
  openStore,
  type StoreCounts,
  StoreError,
  storeLocation,
} from "./index.ts";

// Small documents, written here: a corpus of three files and variants of them.

const core = `source s1 "Source one"
source s2 "Source two"
party a "Party A" [s1] {
  kind state
}
party b "Party B"
asset rail "A railway"
`;

const treaty = `instrument t1 "Treaty one" [s1] {
  kind treaty
  parties a, b
  in-force on signature
  term 10 years
  article 1 "Transfer of the railway" {
    duty transfer "Transfer the railway" {
      holder a
      counterparty b
      act transfer rail
      due end of 1952
      fulfilled by transfer rail by a to b
    }
  }
  article 2 "Payment" {
    duty pay "Pay for the railway" {
      holder b
      counterparty a
      due 1951-06-30
      fulfilled by pay by b to a
    }
  }
}
event t1-signed 1950-02-14 sign t1 by a, b [s1]
event payment 1951-05-01 pay 100 USD by b to a [s2]
event handover 1953-03-01 transfer rail by a to b [s2]
`;

const claims = `contested end "When did treaty one end?" {
  claim late "It ran its term" [s1] {
  }
  claim early "It was terminated in 1955" [s2] {
    event end-early 1955-01-01 terminate t1
  }
}
reading default "The best-sourced claims" {
  choose late
}
reading other "The other view" {
  choose early
}
`;

const corpus = [
  { file: "core.pacta", text: core },
  { file: "treaty.pacta", text: treaty },
  { file: "claims.pacta", text: claims },
];

/** The treaty with the handover in time: nothing violated any more. */
const treatyOnTime = treaty.replace("1953-03-01 transfer", "1952-11-01 transfer");

const emptyCounts: StoreCounts = {
  revisions: 0,
  documents: 0,
  documentVersions: 0,
  sources: 0,
  parties: 0,
  instruments: 0,
  provisions: 0,
  events: 0,
  claims: 0,
  readings: 0,
  citations: 0,
  intervals: 0,
  deadlines: 0,
};

import { type TestDatabase, testTargets as targets } from "./testing/test-databases.ts";

const here = dirname(fileURLToPath(import.meta.url));

for (const target of targets) {
  describe(`corpus store on ${target.name}`, () => {
    if (target.skip !== undefined) {
      it.skip(`skipped: ${target.skip}`, () => {});
      return;
    }
    let db: TestDatabase;
    let store: CorpusStore;
    const reopen = async () => {
      await store.close();
      store = await openStore({ database: db.database });
    };

    beforeEach(async () => {
      db = await target.create();
      store = await openStore({ database: db.database });
    });
    afterEach(async () => {
      await store.close();
      await db.drop();
    });

    it("opens empty, with its schema migrated", async () => {
      expect(store.kind).toBe(target.name === "SQLite" ? "sqlite" : "postgres");
      expect(await store.counts()).toEqual(emptyCounts);
      expect(await store.revision()).toBe(0);
      expect(await store.listDocuments()).toEqual([]);
      expect(await store.currentDocuments()).toEqual([]);
      expect(await store.listReadings()).toEqual([]);
      expect(await store.inForceOn("1950-01-01")).toEqual([]);
      expect(migrationNames).toEqual(["0001-documents", "0002-corpus", "0003-deleted-documents"]);
    });

    it("imports documents: versions, entities and replays", async () => {
      const phases = new Set<string>();
      const result = await store.importDocuments(corpus, {
        onProgress: (p) => {
          phases.add(p.phase);
          expect(p.done).toBeLessThanOrEqual(p.total);
        },
      });
      expect(result).toMatchObject({
        ok: true,
        revision: 1,
        created: ["core.pacta", "treaty.pacta", "claims.pacta"],
        changed: [],
        unchanged: [],
      });
      expect([...phases]).toEqual(["compile", "replay", "write"]);
      const counts = await store.counts();
      expect(counts).toMatchObject({
        revisions: 1,
        documents: 3,
        documentVersions: 3,
        sources: 2,
        parties: 2,
        instruments: 1,
        provisions: 2,
        events: 4,
        claims: 2,
        readings: 2,
      });
      expect(counts.intervals).toBeGreaterThan(0);
      expect(counts.deadlines).toBeGreaterThan(0);

      const documents = await store.listDocuments();
      expect(documents.map((d) => [d.file, d.version, d.revision])).toEqual([
        ["claims.pacta", 1, 1],
        ["core.pacta", 1, 1],
        ["treaty.pacta", 1, 1],
      ]);
      expect(documents[1]?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.getDocument("treaty.pacta")).toMatchObject({
        file: "treaty.pacta",
        version: 1,
        latestVersion: 1,
        text: treaty,
        size: treaty.length,
      });
      expect(await store.currentDocuments()).toEqual(
        [...corpus].sort((x, y) => (x.file < y.file ? -1 : 1)),
      );

      expect((await store.listInstruments()).map((i) => i.id)).toEqual(["t1"]);
      const t1 = await store.getInstrument("t1");
      expect(t1).toMatchObject({ id: "t1", title: "Treaty one", parties: ["a", "b"] });
      expect(t1?.at).toMatchObject({ file: "treaty.pacta", line: 1 });
      expect((await store.listProvisions()).map((p) => p.id)).toEqual(["t1.pay", "t1.transfer"]);
      expect((await store.listProvisions({ instrument: "t1" })).length).toBe(2);
      expect(await store.listProvisions({ instrument: "nope" })).toEqual([]);
      expect(await store.getProvision("t1.transfer")).toMatchObject({
        modality: "duty",
        holders: ["a"],
        article: "1",
      });
      expect((await store.listEvents()).map((e) => e.id)).toEqual([
        "t1-signed",
        "payment",
        "handover",
        "end-early",
      ]);
      expect(
        (await store.listEvents({ from: "1951-01-01", to: "1953-12-31" })).map((e) => e.id),
      ).toEqual(["payment", "handover"]);
      expect(await store.getEvent("handover")).toMatchObject({
        type: "transfer",
        actors: ["a"],
        targets: ["b"],
        sources: ["s2"],
      });
      expect((await store.listSources()).map((s) => s.id)).toEqual(["s1", "s2"]);
      expect(await store.getSource("s2")).toMatchObject({ title: "Source two" });
      expect((await store.listParties()).map((p) => p.name)).toEqual(["Party A", "Party B"]);
      expect(await store.getParty("a")).toMatchObject({ partyKind: "state" });
      expect((await store.listClaims()).map((c) => [c.id, c.contested])).toEqual([
        ["early", "end"],
        ["late", "end"],
      ]);
      expect(await store.listReadings()).toEqual([
        { id: "default", description: "The best-sourced claims", choices: ["late"], defined: true },
        { id: "other", description: "The other view", choices: ["early"], defined: true },
      ]);
    });

    it("answers queries across the corpus under each reading", async () => {
      await store.importDocuments(corpus);
      // In force: under `default` the treaty ran its term; under `other` it ended in 1955.
      expect((await store.inForceOn("1950-02-13")).map((r) => r.instrument)).toEqual([]);
      const inForce = await store.inForceOn("1956-01-01");
      expect(inForce).toMatchObject([
        { instrument: "t1", title: "Treaty one", from: "1950-02-14", until: "1960-02-14" },
      ]);
      expect(inForce[0]?.reason.event).toBe("t1-signed");
      expect(await store.inForceOn("1956-01-01", "other")).toEqual([]);
      expect((await store.inForceOn("1954-12-31", "other")).map((r) => r.instrument)).toEqual([
        "t1",
      ]);
      // The interval ends the day before `until`.
      expect((await store.inForceOn("1960-02-13")).length).toBe(1);
      expect(await store.inForceOn("1960-02-14")).toEqual([]);

      expect(await store.dueBetween("1951-01-01", "1952-12-31")).toEqual([
        {
          provision: "t1.pay",
          instrument: "t1",
          title: "Pay for the railway",
          due: "1951-06-30",
          limb: expect.any(String),
          outcome: "fulfilled",
        },
        {
          provision: "t1.transfer",
          instrument: "t1",
          title: "Transfer the railway",
          due: "1952-12-31",
          limb: "end of 1952",
          outcome: "violated",
        },
      ]);
      expect((await store.dueBetween("1951-01-01", "1951-12-31")).map((d) => d.provision)).toEqual([
        "t1.pay",
      ]);
      expect(await store.dueBetween("1952-12-31", "1951-01-01")).toEqual([]);

      const violations = await store.violations();
      expect(violations).toMatchObject([
        { provision: "t1.transfer", instrument: "t1", from: "1953-01-01" },
      ]);
      expect(violations[0]?.reason.kind).toBe("deadline");
      expect((await store.violations("other")).map((v) => v.provision)).toEqual(["t1.transfer"]);

      expect((await store.eventsCitingSource("s2")).map((e) => e.id)).toEqual([
        "payment",
        "handover",
        "end-early", // cited through its claim
      ]);
      expect((await store.eventsCitingSource("s1")).map((e) => e.id)).toEqual(["t1-signed"]);

      const timeline = await store.timeline("t1.pay");
      expect(timeline.map((i) => [i.state, i.from, i.until])).toEqual([
        ["in-effect", "1950-02-14", "1951-05-01"],
        ["fulfilled", "1951-05-01", null],
      ]);
      expect(timeline[1]).toMatchObject({
        subject: "t1.pay",
        subjectKind: "provision",
        reason: { event: "payment", sources: expect.arrayContaining(["s2"]) },
      });
      expect((await store.timeline("t1", "other")).map((i) => i.state)).toContain("terminated");
    });

    it("makes new versions only for changed files on a second import", async () => {
      await store.importDocuments(corpus);
      const second = await store.importDocuments([
        { file: "core.pacta", text: core },
        { file: "treaty.pacta", text: treatyOnTime },
        { file: "claims.pacta", text: claims },
      ]);
      expect(second).toMatchObject({
        ok: true,
        revision: 2,
        created: [],
        changed: ["treaty.pacta"],
        unchanged: ["core.pacta", "claims.pacta"],
      });
      expect(await store.counts()).toMatchObject({
        revisions: 2,
        documents: 3,
        documentVersions: 4,
      });
      expect(
        (await store.documentVersions("treaty.pacta")).map((v) => [v.version, v.revision]),
      ).toEqual([
        [1, 1],
        [2, 2],
      ]);
      expect((await store.documentVersions("core.pacta")).map((v) => v.version)).toEqual([1]);
      // Nothing overwritten: the old text is still there; the derived tables follow the new one.
      expect((await store.getDocument("treaty.pacta", 1))?.text).toBe(treaty);
      expect(await store.getDocument("treaty.pacta")).toMatchObject({
        version: 2,
        latestVersion: 2,
        text: treatyOnTime,
      });
      expect(await store.violations()).toEqual([]);
      expect((await store.getEvent("handover"))?.date.text).toBe("1952-11-01");

      // The same files a third time: nothing changes, not even the revision.
      const third = await store.importDocuments(
        corpus.map((d) => (d.file === "treaty.pacta" ? { ...d, text: treatyOnTime } : d)),
      );
      expect(third).toMatchObject({ ok: true, revision: 2, created: [], changed: [] });
      expect((await store.counts()).documentVersions).toBe(4);

      // Importing a subset leaves the other documents as they are.
      const subset = await store.importDocuments([{ file: "treaty.pacta", text: treaty }]);
      expect(subset).toMatchObject({ ok: true, revision: 3, changed: ["treaty.pacta"] });
      expect((await store.listDocuments()).length).toBe(3);
      expect((await store.documentVersions("treaty.pacta")).length).toBe(3);
    });

    it("refuses an import with errors and writes nothing", async () => {
      const refusedFirst = await store.importDocuments([
        ...corpus,
        { file: "bad.pacta", text: 'instrument bad "Bad" {\n  parties a, nobody\n}\n' },
      ]);
      expect(refusedFirst.ok).toBe(false);
      if (refusedFirst.ok || refusedFirst.reason !== "diagnostics") throw new Error("refused");
      expect(refusedFirst.diagnostics).toContainEqual(
        expect.objectContaining({
          code: "PCT104",
          severity: "error",
          at: expect.objectContaining({ file: "bad.pacta", line: 2 }),
        }),
      );
      expect(refusedFirst.documents.map((d) => d.file)).toContain("bad.pacta");
      expect(await store.counts()).toEqual(emptyCounts);

      await store.importDocuments(corpus);
      const before = await store.counts();
      // An error across documents: an id already declared in a stored document.
      const refused = await store.importDocuments([
        { file: "treaty.pacta", text: treatyOnTime },
        { file: "more.pacta", text: 'party a "Party A again"\n' },
      ]);
      expect(refused).toMatchObject({ ok: false, reason: "diagnostics" });
      if (refused.ok || refused.reason !== "diagnostics") throw new Error("refused");
      expect(refused.diagnostics.some((d) => d.code === "PCT103")).toBe(true);
      // A syntax error.
      const broken = await store.importDocuments([{ file: "broken.pacta", text: 'party c "C\n' }]);
      expect(broken).toMatchObject({ ok: false, reason: "diagnostics" });
      if (broken.ok || broken.reason !== "diagnostics") throw new Error("refused");
      expect(broken.diagnostics.map((d) => d.code)).toContain("PCT002");

      expect(await store.counts()).toEqual(before);
      expect(await store.getDocument("more.pacta")).toBeUndefined();
      expect((await store.getDocument("treaty.pacta"))?.version).toBe(1);
      expect(await store.revision()).toBe(1);
    });

    it("accepts an empty import and writes nothing", async () => {
      const empty = await store.importDocuments([]);
      expect(empty).toEqual({
        ok: true,
        revision: 0,
        created: [],
        changed: [],
        unchanged: [],
        deleted: [],
        diagnostics: [],
      });
      expect(await store.counts()).toEqual(emptyCounts);
      await store.importDocuments(corpus);
      expect(await store.importDocuments([])).toMatchObject({ ok: true, revision: 1 });
      expect((await store.counts()).revisions).toBe(1);
    });

    it("rejects malformed input to writes and queries", async () => {
      await expect(
        store.importDocuments([
          { file: "x.pacta", text: core },
          { file: "x.pacta", text: core },
        ]),
      ).rejects.toMatchObject({ name: "StoreError", code: "bad-input" });
      await expect(store.saveDocument("", core)).rejects.toBeInstanceOf(StoreError);
      await store.importDocuments(corpus);
      await expect(store.inForceOn("1952-02-30")).rejects.toMatchObject({ code: "bad-date" });
      await expect(store.dueBetween("1950", "1960-01-01")).rejects.toMatchObject({
        code: "bad-date",
      });
      await expect(store.listEvents({ from: "yesterday" })).rejects.toMatchObject({
        code: "bad-date",
      });
      await expect(store.violations("cow")).rejects.toMatchObject({ code: "unknown-reading" });
      await expect(store.timeline("t1", "cow")).rejects.toThrow(/default, other/);
      expect((await store.counts()).revisions).toBe(1);
    });

    it("answers unknown ids with nothing", async () => {
      await store.importDocuments(corpus);
      expect(await store.getDocument("nope.pacta")).toBeUndefined();
      expect(await store.getDocument("core.pacta", 2)).toBeUndefined();
      expect(await store.getDocument("core.pacta", 0)).toBeUndefined();
      expect(await store.documentVersions("nope.pacta")).toEqual([]);
      expect(await store.getInstrument("nope")).toBeUndefined();
      expect(await store.getProvision("t1.nope")).toBeUndefined();
      expect(await store.getEvent("nope")).toBeUndefined();
      expect(await store.getSource("nope")).toBeUndefined();
      expect(await store.getParty("nope")).toBeUndefined();
      expect(await store.timeline("nope")).toEqual([]);
      expect(await store.eventsCitingSource("nope")).toEqual([]);
      // An id of another kind is not found either.
      expect(await store.getInstrument("a")).toBeUndefined();
    });

    it("saves a document only if the corpus still compiles", async () => {
      await store.importDocuments(corpus);
      const saved = await store.saveDocument("treaty.pacta", treatyOnTime);
      expect(saved).toMatchObject({ ok: true, revision: 2, changed: ["treaty.pacta"] });
      expect(await store.violations()).toEqual([]);

      const before = await store.counts();
      const refused = await store.saveDocument(
        "treaty.pacta",
        treaty.replace("parties a, b", "parties a, z"),
      );
      expect(refused).toMatchObject({ ok: false, reason: "diagnostics" });
      if (refused.ok || refused.reason !== "diagnostics") throw new Error("refused");
      expect(refused.diagnostics.find((d) => d.severity === "error")?.at).toMatchObject({
        file: "treaty.pacta",
        line: 3,
      });
      expect(await store.counts()).toEqual(before);
      expect((await store.getDocument("treaty.pacta"))?.text).toBe(treatyOnTime);

      // Optimistic concurrency: a save based on an old version is a conflict.
      expect(await store.saveDocument("treaty.pacta", treaty, { ifVersion: 1 })).toEqual({
        ok: false,
        reason: "conflict",
        file: "treaty.pacta",
        latestVersion: 2,
      });
      expect(
        await store.saveDocument("new.pacta", 'party c "C"\n', { ifVersion: 1 }),
      ).toMatchObject({ ok: false, reason: "conflict", latestVersion: 0 });
      const created = await store.saveDocument("new.pacta", 'party c "C"\n', { ifVersion: 0 });
      expect(created).toMatchObject({ ok: true, revision: 3, created: ["new.pacta"] });
      expect(await store.getParty("c")).toMatchObject({ name: "C" });
      // The same text again: no new version.
      expect(await store.saveDocument("new.pacta", 'party c "C"\n')).toMatchObject({
        ok: true,
        revision: 3,
        unchanged: ["new.pacta"],
      });
      expect(await store.counts()).toMatchObject({ revisions: 3, documentVersions: 5 });
    });

    it("deletes a document only if the corpus still compiles, keeping its versions", async () => {
      await store.importDocuments(corpus);
      await store.saveDocument("extra.pacta", 'party c "C"\n');
      const files = async () => (await store.listDocuments()).map((d) => d.file);
      const before = await files();
      // treaty.pacta needs the parties: deleting them is refused, and nothing changes.
      const holder = corpus.find((d) => d.text.includes("party a"))!.file;
      const refused = await store.deleteDocument(holder);
      expect(refused).toMatchObject({ ok: false, reason: "diagnostics" });
      expect(await files()).toEqual(before);

      expect(await store.deleteDocument("extra.pacta", { ifVersion: 2 })).toEqual({
        ok: false,
        reason: "conflict",
        file: "extra.pacta",
        latestVersion: 1,
      });
      const deleted = await store.deleteDocument("extra.pacta", { ifVersion: 1 });
      expect(deleted).toMatchObject({ ok: true, revision: 3, deleted: ["extra.pacta"] });
      expect(await files()).toEqual(before.filter((f) => f !== "extra.pacta"));
      expect(await store.getDocument("extra.pacta")).toBeUndefined();
      expect(await store.getDocument("extra.pacta", 2)).toBeUndefined();
      expect((await store.getDocument("extra.pacta", 1))?.text).toBe('party c "C"\n');
      expect((await store.currentDocuments()).map((d) => d.file)).not.toContain("extra.pacta");
      expect(await store.getParty("c")).toBeUndefined();
      expect(
        (await store.documentVersions("extra.pacta")).map((v) => [v.version, v.deleted]),
      ).toEqual([
        [1, undefined],
        [2, true],
      ]);
      expect(await store.deleteDocument("extra.pacta")).toEqual({
        ok: false,
        reason: "missing",
        file: "extra.pacta",
      });
      // Created again after its tombstone, with the next version number.
      const back = await store.saveDocument("extra.pacta", 'party c "C again"\n', { ifVersion: 0 });
      expect(back).toMatchObject({ ok: true, revision: 4, created: ["extra.pacta"] });
      expect((await store.getDocument("extra.pacta"))?.version).toBe(3);
      expect(await store.getParty("c")).toMatchObject({ name: "C again" });
    });

    it("accepts documents with warnings and returns the warnings", async () => {
      const result = await store.importDocuments([
        ...corpus,
        { file: "lonely.pacta", text: 'source s3 "Nobody cites this"\n' },
      ]);
      expect(result.ok).toBe(true);
      if (!result.ok) throw new Error("accepted");
      expect(result.diagnostics.map((d) => [d.code, d.severity])).toContainEqual([
        "PCT113",
        "warning",
      ]);
      expect((await store.listSources()).length).toBe(3);
    });

    it("replays without readings under an implicit default", async () => {
      await store.importDocuments([
        { file: "core.pacta", text: core },
        { file: "treaty.pacta", text: treaty },
      ]);
      expect(await store.listReadings()).toEqual([
        {
          id: "default",
          description: expect.any(String),
          choices: [],
          defined: false,
        },
      ]);
      expect((await store.inForceOn("1955-01-01")).map((r) => r.instrument)).toEqual(["t1"]);
    });

    it("keeps everything across a reopen and migrates once", async () => {
      await store.importDocuments(corpus);
      const before = await store.counts();
      await reopen();
      expect(await store.counts()).toEqual(before);
      expect((await store.getDocument("claims.pacta"))?.text).toBe(claims);
      expect((await store.inForceOn("1956-01-01")).length).toBe(1);
      await db.exec("insert into store_migrations (name, timestamp) values ('9999-future', 'x')");
      await store.close();
      await expect(openStore({ database: db.database })).rejects.toThrow(/9999-future/);
      await db.exec("delete from store_migrations where name = '9999-future'");
      store = await openStore({ database: db.database });
      expect(await store.counts()).toEqual(before);
    });
  });
}

describe("choosing the database", () => {
  it("defaults to SQLite in ./data, or in PACTA_DATA_DIR", () => {
    expect(storeLocation({ env: {} })).toEqual({
      kind: "sqlite",
      database: join("data", "pacta.sqlite"),
    });
    expect(storeLocation({ env: { PACTA_DATA_DIR: "/srv/pacta" } }).database).toBe(
      "/srv/pacta/pacta.sqlite",
    );
    expect(storeLocation({ env: {}, dataDir: "here" }).database).toBe("here/pacta.sqlite");
  });

  it("chooses PostgreSQL for a postgres:// URL, from the options or PACTA_DATABASE_URL", () => {
    const url = "postgres://u:p@db.example/pacta";
    expect(storeLocation({ env: { PACTA_DATABASE_URL: url } })).toEqual({
      kind: "postgres",
      database: url,
    });
    expect(storeLocation({ env: {}, database: "postgresql://db/pacta" }).kind).toBe("postgres");
    expect(storeLocation({ env: { PACTA_DATABASE_URL: url }, database: "mine.sqlite" })).toEqual({
      kind: "sqlite",
      database: "mine.sqlite",
    });
  });

  it("refuses other URLs without showing their password", () => {
    expect(() => storeLocation({ env: { PACTA_DATABASE_URL: "mysql://u:secret@h/db" } })).toThrow(
      StoreError,
    );
    try {
      storeLocation({ env: {}, database: "mysql://u:secret@h/db" });
    } catch (error) {
      expect(String(error)).not.toContain("secret");
    }
  });
});

describe("an import killed in the middle (SQLite)", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "pacta-kill-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("leaves the store as it was before", { timeout: 90_000 }, async () => {
    const database = join(dir, "pacta.sqlite");
    let store = await openStore({ database });
    await store.importDocuments(corpus);
    const before = await store.counts();
    const documentsBefore = await store.listDocuments();
    await store.close();

    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(here, "testing", "interrupted-import.ts")],
      {
        env: {
          ...process.env,
          PACTA_TEST_DATABASE: database,
          PACTA_TEST_PAUSE_AFTER_ROWS: "5000",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on("exit", (code, signal) => resolve(signal ?? code)),
    );
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("\n")) resolve(out.trim());
      });
      void exited.then((how) =>
        reject(new Error(`child exited (${how}) before pausing: ${stderr}`)),
      );
    });
    const [word, done, total] = line.split(" ");
    expect(word).toBe("paused");
    expect(Number(done)).toBeGreaterThanOrEqual(5000);
    expect(Number(done)).toBeLessThan(Number(total));
    // Uncommitted rows overflowed SQLite's page cache into the write-ahead log on disk.
    expect(statSync(`${database}-wal`).size).toBeGreaterThan(1_000_000);

    // Meanwhile another connection reads the last committed state.
    const reader = await openStore({ database });
    expect(await reader.counts()).toEqual(before);
    await reader.close();

    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    store = await openStore({ database });
    expect(await store.counts()).toEqual(before);
    expect(await store.listDocuments()).toEqual(documentsBefore);
    expect(await store.getInstrument("bulk-0000")).toBeUndefined();
    // And it still takes writes.
    const after = await store.importDocuments([{ file: "treaty.pacta", text: treatyOnTime }]);
    expect(after).toMatchObject({ ok: true, revision: 2 });
    await store.close();
  });
});

describe("pacta import", () => {
  let dir: string;
  let database: string;
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), color: false },
    };
  };
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "pacta-import-"));
    database = join(dir, "store", "pacta.sqlite");
    write("corpus/core.pacta", core);
    write("corpus/nested/treaty.pacta", treaty);
    write("corpus/claims.pacta", claims);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("imports a folder, naming documents relative to it, then only what changed", async () => {
    const first = io();
    expect(await runImport([join(dir, "corpus")], { database }, first.io)).toBe(0);
    expect(first.out.join("")).toMatch(/3 new, 0 changed, 0 unchanged \(revision 1\)/);
    // No progress bar when stderr is not a terminal.
    expect(first.err.join("")).toBe("");

    write("corpus/nested/treaty.pacta", treatyOnTime);
    const second = io();
    expect(await runImport([join(dir, "corpus")], { database }, second.io)).toBe(0);
    expect(second.out.join("")).toMatch(/0 new, 1 changed, 2 unchanged \(revision 2\)/);

    const store = await openStore({ database });
    expect((await store.listDocuments()).map((d) => [d.file, d.version])).toEqual([
      ["claims.pacta", 1],
      ["core.pacta", 1],
      ["nested/treaty.pacta", 2],
    ]);
    await store.close();
  });

  it("refuses documents with errors, showing them at their paths, and exits 1", async () => {
    write("corpus/bad.pacta", 'party a "Again"\n');
    const run = io();
    expect(await runImport([join(dir, "corpus")], { database }, run.io)).toBe(1);
    const err = run.err.join("");
    // Diagnostics name the files as read from disk, not as stored.
    expect(err).toContain(`${relative(process.cwd(), join(dir, "corpus", "core.pacta"))}:3:7`);
    expect(err).toMatch(/PCT103/);
    expect(err).toMatch(/nothing was imported/);
    expect(run.out).toEqual([]);
    const store = await openStore({ database });
    expect(await store.counts()).toEqual(emptyCounts);
    await store.close();
  });

  it("deletes stored documents by name, refusing one the others need", async () => {
    expect(await runImport([join(dir, "corpus")], { database }, io().io)).toBe(0);
    // core.pacta declares the parties the treaty names: refused, with the errors at their lines.
    const refused = io();
    expect(await runDelete(["core.pacta"], { database }, refused.io)).toBe(1);
    expect(refused.err.join("")).toMatch(/nested\/treaty\.pacta:\d+:\d+: error PCT104/);
    expect(refused.err.join("")).toMatch(/nothing was deleted/);
    const ok = io();
    expect(await runDelete(["claims.pacta"], { database }, ok.io)).toBe(0);
    expect(ok.out.join("")).toMatch(
      /^Deleted claims\.pacta from .* \(revision 2; its versions are kept\)/,
    );
    const again = io();
    expect(await runDelete(["claims.pacta"], { database }, again.io)).toBe(1);
    expect(again.err.join("")).toMatch(/no document 'claims\.pacta'/);
    const usage = io();
    expect(await runDelete([], { database }, usage.io)).toBe(2);
    expect(await runDelete(["claims"], { database }, usage.io)).toBe(2);
    expect(await runDelete(["x.pacta"], { database: "mysql://h/db" }, usage.io)).toBe(2);
    const store = await openStore({ database });
    expect((await store.listDocuments()).map((d) => d.file)).toEqual([
      "core.pacta",
      "nested/treaty.pacta",
    ]);
    expect((await store.documentVersions("claims.pacta")).map((v) => v.deleted ?? false)).toEqual([
      false,
      true,
    ]);
    await store.close();
  });

  it("exits 2 on usage errors", async () => {
    const none = io();
    expect(await runImport([], { database }, none.io)).toBe(2);
    expect(none.err.join("")).toMatch(/at least one/);
    const missing = io();
    expect(await runImport([join(dir, "nowhere")], { database }, missing.io)).toBe(2);
    mkdirSync(join(dir, "empty"));
    const empty = io();
    expect(await runImport([join(dir, "empty")], { database }, empty.io)).toBe(2);
    expect(empty.err.join("")).toMatch(/No \.pacta files/);
    const badDatabase = io();
    expect(
      await runImport([join(dir, "corpus")], { database: "mysql://h/db" }, badDatabase.io),
    ).toBe(2);
    write("other/core.pacta", core);
    const clash = io();
    expect(await runImport([join(dir, "corpus"), join(dir, "other")], { database }, clash.io)).toBe(
      2,
    );
    expect(clash.err.join("")).toMatch(/both be stored as 'core.pacta'/);
  });
});
