import type { Duration } from "../calendar/duration.ts";
import type { HistDate } from "../calendar/hist-date.ts";
import type { Location } from "../diagnostics/location.ts";
import type { ProvisionTerms } from "./provision.ts";

export type InstrumentKind =
  | "treaty"
  | "agreement"
  | "protocol"
  | "exchange-of-notes"
  | "communique"
  | "declaration"
  | "peace-treaty"
  | "memorandum";

/** The rule by which an instrument enters into force. */
export type EntryIntoForce =
  | { readonly kind: "on-signature" }
  | { readonly kind: "on-ratification" }
  | { readonly kind: "on-exchange" }
  | { readonly kind: "on-date"; readonly date: HistDate }
  | { readonly kind: "after-signature"; readonly duration: Duration };

/** Tacit renewal: renewed for `duration` unless notice is given `notice` before expiry. */
export interface Renewal {
  readonly duration: Duration;
  readonly notice: Duration;
  /** If set, notice counts only if given at most this long before expiry. */
  readonly window?: Duration;
}

export interface Term {
  readonly duration: Duration;
  readonly renewal?: Renewal;
  /**
   * `term 30 years then indefinite`: when the term runs out the instrument stays in force without
   * limit of time (until denounced, terminated, …) instead of expiring.
   */
  readonly thenIndefinite?: true;
}

export type RelationKind = "companion-of" | "implements" | "supersedes" | "voids";

export interface Relation {
  readonly kind: RelationKind;
  readonly target: string;
  readonly sources: readonly string[];
  readonly at: Location;
}

/** Replaces some terms of another instrument's provision from a date on. */
export interface Amendment {
  /** Qualified id of the amended provision. */
  readonly provision: string;
  /** When the change takes effect; default: the amending instrument's entry into force. */
  readonly from?: HistDate;
  readonly changes: Partial<ProvisionTerms>;
  readonly sources: readonly string[];
  readonly at: Location;
}

export interface Article {
  readonly number: string;
  readonly paraphrase: string;
  readonly text?: string;
  /** Qualified ids of its provisions. */
  readonly provisions: readonly string[];
  readonly sources: readonly string[];
  readonly at: Location;
}

/** A treaty, agreement, protocol, exchange of notes, communiqué or declaration. */
export interface Instrument {
  readonly kind: "instrument";
  readonly id: string;
  readonly title: string;
  readonly instrumentKind: InstrumentKind;
  readonly parties: readonly string[];
  readonly entryIntoForce?: EntryIntoForce;
  readonly entryIntoForceSources: readonly string[];
  readonly term?: Term;
  /** A notice of denunciation ends the instrument this long after it. */
  readonly denunciation?: Duration;
  /**
   * `denunciation 1 year after term`: only a notice given once the term has run out counts
   * (`term … then indefinite`); earlier notices are of no effect.
   */
  readonly denunciationAfterTerm?: true;
  readonly relations: readonly Relation[];
  readonly amendments: readonly Amendment[];
  readonly articles: readonly Article[];
  /** Qualified ids of all its provisions, in document order. */
  readonly provisions: readonly string[];
  readonly note?: string;
  readonly sources: readonly string[];
  readonly at: Location;
}
