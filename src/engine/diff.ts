import type { Day } from "../language/calendar/day.ts";
import type { Replay } from "./replay-result.ts";
import { type AnyState, type Interval, intervalAt, type Timeline } from "./timeline.ts";

export type ChangeKind = "instrument" | "provision" | "fact";

/** How one timeline differs between two replays. */
export interface Change {
  readonly id: string;
  readonly kind: ChangeKind;
  /** The first day on which the state or the reason's summary differ. */
  readonly from: Day;
  /** The intervals of the first replay from that day on (those that hold on or after it). */
  readonly before: readonly Interval<AnyState>[];
  readonly after: readonly Interval<AnyState>[];
}

type Intervals = readonly Interval<AnyState>[];

function sameAt(a: Intervals, b: Intervals, day: Day): boolean {
  const x = intervalAt(a, day);
  const y = intervalAt(b, day);
  if (x === undefined || y === undefined) return x === y;
  return x.state === y.state && x.reason.summary === y.reason.summary;
}

/** The first day on which two timelines differ, or null if they never do. */
function firstDifference(a: Intervals, b: Intervals): Day | null {
  const days = new Set<Day>();
  for (const list of [a, b])
    for (const interval of list) {
      days.add(interval.from);
      if (interval.until !== null) days.add(interval.until);
    }
  for (const day of [...days].sort((x, y) => x - y)) if (!sameAt(a, b, day)) return day;
  return null;
}

function fromDay(intervals: Intervals, day: Day): Intervals {
  return intervals.filter((interval) => interval.until === null || interval.until > day);
}

function compare(
  kind: ChangeKind,
  before: ReadonlyMap<string, Timeline<AnyState>>,
  after: ReadonlyMap<string, Timeline<AnyState>>,
  out: Change[],
): void {
  const ids = new Set([...before.keys(), ...after.keys()]);
  for (const id of ids) {
    const a = before.get(id)?.intervals ?? [];
    const b = after.get(id)?.intervals ?? [];
    const from = firstDifference(a, b);
    if (from !== null)
      out.push({ id, kind, from, before: fromDay(a, from), after: fromDay(b, from) });
  }
}

/**
 * Every instrument, provision and fact whose timeline differs between two replays (state or
 * reason summary on some day), sorted by the first differing day, then id.
 */
export function diffReplays(before: Replay, after: Replay): readonly Change[] {
  const out: Change[] = [];
  compare("instrument", before.instruments, after.instruments, out);
  compare("provision", before.provisions, after.provisions, out);
  compare("fact", before.facts, after.facts, out);
  return out.sort((x, y) => x.from - y.from || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
