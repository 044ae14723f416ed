import type { Day } from "../language/calendar/day.ts";
import type { Reason } from "./reason.ts";

export type InstrumentState =
  | "signed"
  | "in-force"
  | "suspended"
  | "expired"
  | "terminated"
  | "superseded"
  | "void";

export type ProvisionState =
  | "pending"
  | "in-effect"
  | "suspended"
  | "fulfilled"
  | "violated"
  | "discharged"
  | "expired";

export type FactState = "holds";

/** Any state a timeline can hold. */
export type AnyState = InstrumentState | ProvisionState | FactState;

/** A state held on the days [from, until); `until` null means it still holds. */
export interface Interval<S> {
  readonly state: S;
  readonly from: Day;
  readonly until: Day | null;
  readonly reason: Reason;
}

/** The states of one instrument, provision or fact, in order, never overlapping. */
export interface Timeline<S> {
  readonly id: string;
  readonly intervals: readonly Interval<S>[];
}

/** Index of the interval holding on `day`, or -1 (binary search). */
export function intervalIndexAt<S>(intervals: readonly Interval<S>[], day: Day): number {
  let lo = 0;
  let hi = intervals.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (intervals[mid]!.from <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return -1;
  const until = intervals[found]!.until;
  return until === null || day < until ? found : -1;
}

/** The interval holding on `day`, if any. */
export function intervalAt<S>(
  intervals: readonly Interval<S>[],
  day: Day,
): Interval<S> | undefined {
  const i = intervalIndexAt(intervals, day);
  return i < 0 ? undefined : intervals[i];
}
