import type { Migration } from "kysely";
import * as documents from "./0001-documents.ts";
import * as corpus from "./0002-corpus.ts";
import * as deletedDocuments from "./0003-deleted-documents.ts";

/**
 * Every migration, by name, applied in name order on open and recorded in `store_migrations`.
 * Add a file `NNNN-what.ts` with `up` (and `down`) and list it here; never edit one that shipped.
 * The same migrations run on SQLite and PostgreSQL, so they use only the Kysely schema builder
 * and the types `text` and `integer`.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  "0001-documents": documents,
  "0002-corpus": corpus,
  "0003-deleted-documents": deletedDocuments,
};
