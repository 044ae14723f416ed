import type { ColumnType } from "kysely";

/**
 * The tables as Kysely sees them (internal to the store). Names are snake_case in the database.
 * Days are integers (days since 1970-01-01, as in language/calendar/day.ts); timestamps are ISO
 * text; lists and whole model objects are JSON text, so both dialects store the same thing.
 */
export interface Database {
  revisions: RevisionTable;
  documents: DocumentTable;
  document_versions: DocumentVersionTable;
  sources: EntityTable & { reliability: string };
  parties: EntityTable & { name: string; party_kind: string };
  instruments: EntityTable & { title: string; instrument_kind: string };
  provisions: EntityTable & {
    instrument: string;
    local_id: string;
    modality: string;
    title: string;
  };
  events: EntityTable & { first_day: number; last_day: number; type: string; claim: string | null };
  claims: EntityTable & { contested: string; statement: string };
  readings: ReadingTable;
  citations: CitationTable;
  intervals: IntervalTable;
  deadlines: DeadlineTable;
}

export interface RevisionTable {
  id: number;
  /** `import` or `save`. */
  kind: string;
  created_at: string;
  /** How many documents got a new version. */
  documents: number;
}

export interface DocumentTable {
  file: string;
  version: number;
  sha256: string;
  size: number;
  saved_at: string;
  revision: number;
  /** 1 when this version deleted the document (its text is then empty); 0 otherwise. */
  deleted: ColumnType<number, number | undefined, number>;
}

export interface DocumentVersionTable extends DocumentTable {
  text: string;
}

/** What every resolved entity stores: its id, where it is written, and the whole object. */
export interface EntityTable {
  id: string;
  file: string;
  line: number;
  /** The model object as JSON. */
  data: string;
}

export interface ReadingTable {
  id: string;
  description: string;
  /** JSON array of claim ids. */
  choices: string;
  /** 1 when the documents define it, 0 for the implicit `default`. */
  defined: number;
}

export interface CitationTable {
  source: string;
  /** `instrument`, `provision`, `event`, `party` or `claim`. */
  subject_kind: string;
  subject_id: string;
}

export interface IntervalTable {
  reading: string;
  /** `instrument` or `provision`. */
  subject_kind: string;
  subject_id: string;
  /** Position in the subject's timeline. */
  seq: number;
  state: string;
  from_day: number;
  until_day: number | null;
  /** The reason as JSON. */
  reason: string;
}

export interface DeadlineTable {
  reading: string;
  provision: string;
  seq: number;
  due_day: number;
  limb: string | null;
  outcome: string;
}
