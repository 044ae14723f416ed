import type { Duration } from "../calendar/duration.ts";
import type { Location } from "../diagnostics/location.ts";
import type { Condition } from "./condition.ts";
import type { EventPattern, PatternTerm } from "./pattern.ts";

/**
 * What sets a fact rule off: an event matching a pattern, a fact instance starting or ending
 * (`start of status(?m) = voted`), or the time a value has held (`10 days after proposed`).
 */
export type FactTrigger =
  | { readonly kind: "event"; readonly pattern: EventPattern }
  | {
      readonly kind: "change";
      readonly edge: "start" | "end";
      readonly fact: string;
      readonly args: readonly PatternTerm[];
      /** For a fact with values: the value that starts or ends (any when absent). */
      readonly value?: string;
      readonly at: Location;
    }
  | {
      readonly kind: "timer";
      readonly after: Duration;
      /** The value whose holding is timed (the fact itself for a fact without values). */
      readonly from?: string;
    };

/**
 * One way a fact changes: `starts TRIGGER`, `ends TRIGGER` or `becomes VALUE on TRIGGER`, with
 * `where ROLE(?x) and …` (tests, or ranges over, the instances of other facts), `when CONDITION`
 * (holds as the day began) and `unless PATTERN` (no such event on the same day).
 */
export interface FactRule {
  readonly effect: "start" | "end";
  /** The value a `becomes` rule gives a fact with values. */
  readonly value?: string;
  readonly trigger: FactTrigger;
  readonly where: readonly Extract<Condition, { kind: "fact" }>[];
  readonly when?: Condition;
  readonly unless: readonly EventPattern[];
  /** The rule as written, for explanations. */
  readonly text: string;
  readonly at: Location;
}

/** What a fact is, when it is a normative position rather than a state of affairs. */
export type NormativeKind = "power" | "permission" | "obligation" | "prohibition" | "sanction";

export const normativeKinds: readonly NormativeKind[] = [
  "power",
  "permission",
  "obligation",
  "prohibition",
  "sanction",
];
