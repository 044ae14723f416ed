import type { Location } from "../diagnostics/location.ts";

/** A fact sources disagree on, with its competing claims. */
export interface Contested {
  readonly kind: "contested";
  readonly id: string;
  readonly question: string;
  /** Claim ids in document order; the first is chosen when a reading is silent. */
  readonly claims: readonly string[];
  readonly at: Location;
}

/** One answer to a contested question, with its sources and the events it asserts. */
export interface Claim {
  readonly kind: "claim";
  readonly id: string;
  readonly contested: string;
  readonly statement: string;
  /** Ids of the events that hold if this claim is chosen. */
  readonly events: readonly string[];
  readonly sources: readonly string[];
  readonly at: Location;
}

/** A named choice among claims. */
export interface Reading {
  readonly kind: "reading";
  readonly id: string;
  readonly description: string;
  readonly choices: readonly string[];
  readonly at: Location;
}
