import type { Day } from "../language/calendar/day.ts";
import type { Model } from "../language/model/model.ts";
import { assertNever } from "./assert-never.ts";
import { dayText } from "./day-text.ts";
import type { Cause, Reason } from "./reason.ts";
import type { Replay } from "./replay-result.ts";
import { type AnyState, type Interval, intervalIndexAt } from "./timeline.ts";

export type SubjectKind = "instrument" | "provision" | "fact";

/** One link of an explanation: a state held for a time, why, and what that rested on. */
export interface ExplainStep {
  readonly kind: SubjectKind;
  readonly id: string;
  /** The state, or "absent" for a fact a condition named that did not hold. */
  readonly state: AnyState | "absent";
  readonly from: Day | null;
  readonly until: Day | null;
  /** A readable line: `cca-1950.port-arthur-withdrawal fulfilled from 1955-05-26: Fulfilled by …`. */
  readonly text: string;
  readonly reason: Reason | null;
  readonly sources: readonly string[];
  /** The states this one rests on, then (when following a history) the state before it. */
  readonly because: readonly ExplainStep[];
}

/** Why an instrument, provision or fact stood as it did: on one day, or over its whole history. */
export interface Explanation {
  readonly id: string;
  readonly kind: SubjectKind;
  readonly day: Day | null;
  readonly steps: readonly ExplainStep[];
}

/** How deep causes are followed (histories are followed to their start). */
const MAX_CAUSE_DEPTH = 8;

type Intervals = readonly Interval<AnyState>[];

function timelineOf(replay: Replay, kind: SubjectKind, id: string): Intervals | undefined {
  switch (kind) {
    case "instrument":
      return replay.instruments.get(id)?.intervals;
    case "provision":
      return replay.provisions.get(id)?.intervals;
    case "fact":
      return replay.facts.get(id)?.intervals;
    default:
      return assertNever(kind);
  }
}

function resolveSubject(
  replay: Replay,
  model: Model,
  id: string,
): { kind: SubjectKind; id: string } | undefined {
  if (replay.instruments.has(id)) return { kind: "instrument", id };
  if (replay.provisions.has(id)) return { kind: "provision", id };
  if (replay.facts.has(id)) return { kind: "fact", id };
  const matches = [...model.provisions.values()].filter((p) => p.localId === id);
  if (matches.length === 1 && replay.provisions.has(matches[0]!.id))
    return { kind: "provision", id: matches[0]!.id };
  return undefined;
}

function describe(kind: SubjectKind, id: string, interval: Interval<AnyState>): string {
  const until = interval.until === null ? "" : ` until ${dayText(interval.until)}`;
  const state = kind === "fact" ? "held" : interval.state;
  return `${id} ${state} from ${dayText(interval.from)}${until}: ${interval.reason.summary}`;
}

function step(
  replay: Replay,
  kind: SubjectKind,
  id: string,
  intervals: Intervals,
  index: number,
  withHistory: boolean,
  depth: number,
): ExplainStep {
  const interval = intervals[index]!;
  const because: ExplainStep[] = [];
  if (depth < MAX_CAUSE_DEPTH)
    for (const cause of interval.reason.because ?? [])
      because.push(causeStep(replay, cause, depth + 1));
  if (withHistory && index > 0)
    because.push(step(replay, kind, id, intervals, index - 1, true, depth));
  return {
    kind,
    id,
    state: interval.state,
    from: interval.from,
    until: interval.until,
    text: describe(kind, id, interval),
    reason: interval.reason,
    sources: interval.reason.sources,
    because,
  };
}

function causeStep(replay: Replay, cause: Cause, depth: number): ExplainStep {
  const intervals = timelineOf(replay, cause.kind, cause.id) ?? [];
  const index = intervalIndexAt(intervals, cause.day);
  if (index >= 0) return step(replay, cause.kind, cause.id, intervals, index, false, depth);
  const verb = cause.kind === "fact" ? "did not hold" : "had no state";
  return {
    kind: cause.kind,
    id: cause.id,
    state: "absent",
    from: null,
    until: null,
    text: `${cause.id} ${verb} on ${dayText(cause.day)}`,
    reason: null,
    sources: [],
    because: [],
  };
}

/**
 * Why an instrument, provision (qualified id, or its local id when unique) or fact stood as it
 * did. With a day: the state that day, the states it rested on (the instrument's entry into
 * force, the amending instrument, the provision whose fulfilment or violation started it, the
 * facts of its condition), recursively, and the provision's own earlier states back to its
 * start. Without: every interval with what it rested on. Undefined for an unknown or ambiguous id.
 */
export function explain(
  replay: Replay,
  model: Model,
  id: string,
  day?: Day,
): Explanation | undefined {
  const subject = resolveSubject(replay, model, id);
  if (subject === undefined) return undefined;
  const intervals = timelineOf(replay, subject.kind, subject.id) ?? [];
  let steps: ExplainStep[];
  if (day === undefined)
    steps = intervals.map((_, i) => step(replay, subject.kind, subject.id, intervals, i, false, 0));
  else {
    const index = intervalIndexAt(intervals, day);
    steps = index < 0 ? [] : [step(replay, subject.kind, subject.id, intervals, index, true, 0)];
  }
  return { id: subject.id, kind: subject.kind, day: day ?? null, steps };
}

/** An explanation as indented lines, each step with its sources in brackets. */
export function explanationToText(explanation: Explanation): string {
  const lines: string[] = [];
  const visit = (steps: readonly ExplainStep[], depth: number): void => {
    for (const s of steps) {
      const sources = s.sources.length > 0 ? ` [${s.sources.join(", ")}]` : "";
      lines.push(`${"  ".repeat(depth)}${s.text}${sources}`);
      visit(s.because, depth + 1);
    }
  };
  visit(explanation.steps, 0);
  return lines.join("\n");
}
