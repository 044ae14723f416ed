import { dayFromCivil, formatDay, isValidCivil } from "../language/calendar/day.ts";
import type { Location } from "../language/diagnostics/location.ts";
import type { Model } from "../language/model/model.ts";
import type { ReplayJson } from "./replay-json.ts";
import type { Database, EntityTable } from "./schema.ts";

/** Every derived row of a corpus: the resolved entities and their replays. */
export interface CorpusRows {
  readonly sources: Database["sources"][];
  readonly parties: Database["parties"][];
  readonly instruments: Database["instruments"][];
  readonly provisions: Database["provisions"][];
  readonly events: Database["events"][];
  readonly claims: Database["claims"][];
  readonly readings: Database["readings"][];
  readonly citations: Database["citations"][];
  readonly intervals: Database["intervals"][];
  readonly deadlines: Database["deadlines"][];
}

export interface ReadingReplay {
  readonly id: string;
  readonly description: string;
  readonly choices: readonly string[];
  readonly defined: boolean;
  readonly replay: ReplayJson;
}

function entity(value: { readonly id: string; readonly at: Location }): EntityTable {
  return { id: value.id, file: value.at.file, line: value.at.line, data: JSON.stringify(value) };
}

/** Turns a compiled model and its replays into the rows of the derived tables. */
export function projectCorpus(model: Model, replays: readonly ReadingReplay[]): CorpusRows {
  const citations = new Map<string, Database["citations"]>();
  const cite = (kind: string, id: string, sources: readonly string[]) => {
    for (const source of sources) {
      citations.set(`${source}\u0000${kind}\u0000${id}`, {
        source,
        subject_kind: kind,
        subject_id: id,
      });
    }
  };
  const sources = [...model.sources.values()].map((s) => ({
    ...entity(s),
    reliability: s.reliability,
  }));
  const parties = [...model.parties.values()].map((p) => {
    cite("party", p.id, p.sources);
    return { ...entity(p), name: p.name, party_kind: p.partyKind };
  });
  const instruments = [...model.instruments.values()].map((i) => {
    cite("instrument", i.id, [...i.sources, ...i.entryIntoForceSources]);
    return { ...entity(i), title: i.title, instrument_kind: i.instrumentKind };
  });
  const provisions = [...model.provisions.values()].map((p) => {
    cite("provision", p.id, p.sources);
    return {
      ...entity(p),
      instrument: p.instrument,
      local_id: p.localId,
      modality: p.modality,
      title: p.title,
    };
  });
  const events = model.events.map((e) => {
    cite("event", e.id, e.sources);
    return {
      ...entity(e),
      first_day: e.date.first,
      last_day: e.date.last,
      type: e.type,
      claim: e.claim ?? null,
    };
  });
  const claims = [...model.claims.values()].map((c) => {
    cite("claim", c.id, c.sources);
    return { ...entity(c), contested: c.contested, statement: c.statement };
  });
  const readings: Database["readings"][] = [];
  const intervals: Database["intervals"][] = [];
  const deadlines: Database["deadlines"][] = [];
  for (const r of replays) {
    readings.push({
      id: r.id,
      description: r.description,
      choices: JSON.stringify(r.choices),
      defined: r.defined ? 1 : 0,
    });
    for (const [kind, timelines] of [
      ["instrument", r.replay.instruments],
      ["provision", r.replay.provisions],
    ] as const) {
      for (const timeline of timelines) {
        timeline.intervals.forEach((interval, seq) => {
          intervals.push({
            reading: r.id,
            subject_kind: kind,
            subject_id: timeline.id,
            seq,
            state: interval.state,
            from_day: isoDay(interval.from),
            until_day: interval.until === null ? null : isoDay(interval.until),
            reason: JSON.stringify(interval.reason),
          });
        });
      }
    }
    const seqs = new Map<string, number>();
    for (const d of r.replay.deadlines) {
      const seq = seqs.get(d.provision) ?? 0;
      seqs.set(d.provision, seq + 1);
      deadlines.push({
        reading: r.id,
        provision: d.provision,
        seq,
        due_day: isoDay(d.due),
        limb: d.limb ?? null,
        outcome: d.outcome,
      });
    }
  }
  return {
    sources,
    parties,
    instruments,
    provisions,
    events,
    claims,
    readings,
    citations: [...citations.values()],
    intervals,
    deadlines,
  };
}

/** `YYYY-MM-DD` (a year may have more digits or a minus sign) to a day number; throws if bad. */
export function isoDay(text: string): number {
  const day = parseIsoDay(text);
  if (day === undefined) throw new Error(`Not an ISO day: '${text}'`);
  return day;
}

/** `YYYY-MM-DD` to a day number, or undefined when malformed or impossible. */
export function parseIsoDay(text: string): number | undefined {
  const m = /^(-?\d{4,6})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidCivil(year, month, day) ? dayFromCivil(year, month, day) : undefined;
}

export { formatDay };
