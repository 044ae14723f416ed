import type { Location } from "../diagnostics/location.ts";
import type { Condition } from "./condition.ts";
import type { EventPattern } from "./pattern.ts";

/**
 * A fact that holds for a time. A primitive fact is started and ended by events whose pattern
 * variables bind its parameters (`?a` binds `a`); a derived fact is a condition over others.
 */
export interface Fact {
  readonly kind: "fact";
  readonly id: string;
  readonly params: readonly string[];
  readonly description?: string;
  readonly starts: readonly EventPattern[];
  readonly ends: readonly EventPattern[];
  readonly derived?: Condition;
  readonly sources: readonly string[];
  readonly at: Location;
}
