import type { Duration } from "../calendar/duration.ts";
import type { HistDate } from "../calendar/hist-date.ts";
import type { Location } from "../diagnostics/location.ts";
import type { Anchor } from "./anchor.ts";
import type { EventPattern } from "./pattern.ts";

/**
 * A deadline or end. A date means its last day (`1952` is 1952-12-31). `earliest` is
 * "A but not later than B": the first limb to arrive governs, and replay says which.
 */
export type TimeExpression =
  | { readonly kind: "date"; readonly date: HistDate; readonly text: string; readonly at: Location }
  | {
      readonly kind: "after";
      readonly duration: Duration;
      readonly anchor: Anchor;
      readonly text: string;
      readonly at: Location;
    }
  | {
      readonly kind: "on";
      readonly pattern: EventPattern;
      readonly text: string;
      readonly at: Location;
    }
  | {
      readonly kind: "earliest";
      readonly limbs: readonly TimeExpression[];
      readonly text: string;
      readonly at: Location;
    }
  | {
      readonly kind: "latest";
      readonly limbs: readonly TimeExpression[];
      readonly text: string;
      readonly at: Location;
    };
