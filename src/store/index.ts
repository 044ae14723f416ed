import { join } from "node:path";
import { Migrator } from "kysely";
import type { Backend } from "./backend.ts";
import { type CorpusStore, StoreError } from "./corpus-store.ts";
import { KyselyCorpusStore } from "./kysely-store.ts";
import { migrations } from "./migrations/index.ts";
import { openPostgresBackend } from "./postgres/postgres-backend.ts";
import { openSqliteBackend } from "./sqlite/sqlite-backend.ts";

export * from "./corpus-store.ts";

export interface OpenStoreOptions {
  /**
   * A PostgreSQL URL (`postgres://…` or `postgresql://…`) or a SQLite file path. Default: the
   * environment's `PACTA_DATABASE_URL`, then `pacta.sqlite` in the data folder.
   */
  readonly database?: string;
  /** The folder of the default SQLite file. Default: `PACTA_DATA_DIR`, then `./data`. */
  readonly dataDir?: string;
  /** Where to read `PACTA_DATABASE_URL` and `PACTA_DATA_DIR`; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Where a store would be opened, without opening it. */
export function storeLocation(options: OpenStoreOptions = {}): {
  kind: "sqlite" | "postgres";
  database: string;
} {
  const env = options.env ?? process.env;
  const nonEmpty = (s: string | undefined) => (s === undefined || s.trim() === "" ? undefined : s);
  const database =
    nonEmpty(options.database) ??
    nonEmpty(env["PACTA_DATABASE_URL"]) ??
    join(nonEmpty(options.dataDir) ?? nonEmpty(env["PACTA_DATA_DIR"]) ?? "data", "pacta.sqlite");
  if (/^postgres(ql)?:\/\//i.test(database)) return { kind: "postgres", database };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(database)) {
    throw new StoreError(
      "bad-location",
      `Unsupported database '${database.replace(/\/\/[^@/]*@/, "//…@")}': give a postgres:// URL or a SQLite file path`,
    );
  }
  return { kind: "sqlite", database };
}

/**
 * Opens (creating if needed) the corpus store and brings its schema up to date: SQLite by default,
 * PostgreSQL for a `postgres://` URL. Close it when done.
 *
 * @example
 * const store = await openStore({ database: "data/pacta.sqlite" });
 * const result = await store.importDocuments([{ file: "a.pacta", text: 'party a "A"' }]);
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<CorpusStore> {
  const { kind, database } = storeLocation(options);
  const backend = kind === "postgres" ? openPostgresBackend(database) : openSqliteBackend(database);
  try {
    await migrate(backend);
  } catch (error) {
    await backend.close();
    throw error;
  }
  return new KyselyCorpusStore(backend);
}

/** The names of the migrations this version of Pacta knows, in order. */
export const migrationNames: readonly string[] = Object.keys(migrations).sort();

async function migrate(backend: Backend): Promise<void> {
  const migrator = new Migrator({
    db: backend.db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    migrationTableName: "store_migrations",
    migrationLockTableName: "store_migrations_lock",
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot bring the store at ${backend.location} up to date${failed ? ` (migration ${failed})` : ""}: ${message}`,
      { cause: error },
    );
  }
}
