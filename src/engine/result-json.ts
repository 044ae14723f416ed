import { type Day, formatDay } from "../language/calendar/day.ts";
import type { ExplainStep, Explanation } from "./explain.ts";
import { type PlainReason, plainReason } from "./lazy-reason.ts";
import { type StateEntry, stateAt } from "./queries.ts";
import type { Reason } from "./reason.ts";
import type { Replay } from "./replay-result.ts";

// The detailed JSON forms of what stood on a day and of explanations, with ISO days: what the CLI
// prints with --json and the HTTP API answers. Unlike `reasonToJson` (in a replay's timelines),
// a detailed reason keeps its rule and the causes it rested on.

/** A reason as JSON: what decided a state, its sources, and the states it rested on. */
export interface ReasonDetailJson extends Omit<PlainReason, "because"> {
  readonly because?: readonly {
    readonly kind: string;
    readonly id: string;
    readonly day: string;
  }[];
}

export function reasonDetailToJson(reason: Reason): ReasonDetailJson {
  const { because, ...plain } = plainReason(reason);
  return {
    ...plain,
    sources: [...reason.sources],
    ...(because === undefined || because.length === 0
      ? {}
      : { because: because.map((c) => ({ kind: c.kind, id: c.id, day: formatDay(c.day) })) }),
  };
}

export interface StateEntryJson {
  readonly id: string;
  readonly state: string;
  readonly since: string;
  readonly reason: ReasonDetailJson;
}

/** What stood on a day under a reading. */
export interface StateSnapshotJson {
  readonly reading: string | null;
  readonly at: string;
  readonly instruments: readonly StateEntryJson[];
  readonly provisions: readonly StateEntryJson[];
  readonly facts: readonly StateEntryJson[];
}

function entryToJson(entry: StateEntry<string>): StateEntryJson {
  return {
    id: entry.id,
    state: entry.state,
    since: formatDay(entry.since),
    reason: reasonDetailToJson(entry.reason),
  };
}

export function stateAtToJson(replay: Replay, reading: string | null, day: Day): StateSnapshotJson {
  const snapshot = stateAt(replay, day);
  return {
    reading,
    at: formatDay(day),
    instruments: snapshot.instruments.map(entryToJson),
    provisions: snapshot.provisions.map(entryToJson),
    facts: snapshot.facts.map(entryToJson),
  };
}

export interface ExplainStepJson {
  readonly kind: string;
  readonly id: string;
  readonly state: string;
  readonly from: string | null;
  readonly until: string | null;
  readonly text: string;
  readonly reason: ReasonDetailJson | null;
  readonly sources: readonly string[];
  readonly because: readonly ExplainStepJson[];
}

export interface ExplanationJson {
  readonly id: string;
  readonly kind: string;
  readonly reading: string | null;
  readonly at: string | null;
  readonly steps: readonly ExplainStepJson[];
}

function stepToJson(step: ExplainStep): ExplainStepJson {
  let reason: ReasonDetailJson | null = null;
  if (step.reason !== null) {
    // The causes are the step's `because`, already followed; the reason need not repeat them.
    const { because: _followed, ...rest } = reasonDetailToJson(step.reason);
    reason = rest;
  }
  return {
    kind: step.kind,
    id: step.id,
    state: step.state,
    from: step.from === null ? null : formatDay(step.from),
    until: step.until === null ? null : formatDay(step.until),
    text: step.text,
    reason,
    sources: [...step.sources],
    because: step.because.map(stepToJson),
  };
}

export function explanationToJson(
  explanation: Explanation,
  reading: string | null,
): ExplanationJson {
  return {
    id: explanation.id,
    kind: explanation.kind,
    reading,
    at: explanation.day === null ? null : formatDay(explanation.day),
    steps: explanation.steps.map(stepToJson),
  };
}
