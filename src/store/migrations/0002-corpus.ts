import type { CreateTableBuilder, Kysely } from "kysely";

/**
 * The corpus resolved from the latest document versions, and its replay under every reading.
 * These tables are derived: every write replaces their contents in the same transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const entity = <T extends string>(name: T) =>
    db.schema
      .createTable(name)
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("file", "text", (c) => c.notNull())
      .addColumn("line", "integer", (c) => c.notNull());
  const data = <T extends string>(table: CreateTableBuilder<T, "id" | "file" | "line">) =>
    table.addColumn("data", "text", (c) => c.notNull()).execute();

  await data(entity("sources").addColumn("reliability", "text", (c) => c.notNull()));
  await data(
    entity("parties")
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("party_kind", "text", (c) => c.notNull()),
  );
  await data(
    entity("instruments")
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("instrument_kind", "text", (c) => c.notNull()),
  );
  await data(
    entity("provisions")
      .addColumn("instrument", "text", (c) => c.notNull())
      .addColumn("local_id", "text", (c) => c.notNull())
      .addColumn("modality", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull()),
  );
  await db.schema
    .createIndex("provisions_instrument")
    .on("provisions")
    .column("instrument")
    .execute();
  await data(
    entity("events")
      .addColumn("first_day", "integer", (c) => c.notNull())
      .addColumn("last_day", "integer", (c) => c.notNull())
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("claim", "text"),
  );
  await db.schema
    .createIndex("events_first_day")
    .on("events")
    .columns(["first_day", "id"])
    .execute();
  await data(
    entity("claims")
      .addColumn("contested", "text", (c) => c.notNull())
      .addColumn("statement", "text", (c) => c.notNull()),
  );
  await db.schema
    .createTable("readings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("choices", "text", (c) => c.notNull())
    .addColumn("defined", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("citations")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("subject_kind", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("citations_pk", ["source", "subject_kind", "subject_id"])
    .execute();
  await db.schema
    .createTable("intervals")
    .addColumn("reading", "text", (c) => c.notNull())
    .addColumn("subject_kind", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("from_day", "integer", (c) => c.notNull())
    .addColumn("until_day", "integer")
    .addColumn("reason", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("intervals_pk", ["reading", "subject_kind", "subject_id", "seq"])
    .execute();
  await db.schema
    .createIndex("intervals_state")
    .on("intervals")
    .columns(["reading", "subject_kind", "state", "from_day"])
    .execute();
  await db.schema
    .createTable("deadlines")
    .addColumn("reading", "text", (c) => c.notNull())
    .addColumn("provision", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("due_day", "integer", (c) => c.notNull())
    .addColumn("limb", "text")
    .addColumn("outcome", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("deadlines_pk", ["reading", "provision", "seq"])
    .execute();
  await db.schema
    .createIndex("deadlines_due")
    .on("deadlines")
    .columns(["reading", "due_day"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "deadlines",
    "intervals",
    "citations",
    "readings",
    "claims",
    "events",
    "provisions",
    "instruments",
    "parties",
    "sources",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
