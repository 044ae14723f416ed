import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Backend } from "../backend.ts";
import type { Database } from "../schema.ts";

/** Writers serialise on this transaction-scoped advisory lock ("pacta" in ASCII). */
const writeLock = 0x7061_6374;

/**
 * PostgreSQL through a pg pool. 64-bit integers (`count(*)`) are read as numbers, for this pool
 * only. The schema is the connection's search path: `?options=-c%20search_path%3Dname` in the URL
 * puts the store in another schema.
 */
export function openPostgresBackend(url: string): Backend {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === pg.types.builtins.INT8
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client whose server went away must not crash the process.
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: "postgres",
    location: redact(url),
    db,
    maxParameters: 65_535,
    writeTransaction(work) {
      return db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(${writeLock})`.execute(trx);
        return work(trx);
      });
    },
    close: () => db.destroy(),
  };
}

/** The URL without its password. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://…";
  }
}
