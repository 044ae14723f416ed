import type { Location } from "../diagnostics/location.ts";
import type { Condition } from "./condition.ts";
import type { FactRule, NormativeKind } from "./fact-rule.ts";
import type { EventPattern } from "./pattern.ts";

/**
 * A fact that holds for a time. A primitive fact is started and ended by events whose pattern
 * variables bind its parameters (`?a` binds `a`); a derived fact is a condition over others.
 * A fact with rules (`rules` not empty, or `values`) changes once per day, when the day is
 * settled: see docs/semantics.md.
 */
export interface Fact {
  readonly kind: "fact";
  readonly id: string;
  readonly params: readonly string[];
  readonly description?: string;
  readonly starts: readonly EventPattern[];
  readonly ends: readonly EventPattern[];
  readonly derived?: Condition;
  /** The values of a multi-valued fact (`values null, proposed, voting`): one holds at a time. */
  readonly values?: readonly string[];
  /** The value every instance of a multi-valued fact holds until something changes it. */
  readonly initially?: string;
  /** Instances that hold from the start of the replay (`holds a10, a20`): roles and groups. */
  readonly holds?: readonly (readonly string[])[];
  /** Rules with conditions, roles, triggers on other facts, or timers. */
  readonly rules?: readonly FactRule[];
  readonly normative?: NormativeKind;
  readonly sources: readonly string[];
  readonly at: Location;
}

/** Whether a fact changes by rules, settled once per day, rather than by plain events. */
export function isRuled(fact: Fact): boolean {
  return (fact.rules !== undefined && fact.rules.length > 0) || fact.values !== undefined;
}
