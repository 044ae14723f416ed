/**
 * What the Symboleo benchmark shares between Symboleo's sample contracts: a scenario (contract
 * instances and dated events, the same for both sides), the loop that drives symboleo-js-core
 * through it, the transitions each side produces, and their comparison through a mapping of
 * Symboleo's state names to Pacta's.
 *
 * Time. symboleo-js-core stamps events with the wall clock unless told otherwise, and leaves
 * deadlines to whoever calls `violated()` (the generated contracts expose a `violateObligation_…`
 * transaction for an outside timer). Here every contract event is stamped with midnight (UTC) of
 * its day, and the driver is that timer: at the start of each day it calls `violated()` on every
 * obligation in effect whose deadline has passed, and after each event on the obligations of that
 * contract that are in effect past their deadline (a resumed one). A deadline is met by an event on
 * its day, as in Pacta, whose duties are violated the day after their deadline (docs/semantics.md
 * §1, §5.3).
 */
import type * as SymboleoCore from "symboleo-js-core";
import type { Replay } from "../src/engine/index.ts";
import type { Day } from "../src/language/index.ts";

export type Core = typeof SymboleoCore;

/** One event of a scenario: what happens to which contract instance on which day. */
export interface SampleEvent<A extends string = string> {
  readonly day: Day;
  /** Index of the contract instance in the scenario. */
  readonly contract: number;
  readonly action: A;
}

export interface Scenario<T, A extends string = string> {
  readonly name: string;
  readonly description: string;
  readonly contracts: readonly T[];
  /** In the order they happen (by day; same-day events in list order). */
  readonly events: readonly SampleEvent<A>[];
}

/** A subject both sides speak of: the contract (instrument) or one of its obligations and powers. */
export interface Subject {
  /** Pacta's id: the instrument's, or the provision's qualified id. */
  readonly id: string;
  readonly kind: "contract" | "obligation" | "power";
}

/** One change of state: on `day`, `subject` entered `state` (the last state of that day). */
export interface Transition {
  readonly subject: string;
  readonly state: string;
  readonly day: Day;
}

/** Something symboleo-js-core did or refused that Pacta does otherwise, kept to explain mismatches. */
export interface Note {
  readonly contract: number;
  readonly day: Day;
  readonly text: string;
}

/** One contract instance driven through symboleo-js-core. */
export interface SymboleoRun<A extends string> {
  /** The day the contract comes into effect. */
  readonly startDay: Day;
  /** Activates the contract and its initial obligations and powers. */
  start(day: Day): void;
  /** Applies one event of the scenario. */
  apply(action: A, day: Day): void;
  /** The timer: violates the obligations in effect whose deadline is before `day`. */
  timer(day: Day): void;
  /** Symboleo's state of each subject, by Pacta id (`Absent` for a position not created yet). */
  states(): ReadonlyMap<string, string>;
}

export interface RunContext {
  readonly core: Core;
  /** Asks the driver to call `timer` on the given day (a deadline's next day). */
  readonly schedule: (day: Day) => void;
  /** Records something Symboleo did or refused that explains a later difference. */
  readonly note: (day: Day, text: string) => void;
}

/** A Symboleo sample contract, ported to both sides. */
export interface SymboleoSample<T, A extends string> {
  readonly name: string;
  readonly title: string;
  /** The Pacta subjects of a contract instance (the instrument first). */
  subjects(terms: T, index: number): readonly Subject[];
  /** The Pacta documents (file name → text) of a scenario. */
  pactaDocuments(scenario: Scenario<T, A>): readonly { file: string; text: string }[];
  /** The contract instance, set up on symboleo-js-core. */
  createRun(terms: T, index: number, context: RunContext): SymboleoRun<A>;
  /** Hand-written scenarios: on time, late, suspended/resumed, terminated… */
  scenarios(): readonly Scenario<T, A>[];
  /** A large generated scenario with about `events` events. */
  generate(events: number, seed: number): Scenario<T, A>;
  /** A sample's own explanation of a mismatch, when it knows one. */
  explain?(
    mismatch: Mismatch,
    symboleo: readonly Transition[],
    pacta: readonly Transition[],
  ): string | undefined;
}

// ------------------------------------------------------------------ state names

/** Symboleo's state of a contract or legal position, as one name: `Active.InEffect`, `Violation`… */
export function symboleoStateName(state: string, activeState: string): string {
  return state === "Active" ? `Active.${activeState}` : state;
}

/** A Pacta state, or none with the reason Pacta has none. */
export type Mapped = { readonly pacta: string } | { readonly none: string };

const positionStates: Readonly<Record<string, Mapped>> = {
  Absent: { pacta: "pending" },
  Start: { pacta: "pending" },
  Create: { pacta: "pending" },
  "Active.InEffect": { pacta: "in-effect" },
  "Active.Suspension": { pacta: "suspended" },
};

/** Symboleo's state names, per kind of subject, and the Pacta state each corresponds to. */
export const stateMapping: Readonly<Record<Subject["kind"], Readonly<Record<string, Mapped>>>> = {
  contract: {
    Form: { pacta: "signed" },
    "Active.InEffect": { pacta: "in-force" },
    "Active.Suspension": { pacta: "suspended" },
    SuccessfulTermination: {
      none: "Pacta's instruments do not end when their duties are performed: no state for a contract ended by fulfilment (Symboleo's SuccessfulTermination); the instrument stays in force",
    },
    UnsuccessfulTermination: { pacta: "terminated" },
    "Active.Rescission": { none: "Pacta has no rescission" },
    "Active.Unassign": { none: "Pacta has no unassignment of parties" },
  },
  obligation: {
    ...positionStates,
    Fulfillment: { pacta: "fulfilled" },
    Violation: { pacta: "violated" },
    Discharge: { pacta: "discharged" },
    UnsuccessfulTermination: { pacta: "discharged" },
  },
  power: {
    ...positionStates,
    SuccessfulTermination: { pacta: "fulfilled" },
    UnsuccessfulTermination: { pacta: "discharged" },
  },
};

export function mapState(kind: Subject["kind"], symboleoState: string): Mapped {
  return stateMapping[kind][symboleoState] ?? { none: `no mapping for ${symboleoState}` };
}

// ------------------------------------------------------------------ driving symboleo-js-core

export interface SymboleoTrace {
  /** By subject, Symboleo's transitions with Symboleo's state names. */
  readonly transitions: readonly Transition[];
  readonly notes: readonly Note[];
  /** Contract events applied (the scenario's events). */
  readonly events: number;
}

/**
 * Drives every contract instance of the scenario through symboleo-js-core, day by day: timers
 * first (Pacta's "passed" phase), then contracts coming into effect, then the day's events in
 * order. With `record`, the states of every subject are read after each step and their changes
 * kept (the last state of each day); without, only the engine runs (for timing).
 */
export function driveSymboleo<T, A extends string>(
  core: Core,
  sample: SymboleoSample<T, A>,
  scenario: Scenario<T, A>,
  record: boolean,
): SymboleoTrace {
  const notes: Note[] = [];
  const timers = new Map<Day, Set<number>>();
  const days = new DayQueue();
  let currentIndex = 0;
  let currentDay = Number.NEGATIVE_INFINITY;
  const runs: SymboleoRun<A>[] = scenario.contracts.map((terms, index) =>
    sample.createRun(terms, index, {
      core,
      schedule: (day) => {
        // A day already reached is covered by the run's own check after each event.
        if (day <= currentDay) return;
        const set = timers.get(day);
        if (set === undefined) {
          timers.set(day, new Set([currentIndex]));
          days.push(day);
        } else set.add(currentIndex);
      },
      note: (day, text) => {
        if (record) notes.push({ contract: index, day, text });
      },
    }),
  );
  const last: Map<string, string>[] = runs.map(() => new Map());
  const byDay = new Map<string, Transition>();
  const observe = (index: number, day: Day): void => {
    if (!record) return;
    const seen = last[index]!;
    for (const [subject, state] of runs[index]!.states()) {
      if (seen.get(subject) === state) continue;
      seen.set(subject, state);
      byDay.set(`${subject}\u0000${day}`, { subject, state, day });
    }
  };
  const starts = new Map<Day, number[]>();
  runs.forEach((run, index) => {
    const list = starts.get(run.startDay);
    if (list === undefined) starts.set(run.startDay, [index]);
    else list.push(index);
  });
  const eventsByDay = new Map<Day, SampleEvent<A>[]>();
  for (const event of scenario.events) {
    const list = eventsByDay.get(event.day);
    if (list === undefined) eventsByDay.set(event.day, [event]);
    else list.push(event);
  }
  // The days to visit, in order: contract starts and events are known, timers come as they are set.
  for (const day of [...starts.keys(), ...eventsByDay.keys()]) days.push(day);
  while (days.size > 0) {
    const day = days.pop();
    currentDay = day;
    const due = timers.get(day);
    if (due !== undefined) {
      timers.delete(day);
      for (const index of [...due].sort((a, b) => a - b)) {
        currentIndex = index;
        runs[index]!.timer(day);
        observe(index, day);
      }
    }
    for (const index of starts.get(day) ?? []) {
      currentIndex = index;
      runs[index]!.start(day);
      observe(index, day);
    }
    for (const event of eventsByDay.get(day) ?? []) {
      currentIndex = event.contract;
      runs[event.contract]!.apply(event.action, day);
      observe(event.contract, day);
    }
  }
  return { transitions: collapse([...byDay.values()]), notes, events: scenario.events.length };
}

/** The days still to visit: a binary min-heap without repeats. */
class DayQueue {
  private readonly heap: Day[] = [];
  private readonly members = new Set<Day>();

  get size(): number {
    return this.heap.length;
  }

  push(day: Day): void {
    if (this.members.has(day)) return;
    this.members.add(day);
    const heap = this.heap;
    let i = heap.push(day) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]! <= day) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = day;
  }

  /** The earliest day (the queue must not be empty). */
  pop(): Day {
    const heap = this.heap;
    const top = heap[0]!;
    this.members.delete(top);
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= heap.length) break;
        const r = l + 1;
        const c = r < heap.length && heap[r]! < heap[l]! ? r : l;
        if (heap[c]! >= last) break;
        heap[i] = heap[c]!;
        i = c;
      }
      heap[i] = last;
    }
    return top;
  }
}

/** Drops a day's change that returns a subject to the state it had before that day. */
function collapse(transitions: readonly Transition[]): Transition[] {
  const sorted = [...transitions].sort((a, b) =>
    a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.day - b.day,
  );
  const out: Transition[] = [];
  for (const t of sorted) {
    const previous = out.at(-1);
    if (previous !== undefined && previous.subject === t.subject && previous.state === t.state)
      continue;
    out.push(t);
  }
  return out;
}

// ------------------------------------------------------------------ Pacta's side

/** Pacta's transitions of the given subjects: each interval's state and first day. */
export function pactaTransitions(result: Replay, subjects: readonly Subject[]): Transition[] {
  const out: Transition[] = [];
  for (const subject of subjects) {
    const timeline =
      subject.kind === "contract"
        ? result.instruments.get(subject.id)
        : result.provisions.get(subject.id);
    for (const interval of timeline?.intervals ?? [])
      out.push({ subject: subject.id, state: interval.state, day: interval.from });
  }
  return collapse(out);
}

// ------------------------------------------------------------------ comparison

export interface Mismatch {
  /** Which side has the transition the other lacks. */
  readonly side: "symboleo" | "pacta";
  readonly subject: string;
  /** Pacta's state name (for Symboleo's side, mapped), or Symboleo's when it has no counterpart. */
  readonly state: string;
  readonly day: Day;
  /** Symboleo's own state name, on Symboleo's side. */
  readonly symboleoState?: string;
  readonly reason: string;
}

export interface Comparison {
  readonly symboleoTransitions: number;
  readonly pactaTransitions: number;
  readonly matches: number;
  readonly mismatches: readonly Mismatch[];
}

const key = (t: Transition): string => `${t.subject}\u0000${t.state}\u0000${t.day}`;

/**
 * Compares the transitions one by one: a transition matches when the other side has the same
 * subject entering the same (mapped) state on the same day. Every other transition is a mismatch,
 * explained: by the state mapping (no Pacta counterpart), by the sample, by a note Symboleo's run
 * left for that contract on or before that day, or as the same state on another day.
 */
export function compareTransitions<T, A extends string>(
  sample: SymboleoSample<T, A>,
  scenario: Scenario<T, A>,
  trace: SymboleoTrace,
  pacta: readonly Transition[],
): Comparison {
  const kinds = new Map<string, Subject["kind"]>();
  const contractOf = new Map<string, number>();
  scenario.contracts.forEach((terms, index) => {
    for (const s of sample.subjects(terms, index)) {
      kinds.set(s.id, s.kind);
      contractOf.set(s.id, index);
    }
  });
  const mapped: { t: Transition; symboleoState: string; none?: string }[] = [];
  for (const t of trace.transitions) {
    const m = mapState(kinds.get(t.subject) ?? "obligation", t.state);
    const entry =
      "pacta" in m
        ? { t: { ...t, state: m.pacta }, symboleoState: t.state }
        : { t, symboleoState: t.state, none: m.none };
    // Two Symboleo states with one Pacta counterpart in a row (Absent, then Create) are one.
    const previous = mapped.at(-1);
    if (
      previous !== undefined &&
      previous.t.subject === t.subject &&
      previous.t.state === entry.t.state
    )
      continue;
    mapped.push(entry);
  }
  const pactaKeys = new Map<string, number>();
  for (const t of pacta) pactaKeys.set(key(t), (pactaKeys.get(key(t)) ?? 0) + 1);
  const symboleoKeys = new Map<string, number>();
  for (const m of mapped)
    if (m.none === undefined) symboleoKeys.set(key(m.t), (symboleoKeys.get(key(m.t)) ?? 0) + 1);
  const symboleoMapped = mapped.filter((m) => m.none === undefined).map((m) => m.t);
  const notesByContract = new Map<number, Note[]>();
  for (const n of trace.notes) {
    const list = notesByContract.get(n.contract);
    if (list === undefined) notesByContract.set(n.contract, [n]);
    else list.push(n);
  }
  const earlier = new Map<string, { readonly reason: string; readonly day: Day }>();
  const reasonFor = (m: Omit<Mismatch, "reason">): string => {
    const own = sample.explain?.(
      { ...m, reason: "" },
      symboleoMapped.filter((t) => t.subject === m.subject),
      pacta.filter((t) => t.subject === m.subject),
    );
    if (own !== undefined) return own;
    const generic = knownDifference(
      m,
      symboleoMapped.filter((t) => t.subject === m.subject),
      pacta.filter((t) => t.subject === m.subject),
      kinds.get(m.subject),
    );
    if (generic !== undefined) return generic;
    const notes = notesByContract.get(contractOf.get(m.subject) ?? -1) ?? [];
    const note = notes.filter((n) => n.day <= m.day).at(-1);
    if (note !== undefined) return note.text;
    const before = earlier.get(m.subject);
    if (before !== undefined)
      return before.day === m.day
        ? before.reason
        : `follows from an earlier difference on this subject: ${before.reason}`;
    const other = (m.side === "symboleo" ? pacta : symboleoMapped).find(
      (t) => t.subject === m.subject && t.state === m.state,
    );
    if (other !== undefined) return `same state on another day (${other.day - m.day} days later)`;
    return "unexplained";
  };
  const found: (Omit<Mismatch, "reason"> & { readonly reason?: string })[] = [];
  let matches = 0;
  for (const m of mapped) {
    if (m.none !== undefined) {
      found.push({
        side: "symboleo",
        subject: m.t.subject,
        state: m.symboleoState,
        day: m.t.day,
        symboleoState: m.symboleoState,
        reason: m.none,
      });
      continue;
    }
    const k = key(m.t);
    const left = pactaKeys.get(k) ?? 0;
    if (left > 0) {
      pactaKeys.set(k, left - 1);
      matches++;
      continue;
    }
    found.push({
      side: "symboleo",
      subject: m.t.subject,
      state: m.t.state,
      day: m.t.day,
      symboleoState: m.symboleoState,
    });
  }
  for (const t of pacta) {
    const k = key(t);
    const left = symboleoKeys.get(k) ?? 0;
    if (left > 0) {
      symboleoKeys.set(k, left - 1);
      continue;
    }
    found.push({ side: "pacta", subject: t.subject, state: t.state, day: t.day });
  }
  found.sort(
    (a, b) => a.day - b.day || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0),
  );
  const mismatches: Mismatch[] = found.map((m) => {
    const reason = m.reason ?? reasonFor(m);
    if (!earlier.has(m.subject)) earlier.set(m.subject, { reason, day: m.day });
    return { ...m, reason };
  });
  return {
    symboleoTransitions: trace.transitions.length,
    pactaTransitions: pacta.length,
    matches,
    mismatches,
  };
}

export const neverCreated =
  "Symboleo never created this position, so the termination leaves it absent; Pacta discharges the pending provision with its instrument";
export const terminatedBeforeFulfilment =
  "Pacta applies the termination before fulfilments: the power whose exercise terminates the instrument is discharged with it, not fulfilled";

/** The differences every sample shows, recognised by what each side has on the mismatch's day. */
function knownDifference(
  m: Omit<Mismatch, "reason">,
  symboleo: readonly Transition[],
  pacta: readonly Transition[],
  kind: Subject["kind"] | undefined,
): string | undefined {
  const on = (list: readonly Transition[], state: string): boolean =>
    list.some((t) => t.day === m.day && t.state === state);
  const lastBefore = (list: readonly Transition[]): string | undefined =>
    list.filter((t) => t.day <= m.day && !(t.day === m.day && t.state === m.state)).at(-1)?.state;
  if (
    kind === "power" &&
    ((m.side === "symboleo" && m.state === "fulfilled" && on(pacta, "discharged")) ||
      (m.side === "pacta" && m.state === "discharged" && on(symboleo, "fulfilled")))
  )
    return terminatedBeforeFulfilment;
  if (
    m.side === "pacta" &&
    m.state === "discharged" &&
    (lastBefore(symboleo) ?? "pending") === "pending"
  )
    return neverCreated;
  if (m.side === "symboleo" && m.state === "pending" && on(pacta, "discharged"))
    return neverCreated;
  return undefined;
}

/** Mismatches counted by reason, most frequent first. */
export function reasonsTally(mismatches: readonly Mismatch[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const m of mismatches) counts.set(m.reason, (counts.get(m.reason) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
