// The rows of a timeline: one per instrument (or provision), with its bands, its key events as
// ticks, and a mark when a what-if or a change of reading moved it.
import type { Event, Model } from "../../language/index.ts";
import type { BandInterval } from "./bands.ts";

/** An interval with the one-line reason shown on hover. */
export interface RowInterval extends BandInterval {
  readonly summary: string;
}

export interface RowTick {
  readonly day: number;
  readonly label: string;
}

/** Why a row is marked: its own states changed, or only those of its provisions. */
export type RowMark = "changed" | "provisions";

export interface TimelineRow {
  readonly id: string;
  readonly label: string;
  readonly title: string;
  readonly intervals: readonly RowInterval[];
  readonly ticks: readonly RowTick[];
  /** The intervals to compare with (history, under a what-if), drawn thin under the bands. */
  readonly compare?: readonly BandInterval[];
  readonly mark?: RowMark;
}

/** Anything with an id and intervals carrying a reason summary: an engine timeline. */
export interface TimelineLike {
  readonly intervals: readonly {
    readonly state: string;
    readonly from: number;
    readonly until: number | null;
    readonly reason: { readonly summary: string };
  }[];
}

export function toRowIntervals(timeline: TimelineLike | undefined): RowInterval[] {
  return (timeline?.intervals ?? []).map((i) => ({
    state: i.state,
    from: i.from,
    until: i.until,
    summary: i.reason.summary,
  }));
}

/** The events that name an instrument as their first object, by instrument id. */
export function eventsByInstrument(model: Model, events: readonly Event[]): Map<string, RowTick[]> {
  const out = new Map<string, RowTick[]>();
  for (const event of events) {
    const first = event.objects[0];
    if (first?.kind !== "ref" || !model.instruments.has(first.id)) continue;
    let list = out.get(first.id);
    if (list === undefined) {
      list = [];
      out.set(first.id, list);
    }
    list.push({ day: event.date.first, label: `${event.date.text} ${event.type} (${event.id})` });
  }
  return out;
}

/** The instrument row each changed id belongs to, and how: instrument ids and provision ids. */
export function marksFor(model: Model, ids: Iterable<string>): Map<string, RowMark> {
  const marks = new Map<string, RowMark>();
  for (const id of ids) {
    if (model.instruments.has(id)) marks.set(id, "changed");
    else {
      const provision = model.provisions.get(id);
      if (provision !== undefined && !marks.has(provision.instrument))
        marks.set(provision.instrument, "provisions");
    }
  }
  return marks;
}

export interface RowSource {
  readonly instruments: ReadonlyMap<string, TimelineLike>;
}

/**
 * One row per instrument of the model, ordered by the day its first state began (instruments
 * never signed last), then by id.
 */
export function instrumentRows(
  model: Model,
  replay: RowSource,
  events: readonly Event[],
  options: { readonly marks?: ReadonlyMap<string, RowMark>; readonly compare?: RowSource } = {},
): TimelineRow[] {
  const ticks = eventsByInstrument(model, events);
  const rows = [...model.instruments.values()].map((instrument): TimelineRow => {
    const intervals = toRowIntervals(replay.instruments.get(instrument.id));
    const mark = options.marks?.get(instrument.id);
    const compare = options.compare?.instruments.get(instrument.id);
    return {
      id: instrument.id,
      label: instrument.id,
      title: instrument.title,
      intervals,
      ticks: ticks.get(instrument.id) ?? [],
      ...(mark === undefined ? {} : { mark }),
      ...(compare === undefined || mark === undefined ? {} : { compare: toRowIntervals(compare) }),
    };
  });
  const start = (r: TimelineRow) => r.intervals[0]?.from ?? Number.MAX_SAFE_INTEGER;
  return rows.sort((a, b) => start(a) - start(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * One row per fact instance (and per value, for a fact with values) that held at some time, in
 * key order: the facts beside the instruments they condition.
 */
export function factRows(replay: {
  readonly facts: ReadonlyMap<string, TimelineLike>;
}): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const [key, timeline] of replay.facts) {
    if (timeline.intervals.length === 0) continue;
    rows.push({ id: key, label: key, title: key, intervals: toRowIntervals(timeline), ticks: [] });
  }
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface ProvisionSource {
  readonly provisions: ReadonlyMap<string, TimelineLike>;
}

/**
 * The rows with, under each instrument, a row for each of its provisions in `changed`: the
 * provision's states in `replay`, compared with `compare`.
 */
export function withChangedProvisions(
  rows: readonly TimelineRow[],
  model: Model,
  changed: Iterable<string>,
  replay: ProvisionSource,
  compare: ProvisionSource,
): TimelineRow[] {
  const byInstrument = new Map<string, string[]>();
  for (const id of changed) {
    const provision = model.provisions.get(id);
    if (provision === undefined) continue;
    const list = byInstrument.get(provision.instrument) ?? [];
    list.push(id);
    byInstrument.set(provision.instrument, list);
  }
  const out: TimelineRow[] = [];
  for (const row of rows) {
    out.push(row);
    for (const id of byInstrument.get(row.id) ?? []) {
      const provision = model.provisions.get(id)!;
      out.push({
        id,
        label: `↳ ${provision.localId}`,
        title: `${provision.modality} ${provision.id}: ${provision.title}`,
        intervals: toRowIntervals(replay.provisions.get(id)),
        ticks: [],
        compare: toRowIntervals(compare.provisions.get(id)),
        mark: "changed",
      });
    }
  }
  return out;
}
