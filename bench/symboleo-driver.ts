/**
 * The loop that drives symboleo-js-core through a scenario, and the transitions it records.
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
import type { Day } from "../src/language/index.ts";
import type {
  Core,
  Note,
  SampleEvent,
  Scenario,
  SymboleoRun,
  SymboleoSample,
  Transition,
} from "./symboleo-sample.ts";
import { collapse } from "./symboleo-transitions.ts";

/** Midnight (UTC) of a day, as the driver stamps symboleo-js-core's events. */
export function isoTime(day: Day): string {
  return new Date(day * 86_400_000).toISOString();
}

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
