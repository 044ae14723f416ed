import { dayText } from "./day-text.ts";
import type { DeadlineOutcome } from "./deadline-record.ts";
import type { Change, ChangeKind } from "./diff.ts";
import { plainReason } from "./lazy-reason.ts";
import type { Reason, ReasonKind } from "./reason.ts";
import type { Replay } from "./replay-result.ts";
import type { AnyState, Interval, Timeline } from "./timeline.ts";

export interface ReasonJson {
  readonly kind: ReasonKind;
  readonly summary: string;
  readonly event?: string;
  readonly limb?: string;
  readonly instrument?: string;
  readonly sources: readonly string[];
}

export interface IntervalJson {
  readonly state: AnyState;
  /** `YYYY-MM-DD` */
  readonly from: string;
  readonly until: string | null;
  readonly reason: ReasonJson;
}

export interface TimelineJson {
  readonly id: string;
  readonly intervals: readonly IntervalJson[];
}

export interface DeadlineJson {
  readonly provision: string;
  readonly due: string;
  readonly limb: string;
  readonly outcome: DeadlineOutcome;
}

/** A replay as plain JSON: ISO dates, timelines sorted by id. */
export interface ReplayJson {
  readonly reading: string | null;
  readonly instruments: readonly TimelineJson[];
  readonly provisions: readonly TimelineJson[];
  readonly facts: readonly TimelineJson[];
  readonly deadlines: readonly DeadlineJson[];
}

export interface ChangeJson {
  readonly id: string;
  readonly kind: ChangeKind;
  readonly from: string;
  readonly before: readonly IntervalJson[];
  readonly after: readonly IntervalJson[];
}

export function reasonToJson(reason: Reason): ReasonJson {
  // The replay's JSON leaves out the rule and the causes (explanations give them).
  const { rule: _rule, because: _because, ...plain } = plainReason(reason);
  return { ...plain, sources: [...reason.sources] };
}

export function intervalToJson(interval: Interval<AnyState>): IntervalJson {
  return {
    state: interval.state,
    from: dayText(interval.from),
    until: interval.until === null ? null : dayText(interval.until),
    reason: reasonToJson(interval.reason),
  };
}

function timelinesToJson(timelines: ReadonlyMap<string, Timeline<AnyState>>): TimelineJson[] {
  return [...timelines.keys()].sort().map((id) => ({
    id,
    intervals: timelines.get(id)!.intervals.map(intervalToJson),
  }));
}

/** A replay as plain JSON. */
export function replayToJson(replay: Replay): ReplayJson {
  return {
    reading: replay.reading,
    instruments: timelinesToJson(replay.instruments),
    provisions: timelinesToJson(replay.provisions),
    facts: timelinesToJson(replay.facts),
    deadlines: replay.deadlines.map((d) => ({
      provision: d.provision,
      due: dayText(d.due),
      limb: d.limb,
      outcome: d.outcome,
    })),
  };
}

/** The changes of a what-if as plain JSON, in their order. */
export function diffToJson(changes: readonly Change[]): readonly ChangeJson[] {
  return changes.map((change) => ({
    id: change.id,
    kind: change.kind,
    from: dayText(change.from),
    before: change.before.map(intervalToJson),
    after: change.after.map(intervalToJson),
  }));
}
