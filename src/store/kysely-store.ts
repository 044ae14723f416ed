import { createHash } from "node:crypto";
import type { Insertable, Kysely, Selectable } from "kysely";
import { type Compilation, compile, type DocumentText } from "../language/compile.ts";
import type { Claim } from "../language/model/contested.ts";
import type { Event } from "../language/model/event.ts";
import type { Instrument } from "../language/model/instrument.ts";
import type { Party } from "../language/model/party.ts";
import type { Provision } from "../language/model/provision.ts";
import type { Source } from "../language/model/source.ts";
import type { Backend } from "./backend.ts";
import {
  type CorpusStore,
  type DocumentSummary,
  type DueDeadline,
  type ImportOptions,
  type ImportProgress,
  type InstrumentInForce,
  type Interval,
  type Reason,
  type SaveOptions,
  type StoreCounts,
  type StoredDocument,
  type StoredReading,
  StoreError,
  type Violation,
  type WriteResult,
} from "./corpus-store.ts";
import { type CorpusRows, formatDay, parseIsoDay, projectCorpus } from "./project.ts";
import { defaultReading, readingsToReplay, replayReading } from "./replays.ts";
import type { Database } from "./schema.ts";

/** The derived tables, in the order they are filled (and emptied in reverse). */
const derivedTables = [
  "sources",
  "parties",
  "instruments",
  "provisions",
  "events",
  "claims",
  "readings",
  "citations",
  "intervals",
  "deadlines",
] as const satisfies readonly (keyof CorpusRows & keyof Database)[];

type Progress = (progress: ImportProgress) => void;

/** The store over Kysely: the same queries for SQLite and PostgreSQL. */
export class KyselyCorpusStore implements CorpusStore {
  readonly kind: CorpusStore["kind"];
  readonly location: string;
  readonly #backend: Backend;
  readonly #db: Kysely<Database>;

  constructor(backend: Backend) {
    this.#backend = backend;
    this.#db = backend.db;
    this.kind = backend.kind;
    this.location = backend.location;
  }

  // Documents

  async listDocuments(): Promise<DocumentSummary[]> {
    const rows = await this.#db
      .selectFrom("documents")
      .selectAll()
      .where("deleted", "=", 0)
      .execute();
    return rows.map(toSummary).sort(byKey((d) => d.file));
  }

  async getDocument(file: string, version?: number): Promise<StoredDocument | undefined> {
    const latest = await this.#db
      .selectFrom("documents")
      .select(["version", "deleted"])
      .where("file", "=", file)
      .executeTakeFirst();
    // A deleted document has no text; its earlier versions can still be asked for.
    if (latest === undefined || (version === undefined && Number(latest.deleted) !== 0))
      return undefined;
    const row = await this.#db
      .selectFrom("document_versions")
      .selectAll()
      .where("file", "=", file)
      .where("version", "=", version ?? latest.version)
      .executeTakeFirst();
    if (row === undefined || Number(row.deleted) !== 0) return undefined;
    return { ...toSummary(row), text: row.text, latestVersion: Number(latest.version) };
  }

  async documentVersions(file: string): Promise<DocumentSummary[]> {
    const rows = await this.#db
      .selectFrom("document_versions")
      .select(["file", "version", "sha256", "size", "saved_at", "revision", "deleted"])
      .where("file", "=", file)
      .orderBy("version")
      .execute();
    return rows.map(toSummary);
  }

  currentDocuments(): Promise<DocumentText[]> {
    return currentTexts(this.#db);
  }

  async saveDocument(file: string, text: string, options: SaveOptions = {}): Promise<WriteResult> {
    checkDocuments([{ file, text }]);
    return this.#write("save", [{ file, text }], undefined, options.ifVersion);
  }

  async deleteDocument(file: string, options: SaveOptions = {}): Promise<WriteResult> {
    return this.#write("delete", [], undefined, options.ifVersion, file);
  }

  async importDocuments(
    documents: readonly DocumentText[],
    options: ImportOptions = {},
  ): Promise<WriteResult> {
    checkDocuments(documents);
    return this.#write("import", documents, options.onProgress, undefined);
  }

  async revision(): Promise<number> {
    return currentRevision(this.#db);
  }

  /** Compiles the corpus with the given documents and, if it has no errors, writes it all. */
  #write(
    kind: "import" | "save" | "delete",
    given: readonly DocumentText[],
    onProgress: Progress | undefined,
    ifVersion: number | undefined,
    removed?: string,
  ): Promise<WriteResult> {
    return this.#backend.writeTransaction(async (trx): Promise<WriteResult> => {
      const stored = await trx
        .selectFrom("documents")
        .select(["file", "version", "deleted"])
        .execute();
      // Every version number ever given (a deleted file's next version follows its tombstone);
      // a deleted document counts as absent (version 0) for `ifVersion`.
      const versions = new Map(stored.map((d) => [d.file, Number(d.version)]));
      const live = new Map(
        stored.filter((d) => Number(d.deleted) === 0).map((d) => [d.file, Number(d.version)]),
      );
      const target = removed ?? given[0]?.file;
      if (ifVersion !== undefined && target !== undefined) {
        const latestVersion = live.get(target) ?? 0;
        if (latestVersion !== ifVersion) {
          return { ok: false, reason: "conflict", file: target, latestVersion };
        }
      }
      if (removed !== undefined && !live.has(removed))
        return { ok: false, reason: "missing", file: removed };
      const texts = new Map((await currentTexts(trx)).map((d) => [d.file, d.text]));
      const created: string[] = [];
      const changed: string[] = [];
      const unchanged: string[] = [];
      const deleted: string[] = [];
      for (const d of given) {
        const old = texts.get(d.file);
        if (old === undefined) created.push(d.file);
        else if (old === d.text) unchanged.push(d.file);
        else changed.push(d.file);
        texts.set(d.file, d.text);
      }
      if (removed !== undefined) {
        texts.delete(removed);
        deleted.push(removed);
      }
      if (created.length + changed.length + deleted.length === 0) {
        return {
          ok: true,
          revision: await currentRevision(trx),
          created,
          changed,
          unchanged,
          deleted,
          diagnostics: [],
        };
      }
      const corpus = [...texts].map(([file, text]) => ({ file, text })).sort(byKey((d) => d.file));
      onProgress?.({ phase: "compile", done: 0, total: 1 });
      const compilation = compile(corpus);
      onProgress?.({ phase: "compile", done: 1, total: 1 });
      if (compilation.hasErrors) {
        return {
          ok: false,
          reason: "diagnostics",
          diagnostics: compilation.diagnostics,
          documents: corpus,
        };
      }
      const rows = projectCorpus(compilation.model, replayAll(compilation, onProgress));

      const revision = (await currentRevision(trx)) + 1;
      const savedAt = new Date().toISOString();
      const writes = [...created, ...changed, ...deleted].map((file) => {
        const text = texts.get(file) ?? "";
        return {
          file,
          version: (versions.get(file) ?? 0) + 1,
          sha256: sha256(text),
          size: text.length,
          saved_at: savedAt,
          revision,
          deleted: deleted.includes(file) ? 1 : 0,
          text,
        };
      });
      const total =
        1 + writes.length * 2 + derivedTables.reduce((n, table) => n + rows[table].length, 0);
      let done = 0;
      const advance = (n: number) => {
        done += n;
        onProgress?.({ phase: "write", done, total });
      };
      await trx
        .insertInto("revisions")
        .values({ id: revision, kind, created_at: savedAt, documents: writes.length })
        .execute();
      advance(1);
      for (const w of writes) {
        const { text: _text, ...summary } = w;
        if (!versions.has(w.file)) await trx.insertInto("documents").values(summary).execute();
        else await trx.updateTable("documents").set(summary).where("file", "=", w.file).execute();
      }
      advance(writes.length);
      await this.#insert(trx, "document_versions", writes, advance);
      for (const table of [...derivedTables].reverse()) await trx.deleteFrom(table).execute();
      for (const table of derivedTables) await this.#insert(trx, table, rows[table], advance);
      return {
        ok: true,
        revision,
        created,
        changed,
        unchanged,
        deleted,
        diagnostics: compilation.diagnostics,
      };
    });
  }

  /** Inserts rows in statements of as many rows as the dialect's parameter limit allows. */
  async #insert<T extends keyof Database>(
    trx: Kysely<Database>,
    table: T,
    rows: readonly Insertable<Database[T]>[],
    advance: (n: number) => void,
  ): Promise<void> {
    const first = rows[0];
    if (first === undefined) return;
    const size = Math.max(
      1,
      Math.min(500, Math.floor(this.#backend.maxParameters / Object.keys(first).length)),
    );
    for (let i = 0; i < rows.length; i += size) {
      const chunk = rows.slice(i, i + size);
      await trx.insertInto(table).values(chunk).execute();
      advance(chunk.length);
    }
  }

  // The resolved corpus

  async listInstruments(): Promise<Instrument[]> {
    return this.#all<Instrument>("instruments");
  }

  async getInstrument(id: string): Promise<Instrument | undefined> {
    return this.#one<Instrument>("instruments", id);
  }

  async listProvisions(filter: { readonly instrument?: string } = {}): Promise<Provision[]> {
    let query = this.#db.selectFrom("provisions").select(["id", "data"]);
    if (filter.instrument !== undefined) query = query.where("instrument", "=", filter.instrument);
    const rows = await query.execute();
    return rows.sort(byKey((r) => r.id)).map((r) => JSON.parse(r.data) as Provision);
  }

  async getProvision(id: string): Promise<Provision | undefined> {
    return this.#one<Provision>("provisions", id);
  }

  async listEvents(
    filter: { readonly from?: string; readonly to?: string } = {},
  ): Promise<Event[]> {
    let query = this.#db.selectFrom("events").select(["id", "first_day", "data"]);
    if (filter.from !== undefined) query = query.where("first_day", ">=", day(filter.from));
    if (filter.to !== undefined) query = query.where("first_day", "<=", day(filter.to));
    return sortEvents(await query.execute());
  }

  async getEvent(id: string): Promise<Event | undefined> {
    return this.#one<Event>("events", id);
  }

  async listSources(): Promise<Source[]> {
    return this.#all<Source>("sources");
  }

  async getSource(id: string): Promise<Source | undefined> {
    return this.#one<Source>("sources", id);
  }

  async listParties(): Promise<Party[]> {
    return this.#all<Party>("parties");
  }

  async getParty(id: string): Promise<Party | undefined> {
    return this.#one<Party>("parties", id);
  }

  async listClaims(): Promise<Claim[]> {
    return this.#all<Claim>("claims");
  }

  async listReadings(): Promise<StoredReading[]> {
    const rows = await this.#db.selectFrom("readings").selectAll().execute();
    return rows.sort(byKey((r) => r.id)).map((r) => ({
      id: r.id,
      description: r.description,
      choices: JSON.parse(r.choices) as string[],
      defined: Number(r.defined) === 1,
    }));
  }

  async #all<T>(table: EntityTableName): Promise<T[]> {
    const rows = await this.#db.selectFrom(table).select(["id", "data"]).execute();
    return rows.sort(byKey((r) => r.id)).map((r) => JSON.parse(r.data) as T);
  }

  async #one<T>(table: EntityTableName, id: string): Promise<T | undefined> {
    const row = await this.#db
      .selectFrom(table)
      .select("data")
      .where("id", "=", id)
      .executeTakeFirst();
    return row === undefined ? undefined : (JSON.parse(row.data) as T);
  }

  // The replay

  async timeline(id: string, reading = defaultReading): Promise<Interval[]> {
    await this.#checkReading(reading);
    const rows = await this.#db
      .selectFrom("intervals")
      .selectAll()
      .where("reading", "=", reading)
      .where("subject_id", "=", id)
      .orderBy("subject_kind")
      .orderBy("seq")
      .execute();
    return rows.map((r) => ({
      subject: r.subject_id,
      subjectKind: r.subject_kind === "instrument" ? "instrument" : "provision",
      state: r.state,
      from: formatDay(Number(r.from_day)),
      until: r.until_day === null ? null : formatDay(Number(r.until_day)),
      reason: JSON.parse(r.reason) as Reason,
    }));
  }

  async inForceOn(on: string, reading = defaultReading): Promise<InstrumentInForce[]> {
    const d = day(on);
    await this.#checkReading(reading);
    const rows = await this.#db
      .selectFrom("intervals as i")
      .innerJoin("instruments as n", "n.id", "i.subject_id")
      .select(["i.subject_id", "n.title", "i.from_day", "i.until_day", "i.reason"])
      .where("i.reading", "=", reading)
      .where("i.subject_kind", "=", "instrument")
      .where("i.state", "=", "in-force")
      .where("i.from_day", "<=", d)
      .where((eb) => eb.or([eb("i.until_day", "is", null), eb("i.until_day", ">", d)]))
      .execute();
    return rows.sort(byKey((r) => r.subject_id)).map((r) => ({
      instrument: r.subject_id,
      title: r.title,
      from: formatDay(Number(r.from_day)),
      until: r.until_day === null ? null : formatDay(Number(r.until_day)),
      reason: JSON.parse(r.reason) as Reason,
    }));
  }

  async dueBetween(from: string, to: string, reading = defaultReading): Promise<DueDeadline[]> {
    const [first, last] = [day(from), day(to)];
    await this.#checkReading(reading);
    const rows = await this.#db
      .selectFrom("deadlines as d")
      .innerJoin("provisions as p", "p.id", "d.provision")
      .select([
        "d.provision",
        "p.instrument",
        "p.title",
        "d.due_day",
        "d.limb",
        "d.outcome",
        "d.seq",
      ])
      .where("d.reading", "=", reading)
      .where("d.due_day", ">=", first)
      .where("d.due_day", "<=", last)
      .execute();
    return rows
      .sort(
        (a, b) =>
          Number(a.due_day) - Number(b.due_day) ||
          compare(a.provision, b.provision) ||
          Number(a.seq) - Number(b.seq),
      )
      .map((r) => ({
        provision: r.provision,
        instrument: r.instrument,
        title: r.title,
        due: formatDay(Number(r.due_day)),
        limb: r.limb,
        outcome: r.outcome,
      }));
  }

  async violations(reading = defaultReading): Promise<Violation[]> {
    await this.#checkReading(reading);
    const rows = await this.#db
      .selectFrom("intervals as i")
      .innerJoin("provisions as p", "p.id", "i.subject_id")
      .select(["i.subject_id", "p.instrument", "p.title", "i.from_day", "i.until_day", "i.reason"])
      .where("i.reading", "=", reading)
      .where("i.subject_kind", "=", "provision")
      .where("i.state", "=", "violated")
      .execute();
    return rows
      .sort(
        (a, b) => Number(a.from_day) - Number(b.from_day) || compare(a.subject_id, b.subject_id),
      )
      .map((r) => ({
        provision: r.subject_id,
        instrument: r.instrument,
        title: r.title,
        from: formatDay(Number(r.from_day)),
        until: r.until_day === null ? null : formatDay(Number(r.until_day)),
        reason: JSON.parse(r.reason) as Reason,
      }));
  }

  async eventsCitingSource(sourceId: string): Promise<Event[]> {
    const rows = await this.#db
      .selectFrom("events as e")
      .innerJoin("citations as c", (join) =>
        join
          .onRef("c.subject_id", "=", "e.id")
          .on("c.subject_kind", "=", "event")
          .on("c.source", "=", sourceId),
      )
      .select(["e.id", "e.first_day", "e.data"])
      .execute();
    return sortEvents(rows);
  }

  /** Throws unless the reading has a stored replay; `default` always passes. */
  async #checkReading(reading: string): Promise<void> {
    if (reading === defaultReading) return;
    const row = await this.#db
      .selectFrom("readings")
      .select("id")
      .where("id", "=", reading)
      .executeTakeFirst();
    if (row === undefined) {
      const known = (await this.listReadings()).map((r) => r.id);
      throw new StoreError(
        "unknown-reading",
        `No reading named '${reading}'${known.length > 0 ? `; the corpus has ${known.join(", ")}` : ""}`,
      );
    }
  }

  async counts(): Promise<StoreCounts> {
    const count = async (table: keyof Database) => {
      const row = await this.#db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    return {
      revisions: await count("revisions"),
      documents: await count("documents"),
      documentVersions: await count("document_versions"),
      sources: await count("sources"),
      parties: await count("parties"),
      instruments: await count("instruments"),
      provisions: await count("provisions"),
      events: await count("events"),
      claims: await count("claims"),
      readings: await count("readings"),
      citations: await count("citations"),
      intervals: await count("intervals"),
      deadlines: await count("deadlines"),
    };
  }

  close(): Promise<void> {
    return this.#backend.close();
  }
}

type EntityTableName = "sources" | "parties" | "instruments" | "provisions" | "events" | "claims";

/** One replay per reading the store keeps. */
function replayAll(compilation: Compilation, onProgress: Progress | undefined) {
  const { model } = compilation;
  const readings = readingsToReplay(model);
  onProgress?.({ phase: "replay", done: 0, total: readings.length });
  return readings.map((r, i) => {
    const reading = model.readings.get(r.id);
    const replay = replayReading(model, r.id);
    onProgress?.({ phase: "replay", done: i + 1, total: readings.length });
    return {
      id: r.id,
      description: reading?.description ?? "The replay without a reading: first claims chosen",
      choices: reading?.choices ?? [],
      defined: r.defined,
      replay,
    };
  });
}

async function currentTexts(db: Kysely<Database>): Promise<DocumentText[]> {
  const rows = await db
    .selectFrom("documents as d")
    .innerJoin("document_versions as v", (join) =>
      join.onRef("v.file", "=", "d.file").onRef("v.version", "=", "d.version"),
    )
    .select(["d.file", "v.text"])
    .where("d.deleted", "=", 0)
    .execute();
  return rows.sort(byKey((r) => r.file));
}

async function currentRevision(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("revisions")
    .select((eb) => eb.fn.max("id").as("id"))
    .executeTakeFirst();
  return row?.id === null || row?.id === undefined ? 0 : Number(row.id);
}

function checkDocuments(documents: readonly DocumentText[]): void {
  const seen = new Set<string>();
  for (const d of documents) {
    if (typeof d.file !== "string" || d.file.trim() === "" || typeof d.text !== "string") {
      throw new StoreError("bad-input", "Every document needs a file name and a text");
    }
    if (seen.has(d.file)) throw new StoreError("bad-input", `Two documents are named '${d.file}'`);
    seen.add(d.file);
  }
}

function day(text: string): number {
  const d = parseIsoDay(text);
  if (d === undefined) throw new StoreError("bad-date", `'${text}' is not a day (YYYY-MM-DD)`);
  return d;
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function toSummary(row: Selectable<Database["documents"]>): DocumentSummary {
  return {
    file: row.file,
    version: Number(row.version),
    sha256: row.sha256,
    size: Number(row.size),
    savedAt: row.saved_at,
    revision: Number(row.revision),
    ...(Number(row.deleted) === 0 ? {} : { deleted: true as const }),
  };
}

function sortEvents(rows: { id: string; first_day: number; data: string }[]): Event[] {
  return rows
    .sort((a, b) => Number(a.first_day) - Number(b.first_day) || compare(a.id, b.id))
    .map((r) => JSON.parse(r.data) as Event);
}

/** Code-unit order, the same in every database and as the model's maps. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byKey<T>(key: (value: T) => string): (a: T, b: T) => number {
  return (a, b) => compare(key(a), key(b));
}
