// The databases the store and API test suites run on: SQLite always (in a temporary folder),
// PostgreSQL when PACTA_TEST_POSTGRES_URL is set (a fresh schema per store, dropped after).
// `eval "$(.ci/postgres.sh)"` sets the variable.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";

// The databases: SQLite always, PostgreSQL when PACTA_TEST_POSTGRES_URL is set.

export interface TestDatabase {
  /** What to pass to openStore. */
  readonly database: string;
  /** Runs a statement outside the store. */
  exec(statement: string): Promise<void>;
  drop(): Promise<void>;
}

export interface TestTarget {
  readonly name: string;
  /** Why the target cannot run here, if it cannot. */
  readonly skip?: string;
  create(): Promise<TestDatabase>;
}

const postgresUrl = process.env["PACTA_TEST_POSTGRES_URL"];

export const testTargets: readonly TestTarget[] = [
  {
    name: "SQLite",
    async create() {
      const dir = mkdtempSync(join(tmpdir(), "pacta-store-"));
      const database = join(dir, "data", "pacta.sqlite");
      return {
        database,
        async exec(statement) {
          const db = new BetterSqlite3(database);
          try {
            db.exec(statement);
          } finally {
            db.close();
          }
        },
        async drop() {
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: "PostgreSQL",
    ...(postgresUrl === undefined
      ? {
          skip: 'PACTA_TEST_POSTGRES_URL is not set; run eval "$(.ci/postgres.sh)" to test PostgreSQL',
        }
      : {}),
    async create() {
      const url = postgresUrl!;
      // A fresh schema per test, created here and dropped after it.
      const schema = `pacta_test_${randomBytes(6).toString("hex")}`;
      const admin = async (statement: string) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(statement);
        } finally {
          await client.end();
        }
      };
      await admin(`create schema ${schema}`);
      const options = encodeURIComponent(`-c search_path=${schema}`);
      return {
        database: `${url}${url.includes("?") ? "&" : "?"}options=${options}`,
        exec: (statement) => admin(`set search_path to ${schema}; ${statement}`),
        drop: () => admin(`drop schema ${schema} cascade`),
      };
    },
  },
];
