/**
 * Builders for hand-made models in engine tests, written close to Pacta text: patterns, acts,
 * dates and durations are given as the strings a document would hold. Not part of the public
 * API; once the resolver is complete, tests may be written in Pacta itself.
 */
import { type Day, dayFromCivil, daysInMonth } from "../language/calendar/day.ts";
import type { Duration, DurationUnit } from "../language/calendar/duration.ts";
import type { HistDate } from "../language/calendar/hist-date.ts";
import type { Location } from "../language/diagnostics/location.ts";
import type { Anchor } from "../language/model/anchor.ts";
import type { Condition } from "../language/model/condition.ts";
import type { Claim, Contested, Reading } from "../language/model/contested.ts";
import type { Event } from "../language/model/event.ts";
import type { Fact } from "../language/model/fact.ts";
import type {
  Amendment,
  EntryIntoForce,
  Instrument,
  Relation,
  Renewal,
  Term,
} from "../language/model/instrument.ts";
import type { Model } from "../language/model/model.ts";
import type { Party } from "../language/model/party.ts";
import type { EventPattern, PatternTerm } from "../language/model/pattern.ts";
import type { Modality, Provision, ProvisionTerms } from "../language/model/provision.ts";
import type { TimeExpression } from "../language/model/time-expression.ts";
import type { Value } from "../language/model/value.ts";
import type { WhatIf } from "../language/model/what-if.ts";
import { formatAnchor } from "./format-condition.ts";

export const nowhere: Location = { file: "test.pacta", from: 0, to: 0, line: 1, column: 1 };

// ------------------------------------------------------------------ dates and durations

function parseDatePart(text: string): {
  first: Day;
  last: Day;
  precision: "day" | "month" | "year";
} {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) throw new Error(`bad date '${text}'`);
  const year = Number(m[1]);
  if (m[2] === undefined)
    return { first: dayFromCivil(year, 1, 1), last: dayFromCivil(year, 12, 31), precision: "year" };
  const month = Number(m[2]);
  if (m[3] === undefined)
    return {
      first: dayFromCivil(year, month, 1),
      last: dayFromCivil(year, month, daysInMonth(year, month)),
      precision: "month",
    };
  const d = dayFromCivil(year, month, Number(m[3]));
  return { first: d, last: d, precision: "day" };
}

/** `1952`, `1952-09`, `1952-09-15` or `1950-02-14..1950-02-16`. */
export function histDate(text: string): HistDate {
  const [a, b] = text.split("..");
  if (b !== undefined) {
    return {
      first: parseDatePart(a!).first,
      last: parseDatePart(b).last,
      precision: "range",
      text,
    };
  }
  const part = parseDatePart(text);
  return { ...part, text };
}

/** The first day of a date: `day("1952-12-31")`. */
export function day(text: string): Day {
  return histDate(text).first;
}

/** `30 years`, `1 year`, `6 months`, `30 days`. */
export function duration(text: string): Duration {
  const m = /^(\d+) (day|week|month|year)s?$/.exec(text);
  if (!m) throw new Error(`bad duration '${text}'`);
  return { amount: Number(m[1]), unit: m[2] as DurationUnit };
}

// ------------------------------------------------------------------ patterns and acts

const slotWords: ReadonlySet<string> = new Set(["by", "to", "with", "against"]);

function tokens(text: string): string[] {
  return text.match(/[^\s,]+/g) ?? [];
}

function splitSlots(text: string): {
  type: string;
  objects: string[];
  actors: string[];
  targets: string[];
} {
  const [type, ...rest] = tokens(text);
  if (type === undefined) throw new Error("empty act");
  const slots = { type, objects: [] as string[], actors: [] as string[], targets: [] as string[] };
  let current = slots.objects;
  for (const token of rest) {
    if (token === "by") current = slots.actors;
    else if (slotWords.has(token)) current = slots.targets;
    else current.push(token);
  }
  return slots;
}

function term(token: string): PatternTerm {
  if (token.startsWith("?")) return { kind: "var", name: token.slice(1) };
  if (token === "holder" || token === "counterparty" || token === "any") return { kind: token };
  return { kind: "id", id: token };
}

/** `transfer changchun-railway by ussr to prc`, `attack by ?b to ?a`, `alliance by holder against counterparty`. */
export function pattern(text: string): EventPattern {
  const s = splitSlots(text);
  return {
    type: s.type,
    objects: s.objects.map(term),
    actors: s.actors.map(term),
    targets: s.targets.map(term),
    text,
    at: nowhere,
  };
}

function values(objects: readonly string[]): Value[] {
  const out: Value[] = [];
  for (let i = 0; i < objects.length; i++) {
    const token = objects[i]!;
    if (/^\d[\d_]*(\.\d+)?%$/.test(token))
      out.push({ kind: "percent", value: Number(token.slice(0, -1)) });
    else if (/^\d[\d_]*(\.\d+)?$/.test(token)) {
      const next = objects[i + 1];
      const amount = Number(token.replaceAll("_", ""));
      if (next !== undefined && /^[A-Z]+$/.test(next)) {
        out.push({ kind: "quantity", amount, unit: next });
        i++;
      } else out.push({ kind: "quantity", amount });
    } else out.push({ kind: "ref", id: token });
  }
  return out;
}

export interface EventExtra {
  readonly sources?: readonly string[];
  readonly claim?: string;
}

/** `event("railway-handover", "1952-12-31", "transfer changchun-railway by ussr to prc")`. */
export function event(id: string, date: string, act: string, extra: EventExtra = {}): Event {
  const s = splitSlots(act);
  return {
    kind: "event",
    id,
    date: histDate(date),
    type: s.type,
    objects: values(s.objects),
    actors: s.actors,
    targets: s.targets,
    signatories: [],
    ...(extra.claim === undefined ? {} : { claim: extra.claim }),
    sources: extra.sources ?? [],
    at: nowhere,
  };
}

// ------------------------------------------------------------------ time expressions and anchors

/** A date limb: `end of 1952`, `1955-05-31`, `1952`. */
export function dateLimb(text: string): TimeExpression {
  const date = histDate(text.startsWith("end of ") ? text.slice("end of ".length) : text);
  return { kind: "date", date, text, at: nowhere };
}

/** `on conclude-peace by ussr with japan`. */
export function on(patternText: string): TimeExpression {
  return { kind: "on", pattern: pattern(patternText), text: `on ${patternText}`, at: nowhere };
}

export const anchors = {
  entryIntoForce: { kind: "entry-into-force" } as Anchor,
  signature: { kind: "signature" } as Anchor,
  date: (text: string): Anchor => ({ kind: "date", date: histDate(text) }),
  event: (patternText: string): Anchor => ({ kind: "event", pattern: pattern(patternText) }),
  fulfilment: (provision: string): Anchor => ({ kind: "fulfilment", provision }),
  violation: (provision: string): Anchor => ({ kind: "violation", provision }),
};

/** `durationAfter("3 months", anchors.entryIntoForce)` = `3 months after entry-into-force`. */
export function durationAfter(durationText: string, anchor: Anchor): TimeExpression {
  return {
    kind: "after",
    duration: duration(durationText),
    anchor,
    text: `${durationText} after ${formatAnchor(anchor)}`,
    at: nowhere,
  };
}

/** `A but not later than B`. */
export function notLaterThan(a: TimeExpression, b: TimeExpression): TimeExpression {
  return {
    kind: "earliest",
    limbs: [a, b],
    text: `${a.text} but not later than ${b.text}`,
    at: nowhere,
  };
}

export function earliest(...limbs: TimeExpression[]): TimeExpression {
  return {
    kind: "earliest",
    limbs,
    text: `earliest of (${limbs.map((l) => l.text).join(", ")})`,
    at: nowhere,
  };
}

export function latest(...limbs: TimeExpression[]): TimeExpression {
  return {
    kind: "latest",
    limbs,
    text: `latest of (${limbs.map((l) => l.text).join(", ")})`,
    at: nowhere,
  };
}

// ------------------------------------------------------------------ conditions and facts

/** `holds("at-war", "prc", "japan")`; arguments as in patterns (`?x`, `holder`, ids). */
export function holds(fact: string, ...args: string[]): Condition {
  return { kind: "fact", fact, args: args.map(term) };
}

export function not(operand: Condition): Condition {
  return { kind: "not", operand };
}

export function and(...operands: Condition[]): Condition {
  return { kind: "and", operands };
}

export function or(...operands: Condition[]): Condition {
  return { kind: "or", operands };
}

export function some(variable: string, body: Condition): Condition {
  return { kind: "any", variable: variable.replace(/^\?/, ""), body };
}

export interface FactSpec {
  readonly starts?: readonly string[];
  readonly ends?: readonly string[];
  readonly derived?: Condition;
  readonly sources?: readonly string[];
}

/** `fact("at-war", ["a", "b"], { starts: ["attack by ?b to ?a"] })`. */
export function fact(id: string, params: readonly string[], spec: FactSpec): Fact {
  return {
    kind: "fact",
    id,
    params,
    starts: (spec.starts ?? []).map(pattern),
    ends: (spec.ends ?? []).map(pattern),
    ...(spec.derived === undefined ? {} : { derived: spec.derived }),
    sources: spec.sources ?? [],
    at: nowhere,
  };
}

// ------------------------------------------------------------------ provisions and instruments

export interface ProvisionSpec {
  readonly modality?: Modality;
  readonly holder?: readonly string[];
  readonly counterparty?: readonly string[];
  readonly from?: Anchor;
  readonly when?: Condition;
  readonly due?: TimeExpression;
  readonly until?: TimeExpression;
  readonly fulfilledBy?: string;
  readonly violatedBy?: string;
  readonly sources?: readonly string[];
}

function terms(spec: ProvisionSpec): Partial<ProvisionTerms> {
  return {
    ...(spec.from === undefined ? {} : { from: spec.from }),
    ...(spec.when === undefined ? {} : { when: spec.when }),
    ...(spec.due === undefined ? {} : { due: spec.due }),
    ...(spec.until === undefined ? {} : { until: spec.until }),
    ...(spec.fulfilledBy === undefined ? {} : { fulfilledBy: pattern(spec.fulfilledBy) }),
    ...(spec.violatedBy === undefined ? {} : { violatedBy: pattern(spec.violatedBy) }),
  };
}

export interface AmendmentSpec {
  /** Qualified id of the amended provision. */
  readonly provision: string;
  readonly from?: string;
  readonly changes: ProvisionSpec;
  readonly sources?: readonly string[];
}

export interface InstrumentSpec {
  readonly parties?: readonly string[];
  /** `signature`, `ratification`, `exchange`, `on 1950-04-11`, `30 days after signature`. */
  readonly inForce?: string;
  readonly inForceSources?: readonly string[];
  /** `30 years` */
  readonly term?: string;
  /** `5 years notice 1 year`, `5 years notice 1 year window 2 years` */
  readonly renewal?: string;
  readonly denunciation?: string;
  readonly supersedes?: readonly string[];
  readonly voids?: readonly string[];
  readonly relationSources?: readonly string[];
  readonly amends?: readonly AmendmentSpec[];
  readonly provisions?: Readonly<Record<string, ProvisionSpec>>;
  readonly sources?: readonly string[];
}

function entryIntoForce(text: string): EntryIntoForce {
  if (text === "signature") return { kind: "on-signature" };
  if (text === "ratification") return { kind: "on-ratification" };
  if (text === "exchange") return { kind: "on-exchange" };
  if (text.startsWith("on ")) return { kind: "on-date", date: histDate(text.slice(3)) };
  const m = /^(.+) after signature$/.exec(text);
  if (m) return { kind: "after-signature", duration: duration(m[1]!) };
  throw new Error(`bad in-force rule '${text}'`);
}

function renewal(text: string): Renewal {
  const m = /^(\d+ \w+) notice (\d+ \w+)(?: window (\d+ \w+))?$/.exec(text);
  if (!m) throw new Error(`bad renewal '${text}'`);
  return {
    duration: duration(m[1]!),
    notice: duration(m[2]!),
    ...(m[3] === undefined ? {} : { window: duration(m[3]) }),
  };
}

/** An instrument with its provisions (qualified as `id.local`). */
export interface InstrumentDraft {
  readonly instrument: Instrument;
  readonly provisions: readonly Provision[];
}

export function instrument(id: string, spec: InstrumentSpec = {}): InstrumentDraft {
  const parties = spec.parties ?? ["prc", "ussr"];
  const provisions: Provision[] = Object.entries(spec.provisions ?? {}).map(([localId, p]) => ({
    kind: "provision",
    id: `${id}.${localId}`,
    localId,
    instrument: id,
    modality: p.modality ?? "duty",
    title: localId,
    holders: p.holder ?? [],
    counterparties: p.counterparty ?? [],
    from: anchors.entryIntoForce,
    ...terms(p),
    sources: p.sources ?? [],
    at: nowhere,
  }));
  const relations: Relation[] = [
    ...(spec.supersedes ?? []).map((target) => ({ kind: "supersedes" as const, target })),
    ...(spec.voids ?? []).map((target) => ({ kind: "voids" as const, target })),
  ].map((r) => ({ ...r, sources: spec.relationSources ?? [], at: nowhere }));
  const amendments: Amendment[] = (spec.amends ?? []).map((a) => ({
    provision: a.provision,
    ...(a.from === undefined ? {} : { from: histDate(a.from) }),
    changes: terms(a.changes),
    sources: a.sources ?? [],
    at: nowhere,
  }));
  const term: Term | undefined =
    spec.term === undefined
      ? undefined
      : {
          duration: duration(spec.term),
          ...(spec.renewal === undefined ? {} : { renewal: renewal(spec.renewal) }),
        };
  const instrument: Instrument = {
    kind: "instrument",
    id,
    title: id,
    instrumentKind: "agreement",
    parties,
    ...(spec.inForce === undefined ? {} : { entryIntoForce: entryIntoForce(spec.inForce) }),
    entryIntoForceSources: spec.inForceSources ?? [],
    ...(term === undefined ? {} : { term }),
    ...(spec.denunciation === undefined ? {} : { denunciation: duration(spec.denunciation) }),
    relations,
    amendments,
    articles: [],
    provisions: provisions.map((p) => p.id),
    sources: spec.sources ?? [],
    at: nowhere,
  };
  return { instrument, provisions };
}

// ------------------------------------------------------------------ contested claims and readings

export interface ContestedSpec {
  readonly id: string;
  /** Claim id → the ids of its events (the events themselves carry `claim`). */
  readonly claims: Readonly<Record<string, readonly string[]>>;
}

export interface ReadingSpec {
  readonly id: string;
  readonly choose: readonly string[];
}

// ------------------------------------------------------------------ the model

export interface ModelSpec {
  readonly instruments?: readonly InstrumentDraft[];
  readonly events?: readonly Event[];
  readonly facts?: readonly Fact[];
  readonly contested?: readonly ContestedSpec[];
  readonly readings?: readonly ReadingSpec[];
  readonly whatIfs?: readonly WhatIf[];
}

function byId<T extends { readonly id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map([...items].sort((a, b) => (a.id < b.id ? -1 : 1)).map((item) => [item.id, item]));
}

/** A resolved model from drafts: maps sorted by id, events sorted by (first day, id). */
export function buildModel(spec: ModelSpec): Model {
  const drafts = spec.instruments ?? [];
  const events = [...(spec.events ?? [])].sort(
    (a, b) => a.date.first - b.date.first || (a.id < b.id ? -1 : 1),
  );
  const partyIds = new Set<string>();
  for (const d of drafts) for (const p of d.instrument.parties) partyIds.add(p);
  for (const e of events) for (const p of [...e.actors, ...e.targets]) partyIds.add(p);
  const parties: Party[] = [...partyIds].map((id) => ({
    kind: "party",
    id,
    name: id,
    partyKind: "state",
    members: [],
    sources: [],
    at: nowhere,
  }));
  const contested: Contested[] = (spec.contested ?? []).map((c) => ({
    kind: "contested",
    id: c.id,
    question: c.id,
    claims: Object.keys(c.claims),
    at: nowhere,
  }));
  const claims: Claim[] = (spec.contested ?? []).flatMap((c) =>
    Object.entries(c.claims).map(([id, eventIds]) => ({
      kind: "claim" as const,
      id,
      contested: c.id,
      statement: id,
      events: eventIds,
      sources: [],
      at: nowhere,
    })),
  );
  const readings: Reading[] = (spec.readings ?? []).map((r) => ({
    kind: "reading",
    id: r.id,
    description: r.id,
    choices: r.choose,
    at: nowhere,
  }));
  return {
    sources: new Map(),
    parties: byId(parties),
    assets: new Map(),
    instruments: byId(drafts.map((d) => d.instrument)),
    provisions: byId(drafts.flatMap((d) => d.provisions)),
    facts: byId(spec.facts ?? []),
    events,
    contested: byId(contested),
    claims: byId(claims),
    readings: byId(readings),
    whatIfs: byId(spec.whatIfs ?? []),
  };
}

/** A what-if: `whatIf("x", { add: [...], remove: ["id"], move: { id: "1953-06-01" } })`. */
export function whatIf(
  id: string,
  spec: {
    readonly add?: readonly Event[];
    readonly remove?: readonly string[];
    readonly move?: Readonly<Record<string, string>>;
    readonly reading?: string;
  },
): WhatIf {
  return {
    kind: "what-if",
    id,
    description: id,
    add: spec.add ?? [],
    remove: spec.remove ?? [],
    move: Object.entries(spec.move ?? {}).map(([event, date]) => ({ event, date: histDate(date) })),
    ...(spec.reading === undefined ? {} : { reading: spec.reading }),
    at: nowhere,
  };
}
