// The databases the API tests run on: SQLite always (in a temporary folder), PostgreSQL when
// PACTA_TEST_POSTGRES_URL is set (in a fresh schema per store, dropped after), as in the store's
// own tests. `eval "$(.ci/postgres.sh)"` sets the variable.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { DocumentText } from "../../language/compile.ts";

export interface TestDatabase {
  /** What to pass to openStore. */
  readonly database: string;
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
      const dir = mkdtempSync(join(tmpdir(), "pacta-server-"));
      return {
        database: join(dir, "data", "pacta.sqlite"),
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
      const schema = `pacta_api_test_${randomBytes(6).toString("hex")}`;
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
        drop: () => admin(`drop schema ${schema} cascade`),
      };
    },
  },
];

/** The folder of the flagship corpus. */
export const flagshipFolder = fileURLToPath(
  new URL("../../../corpus/sino-soviet", import.meta.url),
);
/** The flagship's what-if example. */
export const flagshipWhatIf = fileURLToPath(
  new URL("../../../corpus/sino-soviet-what-if/ussr-signs-san-francisco.pacta", import.meta.url),
);

/** The flagship corpus, named as `pacta import corpus/sino-soviet` names it. */
export function flagshipDocuments(): DocumentText[] {
  return readdirSync(flagshipFolder)
    .filter((f) => f.endsWith(".pacta"))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(flagshipFolder, file), "utf8") }));
}
