import type { Location } from "../diagnostics/location.ts";

/** One slot of an event pattern. */
export type PatternTerm =
  | { readonly kind: "id"; readonly id: string }
  | { readonly kind: "var"; readonly name: string }
  | { readonly kind: "holder" }
  | { readonly kind: "counterparty" }
  | { readonly kind: "any" };

/**
 * Matches events: `TYPE OBJECT… by ACTOR… to TARGET…`. An empty slot list matches anything;
 * a list matches an event that names every listed term in that slot.
 */
export interface EventPattern {
  readonly type: string;
  readonly objects: readonly PatternTerm[];
  readonly actors: readonly PatternTerm[];
  readonly targets: readonly PatternTerm[];
  /** The pattern as written, for explanations. */
  readonly text: string;
  readonly at: Location;
}
