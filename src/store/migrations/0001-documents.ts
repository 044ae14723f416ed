import type { Kysely } from "kysely";

/** Documents, every version of them, and the writes (revisions) that made the versions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("revisions")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("documents", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("documents")
    .addColumn("file", "text", (c) => c.primaryKey())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("saved_at", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull().references("revisions.id"))
    .execute();
  await db.schema
    .createTable("document_versions")
    .addColumn("file", "text", (c) => c.notNull().references("documents.file"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("saved_at", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull().references("revisions.id"))
    .addPrimaryKeyConstraint("document_versions_pk", ["file", "version"])
    .execute();
  await db.schema
    .createIndex("document_versions_revision")
    .on("document_versions")
    .column("revision")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("document_versions").execute();
  await db.schema.dropTable("documents").execute();
  await db.schema.dropTable("revisions").execute();
}
