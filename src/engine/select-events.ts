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
 * Events in replay order, with their days and type codes in typed arrays: the fold reads these
 * sequentially and touches an event object only when something listens for its type.
 */
export interface SelectedEvents {
  readonly events: readonly Event[];
  readonly days: Int32Array;
  /** Index into `typeNames` of each event's type. */
  readonly types: Int32Array;
  readonly typeNames: readonly string[];
  readonly typeCodes: ReadonlyMap<string, number>;
}

/**
 * The events a replay folds over, in (first day, id) order: every event outside claims, and the
 * events of chosen claims; none after `until`. One pass when the model's events are already in
 * order (as a resolved model's are); otherwise they are sorted.
 */
export function selectReplayEvents(
  model: Model,
  reading: Reading | null,
  until?: Day,
): SelectedEvents {
  // Models are immutable: the selection of a (model, reading, until) is kept for the next replays
  // of that model (the last few readings and limits; a what-if is a new model). Callers only read
  // the arrays.
  let cached = selectionCache.get(model);
  if (cached === undefined) {
    cached = [];
    selectionCache.set(model, cached);
  }
  for (const entry of cached)
    if (entry.reading === reading && entry.until === until) return entry.selected;
  const selected = computeSelection(model, reading, until);
  if (cached.length >= SELECTIONS_PER_MODEL) cached.shift();
  cached.push({ reading, until, selected });
  return selected;
}

interface CachedSelection {
  readonly reading: Reading | null;
  readonly until: Day | undefined;
  readonly selected: SelectedEvents;
}

const SELECTIONS_PER_MODEL = 4;
const selectionCache = new WeakMap<Model, CachedSelection[]>();

function computeSelection(model: Model, reading: Reading | null, until?: Day): SelectedEvents {
  const chosen = chosenClaims(model, reading);
  const source = model.events;
  const limit = until ?? Number.POSITIVE_INFINITY;
  let days = new Int32Array(source.length);
  let types = new Int32Array(source.length);
  const typeNames: string[] = [];
  const typeCodes = new Map<string, number>();
  // The model's array serves as it is unless an event is left out (then a copy is made).
  let kept: Event[] | null = null;
  let count = 0;
  let sorted = true;
  let previousDay = Number.NEGATIVE_INFINITY;
  let previousId = "";
  for (let i = 0; i < source.length; i++) {
    const event = source[i]!;
    const claim = event.claim;
    const first = event.date.first;
    if ((claim !== undefined && !chosen.has(claim)) || first > limit) {
      kept ??= source.slice(0, i);
      continue;
    }
    if (sorted) {
      if (first < previousDay || (first === previousDay && previousId > event.id)) sorted = false;
      previousDay = first;
      previousId = event.id;
    }
    let code = typeCodes.get(event.type);
    if (code === undefined) {
      code = typeNames.length;
      typeNames.push(event.type);
      typeCodes.set(event.type, code);
    }
    days[count] = first;
    types[count] = code;
    count++;
    kept?.push(event);
  }
  let events: readonly Event[] = kept ?? source;
  if (!sorted) {
    const copy = [...events].sort(compareEvents);
    for (let i = 0; i < copy.length; i++) {
      const event = copy[i]!;
      days[i] = event.date.first;
      types[i] = typeCodes.get(event.type)!;
    }
    events = copy;
  }
  if (count < source.length) {
    days = days.slice(0, count);
    types = types.slice(0, count);
  }
  return { events, days, types, typeNames, typeCodes };
}

/** The events a replay folds over, in (first day, id) order (see `selectReplayEvents`). */
export function selectEvents(model: Model, reading: Reading | null, until?: Day): Event[] {
  return [...selectReplayEvents(model, reading, until).events];
}
