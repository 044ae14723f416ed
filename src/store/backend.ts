import type { Kysely } from "kysely";
import type { StoreKind } from "./corpus-store.ts";
import type { Database } from "./schema.ts";

/** What a dialect gives the store: a Kysely instance and a serialised write transaction. */
export interface Backend {
  readonly kind: StoreKind;
  readonly location: string;
  readonly db: Kysely<Database>;
  /**
   * Runs `work` in a transaction that holds the write lock from its start (so that what it reads
   * is still true when it writes), committing when it returns and rolling back when it throws.
   */
  writeTransaction<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** The most parameters one statement may bind. */
  readonly maxParameters: number;
  close(): Promise<void>;
}
