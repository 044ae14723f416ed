import type { DocumentText } from "../language/compile.ts";
import type { Diagnostic } from "../language/diagnostics/diagnostic.ts";
import type { Claim } from "../language/model/contested.ts";
import type { Event } from "../language/model/event.ts";
import type { Instrument } from "../language/model/instrument.ts";
import type { Party } from "../language/model/party.ts";
import type { Provision } from "../language/model/provision.ts";
import type { Source } from "../language/model/source.ts";

/**
 * The corpus store: versioned documents, the model resolved from their latest versions, and the
 * replay of that model under every reading, in SQLite or PostgreSQL. Every write compiles the
 * whole corpus first and is refused, with nothing written, when that compilation has errors.
 *
 * Dates in and out are ISO days (`YYYY-MM-DD`). The reading defaults to `default`, which always
 * exists: it is the corpus's own `default` reading, or the replay without a reading when the
 * documents define none.
 */
export interface CorpusStore {
  /** `sqlite` or `postgres`. */
  readonly kind: StoreKind;
  /** The SQLite file, or the PostgreSQL URL without its password. */
  readonly location: string;

  // Documents

  /** The latest version of every document, by file name. */
  listDocuments(): Promise<DocumentSummary[]>;
  /** A document's text: the latest version, or the given one. */
  getDocument(file: string, version?: number): Promise<StoredDocument | undefined>;
  /** Every version of a document, oldest first; empty when there is no such document. */
  documentVersions(file: string): Promise<DocumentSummary[]>;
  /** The latest text of every document: the corpus to compile (for replays at will, what-ifs). */
  currentDocuments(): Promise<DocumentText[]>;
  /**
   * Saves one document as a new version if the corpus with it compiles without errors. The same
   * text as the latest version changes nothing. With `ifVersion`, the save is refused as a
   * conflict unless the latest version is that one (0: the document must not exist yet).
   */
  saveDocument(file: string, text: string, options?: SaveOptions): Promise<WriteResult>;
  /**
   * Deletes a document if the corpus without it compiles without errors: its latest version
   * becomes a tombstone (its history is kept; saving the file again creates it anew). Refused as
   * `missing` when there is no such document, and as a conflict as `saveDocument` is.
   */
  deleteDocument(file: string, options?: SaveOptions): Promise<WriteResult>;
  /**
   * Imports documents in one transaction: each new or changed one becomes a new version, the
   * others are left as they are. All or nothing: if the corpus with them has errors, nothing is
   * written and the diagnostics are returned.
   */
  importDocuments(
    documents: readonly DocumentText[],
    options?: ImportOptions,
  ): Promise<WriteResult>;
  /** The number of the last write that changed something (0 for an empty store). */
  revision(): Promise<number>;

  // The resolved corpus (the model of the latest versions), each as the language resolved it

  listInstruments(): Promise<Instrument[]>;
  getInstrument(id: string): Promise<Instrument | undefined>;
  /** All provisions, or an instrument's, by qualified id. */
  listProvisions(filter?: { readonly instrument?: string }): Promise<Provision[]>;
  getProvision(id: string): Promise<Provision | undefined>;
  /** Events sorted by first day and id, optionally those whose first day is in a period. */
  listEvents(filter?: { readonly from?: string; readonly to?: string }): Promise<Event[]>;
  getEvent(id: string): Promise<Event | undefined>;
  listSources(): Promise<Source[]>;
  getSource(id: string): Promise<Source | undefined>;
  listParties(): Promise<Party[]>;
  getParty(id: string): Promise<Party | undefined>;
  listClaims(): Promise<Claim[]>;
  /** The readings that have a stored replay (always `default`, when the corpus is not empty). */
  listReadings(): Promise<StoredReading[]>;

  // The replay under a reading

  /** An instrument's or a provision's state intervals, in order; empty for an unknown id. */
  timeline(id: string, reading?: string): Promise<Interval[]>;
  /** The instruments in force on a day. */
  inForceOn(day: string, reading?: string): Promise<InstrumentInForce[]>;
  /** Deadlines that fell in a period (both ends inclusive), with their outcome. */
  dueBetween(from: string, to: string, reading?: string): Promise<DueDeadline[]>;
  /** Provisions violated, with when and why. */
  violations(reading?: string): Promise<Violation[]>;
  /** The events citing a source (directly or through the block or claim they are in). */
  eventsCitingSource(sourceId: string): Promise<Event[]>;

  /** How many rows each table holds. */
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;
}

export type StoreKind = "sqlite" | "postgres";

export interface DocumentSummary {
  readonly file: string;
  readonly version: number;
  /** SHA-256 of the text, hex. */
  readonly sha256: string;
  /** Length of the text in UTF-16 code units. */
  readonly size: number;
  /** ISO timestamp. */
  readonly savedAt: string;
  /** The write (import, save or delete) that made this version. */
  readonly revision: number;
  /** Present on the version that deleted the document (in `documentVersions`). */
  readonly deleted?: true;
}

export interface StoredDocument extends DocumentSummary {
  readonly text: string;
  /** The latest version's number (equal to `version` unless an older one was asked for). */
  readonly latestVersion: number;
}

export interface SaveOptions {
  readonly ifVersion?: number;
}

export interface ImportProgress {
  /** `compile`: the corpus; `replay`: one replay per reading; `write`: rows written. */
  readonly phase: "compile" | "replay" | "write";
  readonly done: number;
  readonly total: number;
}

export interface ImportOptions {
  /** Called as the import goes on, synchronously, inside the transaction. */
  readonly onProgress?: (progress: ImportProgress) => void;
}

export type WriteResult = WriteAccepted | WriteRefused | WriteConflict | WriteMissing;

export interface WriteAccepted {
  readonly ok: true;
  /** The revision this write made, or the current one when nothing changed. */
  readonly revision: number;
  /** Files that did not exist before. */
  readonly created: readonly string[];
  /** Files that got a new version. */
  readonly changed: readonly string[];
  /** Files given with the same text as their latest version. */
  readonly unchanged: readonly string[];
  /** Files deleted. */
  readonly deleted: readonly string[];
  /** Warnings of the corpus's compilation. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface WriteRefused {
  readonly ok: false;
  readonly reason: "diagnostics";
  /** Every diagnostic of the corpus with the new documents; some are errors. */
  readonly diagnostics: readonly Diagnostic[];
  /** The documents compiled (stored and given), to print the diagnostics with their lines. */
  readonly documents: readonly DocumentText[];
}

export interface WriteMissing {
  readonly ok: false;
  readonly reason: "missing";
  readonly file: string;
}

export interface WriteConflict {
  readonly ok: false;
  readonly reason: "conflict";
  readonly file: string;
  /** The latest version (0: none). */
  readonly latestVersion: number;
}

export interface StoredReading {
  readonly id: string;
  readonly description: string;
  /** Claim ids chosen. */
  readonly choices: readonly string[];
  /** False for the implicit `default`: the replay without a reading. */
  readonly defined: boolean;
}

export interface Reason {
  readonly kind: string;
  readonly summary: string;
  readonly event?: string;
  readonly limb?: string;
  readonly instrument?: string;
  readonly sources: readonly string[];
}

export interface Interval {
  readonly subject: string;
  readonly subjectKind: "instrument" | "provision";
  readonly state: string;
  readonly from: string;
  /** The day it ended (as the engine reports it), or null when it never did. */
  readonly until: string | null;
  readonly reason: Reason;
}

export interface InstrumentInForce {
  readonly instrument: string;
  readonly title: string;
  readonly from: string;
  readonly until: string | null;
  readonly reason: Reason;
}

export interface DueDeadline {
  readonly provision: string;
  readonly instrument: string;
  readonly title: string;
  readonly due: string;
  /** The limb of a composite deadline that fired, if any. */
  readonly limb: string | null;
  readonly outcome: string;
}

export interface Violation {
  readonly provision: string;
  readonly instrument: string;
  readonly title: string;
  readonly from: string;
  readonly until: string | null;
  readonly reason: Reason;
}

export interface StoreCounts {
  readonly revisions: number;
  readonly documents: number;
  readonly documentVersions: number;
  readonly sources: number;
  readonly parties: number;
  readonly instruments: number;
  readonly provisions: number;
  readonly events: number;
  readonly claims: number;
  readonly readings: number;
  readonly citations: number;
  readonly intervals: number;
  readonly deadlines: number;
}

export type StoreErrorCode = "bad-date" | "unknown-reading" | "bad-input" | "bad-location";

/** Misuse of the store: a malformed date, a reading with no replay, a bad database location. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string) {
    super(message);
    this.name = "StoreError";
    this.code = code;
  }
}
