import type { Day } from "../language/calendar/day.ts";
import type { DeadlineRecord } from "./deadline-record.ts";
import type { Reason } from "./reason.ts";
import type { Replay } from "./replay-result.ts";
import {
  type InstrumentState,
  type Interval,
  intervalAt,
  type ProvisionState,
  type Timeline,
} from "./timeline.ts";

/** The state of one instrument, provision or fact on a day, with why. */
export interface StateEntry<S> {
  readonly id: string;
  readonly state: S;
  readonly since: Day;
  readonly reason: Reason;
}

/** What stood on a day: everything that had a state then, sorted by id. */
export interface StateSnapshot {
  readonly day: Day;
  readonly instruments: readonly StateEntry<InstrumentState>[];
  readonly provisions: readonly StateEntry<ProvisionState>[];
  /** The facts holding that day. */
  readonly facts: readonly StateEntry<"holds">[];
}

function entries<S>(timelines: ReadonlyMap<string, Timeline<S>>, day: Day): StateEntry<S>[] {
  const out: StateEntry<S>[] = [];
  for (const id of [...timelines.keys()].sort()) {
    const interval = intervalAt(timelines.get(id)!.intervals, day);
    if (interval !== undefined)
      out.push({ id, state: interval.state, since: interval.from, reason: interval.reason });
  }
  return out;
}

/** Every instrument, provision and fact that has a state on `day`. */
export function stateAt(replay: Replay, day: Day): StateSnapshot {
  return {
    day,
    instruments: entries(replay.instruments, day),
    provisions: entries(replay.provisions, day),
    facts: entries(replay.facts, day),
  };
}

/** The deadline records falling due in [from, to] (both inclusive), by due day then provision. */
export function dueBetween(replay: Replay, from: Day, to: Day): readonly DeadlineRecord[] {
  return replay.deadlines.filter((record) => record.due >= from && record.due <= to);
}

/** A provision that was violated, with the interval of its violation. */
export interface Violation {
  readonly id: string;
  readonly interval: Interval<ProvisionState>;
}

/** Every violated provision, by the day of violation then id. */
export function violations(replay: Replay): readonly Violation[] {
  const out: Violation[] = [];
  for (const [id, timeline] of replay.provisions)
    for (const interval of timeline.intervals)
      if (interval.state === "violated") out.push({ id, interval });
  return out.sort(
    (a, b) => a.interval.from - b.interval.from || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
