import type { Kysely } from "kysely";

/**
 * Deleting a document: its latest version becomes a tombstone (`deleted` 1, empty text), so the
 * history of every document stays whole and a deleted file can be created again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("documents")
    .addColumn("deleted", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("document_versions")
    .addColumn("deleted", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("document_versions").dropColumn("deleted").execute();
  await db.schema.alterTable("documents").dropColumn("deleted").execute();
}
