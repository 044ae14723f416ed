import type { Day } from "../language/calendar/day.ts";
import type { Reading } from "../language/model/contested.ts";
import type { Event } from "../language/model/event.ts";
import type { Model } from "../language/model/model.ts";

/** Orders events by the day they are replayed on, then by id. */
export function compareEvents(a: Event, b: Event): number {
  const d = a.date.first - b.date.first;
  if (d !== 0) return d;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The reading a replay uses: the named one (RangeError if there is none of that name), else the
 * reading named `default` if the model has one, else none.
 */
export function chooseReading(model: Model, name: string | undefined): Reading | null {
  if (name !== undefined) {
    const reading = model.readings.get(name);
    if (reading === undefined) throw new RangeError(`No reading named '${name}'`);
    return reading;
  }
  return model.readings.get("default") ?? null;
}

/** The claims that count: those the reading chooses, and the first claim of every other contest. */
export function chosenClaims(model: Model, reading: Reading | null): ReadonlySet<string> {
  const chosen = new Set<string>(reading?.choices ?? []);
  for (const contested of model.contested.values()) {
    if (contested.claims.some((claim) => chosen.has(claim))) continue;
    const first = contested.claims[0];
    if (first !== undefined) chosen.add(first);
  }
  return chosen;
}

/**
 * The events a replay folds over, in (first day, id) order: every event outside claims, and the
 * events of chosen claims; none after `until`.
 */
export function selectEvents(model: Model, reading: Reading | null, until?: Day): Event[] {
  const chosen = chosenClaims(model, reading);
  const selected = model.events.filter(
    (event) =>
      (event.claim === undefined || chosen.has(event.claim)) &&
      (until === undefined || event.date.first <= until),
  );
  return selected.sort(compareEvents);
}
