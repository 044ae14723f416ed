import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import type { Backend } from "../backend.ts";
import type { Database } from "../schema.ts";

/**
 * SQLite through better-sqlite3: one file (its folder is created), write-ahead log, foreign keys
 * on. Writers take the lock at `begin immediate`; readers in other processes go on reading the
 * last committed state meanwhile.
 */
export function openSqliteBackend(file: string): Backend {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const database = new BetterSqlite3(file);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 10000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return {
    kind: "sqlite",
    location: file,
    db,
    maxParameters: 32_766,
    async writeTransaction(work) {
      return db.connection().execute(async (connection) => {
        await sql`begin immediate`.execute(connection);
        let result: Awaited<ReturnType<typeof work>>;
        try {
          result = await work(connection);
        } catch (error) {
          await sql`rollback`.execute(connection);
          throw error;
        }
        await sql`commit`.execute(connection);
        return result;
      });
    },
    close: () => db.destroy(),
  };
}
