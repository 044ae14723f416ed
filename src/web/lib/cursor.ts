// The date cursor: moving it by keys, and what stood and fell due on its day.
import { dueBetween, type Replay, stateAt } from "../../engine/index.ts";
import { addMonths, addYears, type Model } from "../../language/index.ts";

/** The day a key moves the cursor to, or undefined for a key that does not move it. */
export function stepCursor(
  day: number,
  key: string,
  shift: boolean,
  extent: { readonly first: number; readonly last: number } | undefined,
): number | undefined {
  switch (key) {
    case "ArrowLeft":
    case "ArrowDown":
      return shift ? addMonths(day, -1) : day - 1;
    case "ArrowRight":
    case "ArrowUp":
      return shift ? addMonths(day, 1) : day + 1;
    case "PageDown":
      return addYears(day, -1);
    case "PageUp":
      return addYears(day, 1);
    case "Home":
      return extent?.first;
    case "End":
      return extent?.last;
    default:
      return undefined;
  }
}

export interface StandingEntry {
  readonly id: string;
  readonly title: string;
  readonly state: string;
  readonly since: number;
  readonly summary: string;
  /** For provisions: their instrument. */
  readonly instrument?: string;
}

export interface DueEntry {
  readonly provision: string;
  readonly instrument: string;
  readonly title: string;
  readonly due: number;
  readonly limb: string;
  readonly outcome: string;
}

export interface CursorSummary {
  readonly day: number;
  /** Instruments with a state that day, those in force first. */
  readonly instruments: readonly StandingEntry[];
  /** Duties, prohibitions, permissions and powers in effect that day. */
  readonly provisions: readonly StandingEntry[];
  /** Deadlines falling due that day. */
  readonly dueToday: readonly DueEntry[];
  /** The next deadline of each provision in effect that day, soonest first. */
  readonly dueNext: readonly DueEntry[];
  /** Facts (each value of a fact with values) that held that day, by key. */
  readonly facts: readonly StandingEntry[];
}

const stateOrder = ["in-force", "suspended", "signed"];

function rank(state: string): number {
  const i = stateOrder.indexOf(state);
  return i < 0 ? stateOrder.length : i;
}

export function summarizeDay(model: Model, replay: Replay, day: number, limit = 8): CursorSummary {
  const snapshot = stateAt(replay, day);
  const instruments = snapshot.instruments
    .map((e) => ({
      id: e.id,
      title: model.instruments.get(e.id)?.title ?? e.id,
      state: e.state as string,
      since: e.since,
      summary: e.reason.summary,
    }))
    .sort((a, b) => rank(a.state) - rank(b.state) || a.since - b.since);
  const provisions = snapshot.provisions
    .filter((e) => e.state === "in-effect" || e.state === "suspended")
    .map((e) => {
      const p = model.provisions.get(e.id);
      return {
        id: e.id,
        title: p?.title ?? e.id,
        state: e.state as string,
        since: e.since,
        summary: e.reason.summary,
        instrument: p?.instrument ?? e.id.split(".")[0] ?? e.id,
      };
    });
  const due = (record: {
    provision: string;
    due: number;
    limb: string;
    outcome: string;
  }): DueEntry => {
    const p = model.provisions.get(record.provision);
    return {
      provision: record.provision,
      instrument: p?.instrument ?? record.provision.split(".")[0] ?? record.provision,
      title: p?.title ?? record.provision,
      due: record.due,
      limb: record.limb,
      outcome: record.outcome,
    };
  };
  const dueToday = dueBetween(replay, day, day).map(due);
  const active = new Set(provisions.map((p) => p.id));
  const seen = new Set<string>();
  const dueNext: DueEntry[] = [];
  for (const record of replay.deadlines) {
    if (record.due <= day || !active.has(record.provision) || seen.has(record.provision)) continue;
    seen.add(record.provision);
    dueNext.push(due(record));
    if (dueNext.length >= limit) break;
  }
  // stateAt gives the facts holding that day, sorted by key.
  const facts = snapshot.facts.map(
    (e): StandingEntry => ({
      id: e.id,
      title: e.id,
      state: e.state,
      since: e.since,
      summary: e.reason.summary,
    }),
  );
  return { day, instruments, provisions, dueToday, dueNext, facts };
}
