import type { Context } from "hono";
import type { ExplainStep, Explanation, Reason, Replay, StateEntry } from "../engine/index.ts";
import { stateAt } from "../engine/index.ts";
import { type Day, formatDay } from "../language/calendar/day.ts";

// The API's JSON forms of the engine's results: ISO days instead of day numbers.

/** A reason as JSON: what decided a state, its sources, and the states it rested on. */
export interface ReasonApi {
  readonly kind: string;
  readonly summary: string;
  readonly event?: string;
  readonly limb?: string;
  readonly instrument?: string;
  readonly rule?: string;
  readonly sources: readonly string[];
  readonly because?: readonly {
    readonly kind: string;
    readonly id: string;
    readonly day: string;
  }[];
}

export function reasonToApi(reason: Reason): ReasonApi {
  return {
    kind: reason.kind,
    summary: reason.summary,
    ...(reason.event === undefined ? {} : { event: reason.event }),
    ...(reason.limb === undefined ? {} : { limb: reason.limb }),
    ...(reason.instrument === undefined ? {} : { instrument: reason.instrument }),
    ...(reason.rule === undefined ? {} : { rule: reason.rule }),
    sources: [...reason.sources],
    ...(reason.because === undefined || reason.because.length === 0
      ? {}
      : {
          because: reason.because.map((c) => ({ kind: c.kind, id: c.id, day: formatDay(c.day) })),
        }),
  };
}

export interface StateEntryApi {
  readonly id: string;
  readonly state: string;
  readonly since: string;
  readonly reason: ReasonApi;
}

/** What stood on a day under a reading. */
export interface StateSnapshotApi {
  readonly reading: string;
  readonly at: string;
  readonly instruments: readonly StateEntryApi[];
  readonly provisions: readonly StateEntryApi[];
  readonly facts: readonly StateEntryApi[];
}

function entryToApi(entry: StateEntry<string>): StateEntryApi {
  return {
    id: entry.id,
    state: entry.state,
    since: formatDay(entry.since),
    reason: reasonToApi(entry.reason),
  };
}

export function stateAtToApi(replay: Replay, reading: string, day: Day): StateSnapshotApi {
  const snapshot = stateAt(replay, day);
  return {
    reading,
    at: formatDay(day),
    instruments: snapshot.instruments.map(entryToApi),
    provisions: snapshot.provisions.map(entryToApi),
    facts: snapshot.facts.map(entryToApi),
  };
}

export interface ExplainStepApi {
  readonly kind: string;
  readonly id: string;
  readonly state: string;
  readonly from: string | null;
  readonly until: string | null;
  readonly text: string;
  readonly reason: ReasonApi | null;
  readonly sources: readonly string[];
  readonly because: readonly ExplainStepApi[];
}

export interface ExplanationApi {
  readonly id: string;
  readonly kind: string;
  readonly reading: string;
  readonly at: string | null;
  readonly steps: readonly ExplainStepApi[];
}

function stepToApi(step: ExplainStep): ExplainStepApi {
  let reason: ReasonApi | null = null;
  if (step.reason !== null) {
    // The causes are the step's `because`, already followed; the reason need not repeat them.
    const { because: _followed, ...rest } = reasonToApi(step.reason);
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
    because: step.because.map(stepToApi),
  };
}

export function explanationToApi(explanation: Explanation, reading: string): ExplanationApi {
  return {
    id: explanation.id,
    kind: explanation.kind,
    reading,
    at: explanation.day === null ? null : formatDay(explanation.day),
    steps: explanation.steps.map(stepToApi),
  };
}

/**
 * A model object (instrument, event, source, …) as JSON: every historical date
 * (`{ first, last, precision, text }` with day numbers) gets ISO days for `first` and `last`.
 */
export function modelToApi(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(modelToApi);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const { first, last, precision, text } = record;
  if (
    typeof first === "number" &&
    typeof last === "number" &&
    typeof precision === "string" &&
    typeof text === "string"
  ) {
    return { first: formatDay(first), last: formatDay(last), precision, text };
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) out[key] = modelToApi(item);
  return out;
}

/** Answers JSON already encoded (kept per revision by the corpus cache). */
export function jsonBytes(c: Context, body: Uint8Array<ArrayBuffer>): Response {
  c.header("Content-Type", "application/json");
  return c.body(body, 200);
}
