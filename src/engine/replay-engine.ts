import { type Day, formatDay } from "../language/calendar/day.ts";
import { addDuration, formatDuration } from "../language/calendar/duration.ts";
import type { Anchor } from "../language/model/anchor.ts";
import {
  type Event,
  type LifecycleEventType,
  lifecycleEventTypes,
} from "../language/model/event.ts";
import type { Fact } from "../language/model/fact.ts";
import type { Amendment, Instrument, Term } from "../language/model/instrument.ts";
import type { Model } from "../language/model/model.ts";
import type { EventPattern } from "../language/model/pattern.ts";
import type { Provision, ProvisionTerms } from "../language/model/provision.ts";
import { assertNever } from "./assert-never.ts";
import { ConditionEvaluator } from "./condition-evaluator.ts";
import type { DeadlineOutcome, DeadlineRecord } from "./deadline-record.ts";
import { DerivedFacts } from "./derived-facts.ts";
import { FactStore } from "./fact-store.ts";
import { formatAnchor, formatCondition } from "./format-condition.ts";
import { describeEvent } from "./format-event.ts";
import { MinHeap } from "./min-heap.ts";
import { PatternIndex, type Subscription } from "./pattern-index.ts";
import { Bindings, matchPattern } from "./pattern-match.ts";
import { type Cause, mergeSources, type Reason } from "./reason.ts";
import type { Replay } from "./replay-result.ts";
import { TimeTracker, type TimeValue } from "./time-tracker.ts";
import type {
  FactState,
  InstrumentState,
  ProvisionState,
  Timeline,
} from "./timeline.ts";
import { TimelineBuilder } from "./timeline-builder.ts";

/*
 * The replay is a fold over days. Each day has three phases, encoded in the heap key
 * `day * 4 + phase`: first the consequences of the previous day having ended (deadlines and ends
 * that passed), then dated changes (entry into force on a date, expiry, amendments from a date,
 * provisions starting on a date), then the day's events in id order.
 */
const PHASE_PASSED = 0;
const PHASE_DATED = 1;
const PHASE_EVENTS = 2;

function keyOf(day: Day, phase: number): number {
  return day * 4 + phase;
}

const lifecycleTypes: ReadonlySet<string> = new Set(lifecycleEventTypes);

function isLifecycle(type: string): type is LifecycleEventType {
  return lifecycleTypes.has(type);
}

const endedStates: ReadonlySet<InstrumentState> = new Set([
  "expired",
  "terminated",
  "superseded",
  "void",
]);

function isEnded(state: InstrumentState | null): boolean {
  return state !== null && endedStates.has(state);
}

function describeTerm(term: Term): string {
  const renewal = term.renewal;
  if (renewal === undefined) return `term ${formatDuration(term.duration)}`;
  const window =
    renewal.window === undefined ? "" : ` window ${formatDuration(renewal.window)}`;
  return `term ${formatDuration(term.duration)}, renewal ${formatDuration(renewal.duration)} notice ${formatDuration(renewal.notice)}${window}`;
}

function describeRule(instrument: Instrument): string {
  const rule = instrument.entryIntoForce;
  if (rule === undefined) return "no rule";
  switch (rule.kind) {
    case "on-signature":
      return "in-force on signature";
    case "on-ratification":
      return "in-force on ratification";
    case "on-exchange":
      return "in-force on exchange";
    case "on-date":
      return `in-force on ${rule.date.text}`;
    case "after-signature":
      return `in-force ${formatDuration(rule.duration)} after signature`;
    default:
      return assertNever(rule);
  }
}

/** A listener group that can be cancelled at once (a provision's start, deadline or end). */
interface Scope {
  active: boolean;
  readonly watchers: Watcher[];
}

interface Watcher {
  readonly scope: Scope;
  readonly fire: (event: Event) => void;
  sub: Subscription<Payload> | null;
}

interface Hook {
  readonly scope: Scope;
  readonly fire: (day: Day, event: Event | null) => void;
}

interface FinalHook extends Hook {
  readonly on: "fulfilment" | "violation";
}

type Payload =
  | { readonly kind: "fulfil"; readonly provision: ProvisionRt }
  | { readonly kind: "violate"; readonly provision: ProvisionRt }
  | { readonly kind: "watch"; readonly watcher: Watcher }
  | { readonly kind: "fact-start"; readonly fact: Fact }
  | { readonly kind: "fact-end"; readonly fact: Fact };

interface Notice {
  readonly event: Event;
  used: boolean;
}

interface AmendmentRt {
  readonly def: Amendment;
  readonly by: InstrumentRt;
  readonly target: ProvisionRt;
  applied: boolean;
}

interface InstrumentRt {
  readonly def: Instrument;
  readonly tl: TimelineBuilder<InstrumentState>;
  state: InstrumentState | null;
  readonly signers: Set<string>;
  readonly ratifiers: Set<string>;
  signatureDay: Day | null;
  signatureEvent: Event | null;
  eifDay: Day | null;
  expiryVersion: number;
  readonly notices: Notice[];
  /** Denounce events for it still to be replayed. */
  noticesAhead: number;
  readonly provisions: ProvisionRt[];
  eifHooks: Hook[];
  signatureHooks: Hook[];
  readonly eifAmendments: AmendmentRt[];
  readonly waitingAmendments: AmendmentRt[];
}

interface MutableRecord {
  readonly provision: string;
  readonly due: Day;
  readonly limb: string;
  outcome: DeadlineOutcome;
}

interface Deadline {
  readonly day: Day;
  readonly limb: string;
  readonly record: MutableRecord;
}

interface ProvisionRt {
  readonly def: Provision;
  readonly inst: InstrumentRt;
  readonly tl: TimelineBuilder<ProvisionState>;
  terms: ProvisionTerms;
  state: ProvisionState | null;
  opened: boolean;
  openedDay: Day;
  final: boolean;
  fulfilledDay: Day | null;
  violatedDay: Day | null;
  finalHooks: FinalHook[];
  anchorScope: Scope;
  anchorDay: Day | null;
  anchorEvent: Event | null;
  activated: boolean;
  activationDay: Day;
  condHolds: boolean;
  fulfilSub: Subscription<Payload> | null;
  violateSub: Subscription<Payload> | null;
  dueScope: Scope;
  deadline: Deadline | null;
  deadlineVersion: number;
  deadlineSources: readonly string[];
  overdue: boolean;
  untilScope: Scope;
  untilValue: TimeValue | null;
  untilVersion: number;
}

type Timed =
  | { readonly kind: "entry-into-force"; readonly inst: InstrumentRt }
  | { readonly kind: "expiry"; readonly inst: InstrumentRt; readonly version: number }
  | { readonly kind: "denunciation"; readonly inst: InstrumentRt; readonly notice: Event }
  | { readonly kind: "amendment"; readonly amendment: AmendmentRt }
  | { readonly kind: "anchor-date"; readonly provision: ProvisionRt; readonly scope: Scope }
  | { readonly kind: "deadline"; readonly provision: ProvisionRt; readonly version: number }
  | { readonly kind: "until"; readonly provision: ProvisionRt; readonly version: number };

function newScope(): Scope {
  return { active: true, watchers: [] };
}

function sortedValues<T>(map: ReadonlyMap<string, T>): T[] {
  return [...map.keys()].sort().map((key) => map.get(key)!);
}

/** One replay of a model: build, run, then read the result. See docs/semantics.md. */
export class ReplayEngine {
  private readonly heap = new MinHeap<Timed>();
  private readonly index = new PatternIndex<Payload>();
  private readonly instruments = new Map<string, InstrumentRt>();
  private readonly provisions = new Map<string, ProvisionRt>();
  private readonly store: FactStore;
  private readonly evaluator: ConditionEvaluator;
  private readonly derived: DerivedFacts;
  private readonly whenDependents = new Map<string, ProvisionRt[]>();
  private readonly records: MutableRecord[] = [];
  private readonly bindings = new Bindings();
  private readonly candidates: Subscription<Payload>[] = [];
  private readonly fulfilQueue: ProvisionRt[] = [];
  private readonly violateQueue: ProvisionRt[] = [];
  private readonly watchQueue: Watcher[] = [];
  private readonly factQueue: Subscription<Payload>[] = [];
  private readonly limitKey: number;
  /** The last day replayed (Infinity when unbounded). */
  private readonly until: Day;
  /** Index of the next event to process; during an event, that event's index. */
  private cursor = 0;
  private now: Day = 0;

  constructor(
    private readonly model: Model,
    private readonly events: readonly Event[],
    until: Day | null,
  ) {
    this.limitKey = until === null ? Number.POSITIVE_INFINITY : keyOf(until, PHASE_EVENTS);
    this.until = until ?? Number.NEGATIVE_INFINITY;
    this.store = new FactStore([...model.parties.keys()].sort());
    this.evaluator = new ConditionEvaluator(model.facts, this.store);
    this.derived = new DerivedFacts(this.evaluator, this.store);
    this.setUp();
  }

  // ---------------------------------------------------------------- set-up

  private setUp(): void {
    for (const def of sortedValues(this.model.instruments)) {
      this.instruments.set(def.id, {
        def,
        tl: new TimelineBuilder(),
        state: null,
        signers: new Set(),
        ratifiers: new Set(),
        signatureDay: null,
        signatureEvent: null,
        eifDay: null,
        expiryVersion: 0,
        notices: [],
        noticesAhead: 0,
        provisions: [],
        eifHooks: [],
        signatureHooks: [],
        eifAmendments: [],
        waitingAmendments: [],
      });
    }
    for (const def of sortedValues(this.model.provisions)) {
      const inst = this.instruments.get(def.instrument);
      if (inst === undefined) continue;
      const p: ProvisionRt = {
        def,
        inst,
        tl: new TimelineBuilder(),
        terms: def,
        state: null,
        opened: false,
        openedDay: 0,
        final: false,
        fulfilledDay: null,
        violatedDay: null,
        finalHooks: [],
        anchorScope: newScope(),
        anchorDay: null,
        anchorEvent: null,
        activated: false,
        activationDay: 0,
        condHolds: true,
        fulfilSub: null,
        violateSub: null,
        dueScope: newScope(),
        deadline: null,
        deadlineVersion: 0,
        deadlineSources: def.sources,
        overdue: false,
        untilScope: newScope(),
        untilValue: null,
        untilVersion: 0,
      };
      this.provisions.set(def.id, p);
      inst.provisions.push(p);
      if (def.when !== undefined) this.watchCondition(p, def.when);
    }
    for (const event of this.events) {
      const first = event.objects[0];
      if (event.type === "denounce" && first?.kind === "ref") {
        const inst = this.instruments.get(first.id);
        if (inst !== undefined) inst.noticesAhead++;
      }
    }
    for (const fact of sortedValues(this.model.facts)) {
      if (fact.derived !== undefined) continue;
      for (const pattern of fact.starts) this.index.add(pattern, null, { kind: "fact-start", fact });
      for (const pattern of fact.ends) this.index.add(pattern, null, { kind: "fact-end", fact });
    }
    for (const inst of this.instruments.values()) {
      const rule = inst.def.entryIntoForce;
      if (rule?.kind === "on-date")
        this.heap.push(keyOf(rule.date.first, PHASE_DATED), { kind: "entry-into-force", inst });
      for (const def of inst.def.amendments) {
        const target = this.provisions.get(def.provision);
        if (target === undefined) continue;
        const amendment: AmendmentRt = { def, by: inst, target, applied: false };
        if (def.changes.when !== undefined) this.watchCondition(target, def.changes.when);
        if (def.from === undefined) inst.eifAmendments.push(amendment);
        else this.heap.push(keyOf(def.from.first, PHASE_DATED), { kind: "amendment", amendment });
      }
    }
  }

  /** Files a provision under the primitive facts its condition depends on; tracks derived ones. */
  private watchCondition(p: ProvisionRt, condition: NonNullable<ProvisionTerms["when"]>): void {
    for (const name of this.evaluator.dependencies(condition)) {
      let list = this.whenDependents.get(name);
      if (list === undefined) {
        list = [];
        this.whenDependents.set(name, list);
      }
      if (!list.includes(p)) list.push(p);
    }
    for (const atom of this.evaluator.groundAtoms(condition, p.def, true)) this.derived.track(atom);
  }

  // ---------------------------------------------------------------- the fold

  run(): void {
    const events = this.events;
    let started = false;
    for (;;) {
      const event = events[this.cursor];
      const eventKey =
        event === undefined ? Number.POSITIVE_INFINITY : keyOf(event.date.first, PHASE_EVENTS);
      const timedKey = this.heap.peekKey();
      const key = eventKey < timedKey ? eventKey : timedKey;
      if (key === Number.POSITIVE_INFINITY || key > this.limitKey) break;
      this.now = Math.floor(key / 4);
      if (!started) {
        started = true;
        this.derived.initialise(this.now);
      }
      if (timedKey < eventKey) this.runTimed(this.heap.pop()!);
      else {
        this.processEvent(event!);
        this.cursor++;
      }
    }
  }

  private schedule(day: Day, phase: number, item: Timed): void {
    this.heap.push(keyOf(day, phase), item);
  }

  private runTimed(item: Timed): void {
    switch (item.kind) {
      case "entry-into-force":
        this.enterIntoForceByRule(item.inst);
        return;
      case "expiry":
        this.expire(item.inst, item.version);
        return;
      case "denunciation":
        this.endByDenunciation(item.inst, item.notice);
        return;
      case "amendment":
        this.amendmentDue(item.amendment);
        return;
      case "anchor-date":
        if (item.scope.active) this.anchorFired(item.provision, this.now, null);
        return;
      case "deadline":
        this.deadlinePassed(item.provision, item.version);
        return;
      case "until":
        this.untilPassed(item.provision, item.version);
        return;
      default:
        assertNever(item);
    }
  }

  /**
   * One event. Who it concerns is decided against the state before it (so an event never
   * fulfils or fires a limb of something it brought about itself); then its effects apply in a
   * fixed order: lifecycle, facts and conditions, fulfilment and violation, anchors and limbs.
   */
  private processEvent(event: Event): void {
    const candidates = this.candidates;
    candidates.length = 0;
    this.index.collect(event, candidates);
    if (candidates.length === 0) {
      if (isLifecycle(event.type) || event.type === "discharge") this.lifecycle(event);
      return;
    }
    const fulfil = this.fulfilQueue;
    const violate = this.violateQueue;
    const watch = this.watchQueue;
    const facts = this.factQueue;
    fulfil.length = 0;
    violate.length = 0;
    watch.length = 0;
    facts.length = 0;
    for (let i = 0; i < candidates.length; i++) {
      const sub = candidates[i]!;
      const payload = sub.payload;
      switch (payload.kind) {
        case "fulfil":
          if (payload.provision.state === "in-effect" && this.matches(sub, event))
            fulfil.push(payload.provision);
          break;
        case "violate":
          if (payload.provision.state === "in-effect" && this.matches(sub, event))
            violate.push(payload.provision);
          break;
        case "watch":
          if (payload.watcher.scope.active && this.matches(sub, event)) watch.push(payload.watcher);
          break;
        case "fact-start":
        case "fact-end":
          facts.push(sub);
          break;
        default:
          assertNever(payload);
      }
    }
    if (isLifecycle(event.type) || event.type === "discharge") this.lifecycle(event);
    if (facts.length > 0) this.applyFacts(event, facts);
    for (let i = 0; i < fulfil.length; i++) this.fulfil(fulfil[i]!, event);
    for (let i = 0; i < violate.length; i++) this.violateByEvent(violate[i]!, event);
    for (let i = 0; i < watch.length; i++) {
      const watcher = watch[i]!;
      if (!watcher.scope.active || watcher.sub === null) continue;
      this.index.remove(watcher.sub);
      watcher.sub = null;
      watcher.fire(event);
    }
  }

  private matches(sub: Subscription<Payload>, event: Event): boolean {
    return matchPattern(sub.pattern, event, sub.roles, this.bindings);
  }

  // ---------------------------------------------------------------- instruments

  private lifecycle(event: Event): void {
    const first = event.objects[0];
    if (first === undefined || first.kind !== "ref") return;
    if (event.type === "discharge") {
      const p = this.provisions.get(first.id);
      if (p !== undefined && p.opened && !p.final)
        this.finalize(
          p,
          "discharged",
          {
            kind: "event",
            summary: `Discharged by ${describeEvent(event)}`,
            event: event.id,
            sources: mergeSources(event.sources, p.def.sources),
          },
          "open",
        );
      return;
    }
    const type = event.type;
    if (!isLifecycle(type)) return;
    const inst = this.instruments.get(first.id);
    if (inst === undefined) return;
    switch (type) {
      case "sign":
        this.sign(inst, event);
        return;
      case "ratify":
        this.ratify(inst, event);
        return;
      case "exchange":
        if (inst.def.entryIntoForce?.kind === "on-exchange")
          this.enterIntoForce(inst, {
            kind: "rule",
            summary: `Entered into force on the exchange of instruments of ratification, ${describeEvent(event)}`,
            event: event.id,
            rule: describeRule(inst.def),
            sources: mergeSources(inst.def.entryIntoForceSources, event.sources),
          });
        return;
      case "enter-into-force":
        this.enterIntoForce(inst, {
          kind: "event",
          summary: `Entered into force by ${describeEvent(event)}`,
          event: event.id,
          sources: mergeSources(event.sources, inst.def.entryIntoForceSources),
        });
        return;
      case "denounce":
        this.denounce(inst, event);
        return;
      case "terminate":
        this.endInstrument(inst, "terminated", {
          kind: "event",
          summary: `Terminated by ${describeEvent(event)}`,
          event: event.id,
          sources: event.sources,
        });
        return;
      case "expire":
        this.endInstrument(inst, "expired", {
          kind: "event",
          summary: `Expired as recorded by ${describeEvent(event)}`,
          event: event.id,
          sources: event.sources,
        });
        return;
      case "suspend":
        this.suspend(inst, event);
        return;
      case "resume":
        this.resume(inst, event);
        return;
      default:
        assertNever(type);
    }
  }

  private setInstrumentState(inst: InstrumentRt, state: InstrumentState, reason: Reason): void {
    inst.state = state;
    inst.tl.set(this.now, state, reason);
  }

  private sign(inst: InstrumentRt, event: Event): void {
    if (isEnded(inst.state)) return;
    const who = event.actors.length > 0 ? event.actors : inst.def.parties;
    const firstSignature = inst.signers.size === 0;
    for (const party of who) inst.signers.add(party);
    if (inst.state === null) {
      this.setInstrumentState(inst, "signed", {
        kind: "event",
        summary: `Signed: ${describeEvent(event)}`,
        event: event.id,
        sources: event.sources,
      });
      this.openProvisions(inst, `${inst.def.id} was signed on ${formatDay(this.now)}`);
    }
    if (inst.signatureDay !== null || !inst.def.parties.every((p) => inst.signers.has(p))) return;
    inst.signatureDay = this.now;
    inst.signatureEvent = event;
    this.fireHooks(inst.signatureHooks, event);
    inst.signatureHooks = [];
    const rule = inst.def.entryIntoForce;
    if (rule?.kind === "on-signature")
      this.enterIntoForce(inst, {
        kind: "rule",
        summary: `Entered into force on signature: ${firstSignature ? "signed by all parties" : "signature completed"} by ${describeEvent(event)}`,
        event: event.id,
        rule: describeRule(inst.def),
        sources: mergeSources(inst.def.entryIntoForceSources, event.sources),
      });
    else if (rule?.kind === "after-signature")
      this.schedule(addDuration(this.now, rule.duration), PHASE_DATED, {
        kind: "entry-into-force",
        inst,
      });
  }

  private ratify(inst: InstrumentRt, event: Event): void {
    if (isEnded(inst.state)) return;
    const who = event.actors.length > 0 ? event.actors : inst.def.parties;
    for (const party of who) inst.ratifiers.add(party);
    if (inst.def.entryIntoForce?.kind !== "on-ratification") return;
    if (!inst.def.parties.every((p) => inst.ratifiers.has(p))) return;
    this.enterIntoForce(inst, {
      kind: "rule",
      summary: `Entered into force on ratification: ratified by all parties, the last by ${describeEvent(event)}`,
      event: event.id,
      rule: describeRule(inst.def),
      sources: mergeSources(inst.def.entryIntoForceSources, event.sources),
    });
  }

  /** A dated entry into force: `in-force on DATE` or `in-force DURATION after signature`. */
  private enterIntoForceByRule(inst: InstrumentRt): void {
    const rule = inst.def.entryIntoForce;
    if (rule?.kind === "on-date")
      this.enterIntoForce(inst, {
        kind: "rule",
        summary: `Entered into force on ${formatDay(this.now)}, the date its entry-into-force rule fixes`,
        rule: describeRule(inst.def),
        sources: inst.def.entryIntoForceSources,
      });
    else if (rule?.kind === "after-signature" && inst.signatureDay !== null) {
      const signed = inst.signatureEvent;
      this.enterIntoForce(inst, {
        kind: "rule",
        summary: `Entered into force ${formatDuration(rule.duration)} after signature, completed on ${formatDay(inst.signatureDay)}${signed === null ? "" : ` by ${signed.id}`}`,
        ...(signed === null ? {} : { event: signed.id }),
        rule: describeRule(inst.def),
        sources: mergeSources(inst.def.entryIntoForceSources, signed?.sources ?? []),
      });
    }
  }

  private enterIntoForce(inst: InstrumentRt, reason: Reason): void {
    if (inst.eifDay !== null || isEnded(inst.state)) return;
    const first = inst.state === null;
    inst.eifDay = this.now;
    this.setInstrumentState(inst, "in-force", reason);
    if (first) this.openProvisions(inst, `${inst.def.id} entered into force on ${formatDay(this.now)}`);
    const term = inst.def.term;
    if (term !== undefined)
      this.schedule(addDuration(this.now, term.duration), PHASE_DATED, {
        kind: "expiry",
        inst,
        version: inst.expiryVersion,
      });
    this.fireHooks(inst.eifHooks, null);
    inst.eifHooks = [];
    for (const relation of inst.def.relations) {
      switch (relation.kind) {
        case "supersedes":
        case "voids": {
          const target = this.instruments.get(relation.target);
          if (target === undefined) break;
          const superseded = relation.kind === "supersedes";
          this.endInstrument(target, superseded ? "superseded" : "void", {
            kind: "relation",
            summary: `${superseded ? "Superseded" : "Void"}: ${inst.def.id}, which ${relation.kind} it, entered into force on ${formatDay(this.now)}`,
            instrument: inst.def.id,
            rule: `${relation.kind} ${relation.target}`,
            sources: relation.sources,
            because: [{ kind: "instrument", id: inst.def.id, day: this.now }],
          });
          break;
        }
        case "companion-of":
        case "implements":
          break;
        default:
          assertNever(relation.kind);
      }
    }
    for (const amendment of inst.eifAmendments) this.applyAmendment(amendment);
    for (const p of inst.provisions) this.tryActivate(p, "entry-into-force");
  }

  private denounce(inst: InstrumentRt, event: Event): void {
    inst.noticesAhead--;
    if (isEnded(inst.state)) return;
    inst.notices.push({ event, used: false });
    const period = inst.def.denunciation;
    if (period !== undefined && (inst.state === "in-force" || inst.state === "suspended"))
      this.schedule(addDuration(this.now, period), PHASE_DATED, {
        kind: "denunciation",
        inst,
        notice: event,
      });
  }

  private endByDenunciation(inst: InstrumentRt, notice: Event): void {
    const period = inst.def.denunciation;
    if (period === undefined) return;
    this.endInstrument(inst, "terminated", {
      kind: "event",
      summary: `Terminated ${formatDuration(period)} after the notice of denunciation ${describeEvent(notice)}`,
      event: notice.id,
      rule: `denunciation ${formatDuration(period)}`,
      sources: mergeSources(notice.sources, inst.def.sources),
    });
  }

  /** The term runs out on `now`: expire, or renew tacitly unless notice was given in time. */
  private expire(inst: InstrumentRt, version: number): void {
    const term = inst.def.term;
    if (version !== inst.expiryVersion || isEnded(inst.state) || inst.eifDay === null || !term)
      return;
    const expiry = this.now;
    const renewal = term.renewal;
    if (renewal === undefined) {
      this.endInstrument(inst, "expired", {
        kind: "rule",
        summary: `Expired on ${formatDay(expiry)}: its term of ${formatDuration(term.duration)} from entry into force on ${formatDay(inst.eifDay)} ran out`,
        rule: describeTerm(term),
        sources: inst.def.sources,
      });
      return;
    }
    const noticeBy = addDuration(expiry, renewal.notice, -1);
    const windowOpens =
      renewal.window === undefined ? null : addDuration(expiry, renewal.window, -1);
    const eif = inst.eifDay;
    const notice = inst.notices.find((n) => {
      const day = n.event.date.first;
      return !n.used && day >= eif && day <= noticeBy && (windowOpens === null || day >= windowOpens);
    });
    if (notice !== undefined) {
      notice.used = true;
      this.endInstrument(inst, "expired", {
        kind: "event",
        summary: `Expired on ${formatDay(expiry)}: notice of non-renewal ${describeEvent(notice.event)} was given no later than ${formatDay(noticeBy)}${windowOpens === null ? "" : `, within the window opening ${formatDay(windowOpens)}`}`,
        event: notice.event.id,
        rule: describeTerm(term),
        sources: mergeSources(notice.event.sources, inst.def.sources),
      });
      return;
    }
    const next = addDuration(expiry, renewal.duration);
    if (inst.state === "in-force") {
      const late = inst.notices.find(
        (n) => !n.used && n.event.date.first > noticeBy && n.event.date.first <= expiry,
      );
      const lateText =
        late === undefined
          ? ""
          : `; the notice ${late.event.id} of ${formatDay(late.event.date.first)} came too late and counts for the next expiry`;
      this.setInstrumentState(inst, "in-force", {
        kind: "rule",
        summary: `Renewed tacitly for ${formatDuration(renewal.duration)} to ${formatDay(next)}: no notice of non-renewal by ${formatDay(noticeBy)}${lateText}`,
        rule: describeTerm(term),
        sources: inst.def.sources,
      });
    }
    const nextWindow =
      renewal.window === undefined ? null : addDuration(next, renewal.window, -1);
    const noticeMayCount = inst.notices.some(
      (n) =>
        !n.used &&
        n.event.date.first >= eif &&
        (nextWindow === null || n.event.date.first >= nextWindow),
    );
    if (noticeMayCount || inst.noticesAhead > 0 || next <= this.until)
      this.schedule(next, PHASE_DATED, { kind: "expiry", inst, version: inst.expiryVersion });
  }

  private endInstrument(inst: InstrumentRt, state: InstrumentState, reason: Reason): void {
    if (isEnded(inst.state)) return;
    inst.expiryVersion++;
    this.setInstrumentState(inst, state, reason);
    const expired = state === "expired";
    const because: readonly Cause[] = [{ kind: "instrument", id: inst.def.id, day: this.now }];
    for (const p of inst.provisions) {
      if (!p.opened || p.final) continue;
      this.finalize(
        p,
        expired ? "expired" : "discharged",
        {
          kind: "rule",
          summary: expired
            ? `Expired with ${inst.def.id} on ${formatDay(this.now)}`
            : `Discharged: ${inst.def.id} was ${state} on ${formatDay(this.now)}`,
          instrument: inst.def.id,
          sources: reason.sources,
          because,
        },
        "open",
      );
    }
  }

  private suspend(inst: InstrumentRt, event: Event): void {
    if (inst.state !== "in-force") return;
    this.setInstrumentState(inst, "suspended", {
      kind: "event",
      summary: `Suspended by ${describeEvent(event)}`,
      event: event.id,
      sources: event.sources,
    });
    const because: readonly Cause[] = [{ kind: "instrument", id: inst.def.id, day: this.now }];
    for (const p of inst.provisions) {
      if (!p.opened || p.final) continue;
      this.setProvisionState(p, "suspended", {
        kind: "rule",
        summary: `Suspended with ${inst.def.id} on ${formatDay(this.now)}`,
        instrument: inst.def.id,
        event: event.id,
        sources: event.sources,
        because,
      });
    }
  }

  private resume(inst: InstrumentRt, event: Event): void {
    if (inst.state !== "suspended") return;
    this.setInstrumentState(inst, "in-force", {
      kind: "event",
      summary: `In force again: resumed by ${describeEvent(event)}`,
      event: event.id,
      sources: event.sources,
    });
    const because: readonly Cause[] = [{ kind: "instrument", id: inst.def.id, day: this.now }];
    for (const p of inst.provisions) {
      if (!p.opened || p.final) continue;
      const state = this.desiredState(p);
      this.setProvisionState(p, state, {
        kind: "rule",
        summary: `${state === "in-effect" ? "In effect" : "Pending"} again: ${inst.def.id} resumed on ${formatDay(this.now)}`,
        instrument: inst.def.id,
        event: event.id,
        sources: event.sources,
        because,
      });
      this.tryActivate(p, "resume");
      this.checkOverdue(p);
    }
  }

  private fireHooks(hooks: readonly Hook[], event: Event | null): void {
    for (const hook of hooks) if (hook.scope.active) hook.fire(this.now, event);
  }

  // ---------------------------------------------------------------- amendments

  /** An amendment's `from` date has come: apply it if its instrument exists by then. */
  private amendmentDue(amendment: AmendmentRt): void {
    const state = amendment.by.state;
    if (state === null) amendment.by.waitingAmendments.push(amendment);
    else if (!isEnded(state)) this.applyAmendment(amendment);
  }

  private applyAmendment(amendment: AmendmentRt): void {
    if (amendment.applied) return;
    amendment.applied = true;
    const p = amendment.target;
    if (p.final) return;
    const changes = amendment.def.changes;
    const before = p.terms;
    p.terms = { ...before, ...changes };
    if (!p.opened) return;
    const by = amendment.by.def.id;
    const parts: string[] = [];
    let dueValue: TimeValue | null = null;
    let untilValue: TimeValue | null = null;
    const dueChanged = changes.due !== undefined;
    const untilChanged = changes.until !== undefined;
    if (changes.due !== undefined) {
      const old = p.deadline;
      const oldText = before.due === undefined ? "none" : `'${before.due.text}'`;
      if (p.activated) {
        dueValue = this.trackTime(p, "due");
        const oldDue =
          old !== null ? ` (due ${formatDay(old.day)})` : before.due === undefined ? "" : " (not yet fixed)";
        parts.push(
          `deadline ${oldText}${oldDue} replaced by '${changes.due.text}'${dueValue === null ? " (not yet fixed)" : ` (due ${formatDay(dueValue.day)})`}`,
        );
      } else parts.push(`deadline ${oldText} replaced by '${changes.due.text}'`);
    }
    if (changes.until !== undefined) {
      if (p.activated) untilValue = this.trackTime(p, "until");
      parts.push(`end now '${changes.until.text}'`);
    }
    if (changes.from !== undefined) parts.push(`start now '${formatAnchor(changes.from)}'`);
    if (changes.when !== undefined) {
      parts.push(`condition now '${formatCondition(changes.when)}'`);
      if (p.activated) p.condHolds = this.evaluator.holds(changes.when, p.def);
    }
    if (changes.fulfilledBy !== undefined) parts.push(`fulfilled by '${changes.fulfilledBy.text}'`);
    if (changes.violatedBy !== undefined) parts.push(`violated by '${changes.violatedBy.text}'`);
    if (
      p.activated &&
      (changes.fulfilledBy !== undefined || changes.violatedBy !== undefined)
    )
      this.subscribeTerms(p);
    const sources = amendment.def.sources;
    this.setProvisionState(p, this.desiredState(p), {
      kind: "amendment",
      summary: `Amended by ${by} from ${formatDay(this.now)}: ${parts.length > 0 ? parts.join("; ") : "no term changed"}`,
      instrument: by,
      sources,
      because: [{ kind: "instrument", id: by, day: this.now }],
    });
    if (dueChanged && p.activated) {
      p.deadlineSources = mergeSources(p.def.sources, sources);
      this.commitDeadline(p, dueValue);
    }
    if (untilChanged && p.activated) this.commitUntil(p, untilValue);
    if (changes.from !== undefined && !p.activated) {
      this.cancel(p.anchorScope);
      p.anchorScope = newScope();
      p.anchorDay = null;
      p.anchorEvent = null;
      this.setUpAnchor(p);
    }
    this.checkOverdue(p);
  }

  // ---------------------------------------------------------------- provisions

  private openProvisions(inst: InstrumentRt, what: string): void {
    const because: readonly Cause[] = [{ kind: "instrument", id: inst.def.id, day: this.now }];
    for (const p of inst.provisions) {
      if (p.opened) continue;
      p.opened = true;
      p.openedDay = this.now;
      this.setProvisionState(p, "pending", {
        kind: "rule",
        summary: `Pending: ${what}; in effect from ${formatAnchor(p.terms.from)}`,
        instrument: inst.def.id,
        sources: p.def.sources,
        because,
      });
      this.setUpAnchor(p);
    }
    const waiting = inst.waitingAmendments.splice(0);
    for (const amendment of waiting) this.applyAmendment(amendment);
  }

  private setProvisionState(p: ProvisionRt, state: ProvisionState, reason: Reason): void {
    p.state = state;
    p.tl.set(this.now, state, reason);
  }

  /** The state an open provision should have now, given its instrument, start and condition. */
  private desiredState(p: ProvisionRt): ProvisionState {
    if (p.inst.state === "suspended") return "suspended";
    if (!p.activated) return "pending";
    if (p.terms.when !== undefined && !p.condHolds) return "pending";
    return "in-effect";
  }

  private setUpAnchor(p: ProvisionRt): void {
    const scope = p.anchorScope;
    const anchor = p.terms.from;
    const fire = (day: Day, event: Event | null): void => {
      if (scope.active) this.anchorFired(p, day, event);
    };
    if (anchor.kind === "date") {
      const day = anchor.date.first;
      if (day <= this.now) fire(day, null);
      else this.schedule(day, PHASE_DATED, { kind: "anchor-date", provision: p, scope });
      return;
    }
    this.watchAnchor(p, scope, anchor, p.openedDay, fire);
  }

  /** Calls `fire` now or later with the day (and event) of an anchor. Dates fire at once. */
  private watchAnchor(
    p: ProvisionRt,
    scope: Scope,
    anchor: Anchor,
    fromDay: Day,
    fire: (day: Day, event: Event | null) => void,
  ): void {
    const inst = p.inst;
    switch (anchor.kind) {
      case "entry-into-force":
        if (inst.eifDay !== null) fire(inst.eifDay, null);
        else inst.eifHooks.push({ scope, fire });
        return;
      case "signature":
        if (inst.signatureDay !== null) fire(inst.signatureDay, inst.signatureEvent);
        else inst.signatureHooks.push({ scope, fire });
        return;
      case "date":
        fire(anchor.date.first, null);
        return;
      case "event":
        this.watchPattern(p, scope, anchor.pattern, fromDay, fire);
        return;
      case "fulfilment":
      case "violation": {
        const other = this.provisions.get(anchor.provision);
        if (other === undefined) return;
        const day = anchor.kind === "fulfilment" ? other.fulfilledDay : other.violatedDay;
        if (day !== null) fire(day, null);
        else if (!other.final)
          other.finalHooks.push({ scope, fire, on: anchor.kind });
        return;
      }
      default:
        assertNever(anchor);
    }
  }

  /**
   * Calls `fire` with the first event on or after `fromDay` matching the pattern: one already
   * replayed (before the current event), or the next one to come.
   */
  private watchPattern(
    p: ProvisionRt,
    scope: Scope,
    pattern: EventPattern,
    fromDay: Day,
    fire: (day: Day, event: Event | null) => void,
  ): void {
    const events = this.events;
    let lo = 0;
    let hi = this.cursor;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (events[mid]!.date.first < fromDay) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo; j < this.cursor; j++) {
      const event = events[j]!;
      if (matchPattern(pattern, event, p.def, this.bindings)) {
        fire(event.date.first, event);
        return;
      }
    }
    const watcher: Watcher = {
      scope,
      fire: (event) => fire(event.date.first, event),
      sub: null,
    };
    watcher.sub = this.index.add(pattern, p.def, { kind: "watch", watcher });
    scope.watchers.push(watcher);
  }

  private cancel(scope: Scope): void {
    scope.active = false;
    for (const watcher of scope.watchers) {
      if (watcher.sub !== null) this.index.remove(watcher.sub);
      watcher.sub = null;
    }
    scope.watchers.length = 0;
  }

  private anchorFired(p: ProvisionRt, day: Day, event: Event | null): void {
    if (p.final || p.anchorDay !== null) return;
    p.anchorDay = day;
    p.anchorEvent = event;
    this.tryActivate(p, "anchor");
  }

  /** Brings a provision into effect once its start has come and its instrument is in force. */
  private tryActivate(p: ProvisionRt, trigger: "anchor" | "entry-into-force" | "resume"): void {
    if (p.final || p.activated || !p.opened || p.anchorDay === null) return;
    if (p.inst.state !== "in-force") return;
    p.activated = true;
    p.activationDay = this.now;
    this.subscribeTerms(p);
    const when = p.terms.when;
    p.condHolds = when === undefined || this.evaluator.holds(when, p.def);
    const dueValue = p.terms.due === undefined ? null : this.trackTime(p, "due");
    const untilValue = p.terms.until === undefined ? null : this.trackTime(p, "until");
    const state = this.desiredState(p);
    this.setProvisionState(p, state, this.activationReason(p, trigger, state));
    this.commitDeadline(p, dueValue);
    this.commitUntil(p, untilValue);
  }

  private activationReason(
    p: ProvisionRt,
    trigger: "anchor" | "entry-into-force" | "resume",
    state: ProvisionState,
  ): Reason {
    const inst = p.inst.def.id;
    const anchor = p.terms.from;
    const today = formatDay(this.now);
    const rule = `from ${formatAnchor(anchor)}`;
    const onInstrument: readonly Cause[] = [{ kind: "instrument", id: inst, day: this.now }];
    const started =
      anchor.kind === "entry-into-force" || p.anchorDay === null
        ? ""
        : `; its start '${formatAnchor(anchor)}' had come on ${formatDay(p.anchorDay)}`;
    let reason: Reason;
    if (trigger === "resume")
      reason = {
        kind: "rule",
        summary: `In effect once ${inst} resumed on ${today}${started}`,
        instrument: inst,
        rule,
        sources: p.def.sources,
        because: onInstrument,
      };
    else if (trigger === "entry-into-force" || anchor.kind === "entry-into-force")
      reason = {
        kind: "rule",
        summary: `In effect from the entry into force of ${inst} on ${today}${started}`,
        instrument: inst,
        rule,
        sources: p.def.sources,
        because: onInstrument,
      };
    else
      switch (anchor.kind) {
        case "signature":
          reason = {
            kind: "rule",
            summary: `In effect from the signature of ${inst}, completed on ${today}`,
            instrument: inst,
            rule,
            sources: p.def.sources,
            because: onInstrument,
          };
          break;
        case "date":
          reason = {
            kind: "rule",
            summary: `In effect from ${today}, the start its terms fix ('${anchor.date.text}')`,
            rule,
            sources: p.def.sources,
            because: onInstrument,
          };
          break;
        case "event": {
          const event = p.anchorEvent;
          reason =
            event === null
              ? { kind: "rule", summary: `In effect from ${today}`, rule, sources: p.def.sources }
              : {
                  kind: "event",
                  summary: `In effect from ${describeEvent(event)}, matching '${anchor.pattern.text}'`,
                  event: event.id,
                  rule,
                  sources: mergeSources(event.sources, p.def.sources),
                  because: onInstrument,
                };
          break;
        }
        case "fulfilment":
        case "violation": {
          const day = p.anchorDay ?? this.now;
          reason = {
            kind: "rule",
            summary: `In effect from the ${anchor.kind} of ${anchor.provision} on ${formatDay(day)}`,
            rule,
            sources: p.def.sources,
            because: [{ kind: "provision", id: anchor.provision, day }],
          };
          break;
        }
        default:
          return assertNever(anchor);
      }
    if (state !== "pending" || p.terms.when === undefined) return reason;
    return {
      ...reason,
      kind: "condition",
      summary: `Pending: condition '${formatCondition(p.terms.when)}' does not hold (${reason.summary.charAt(0).toLowerCase()}${reason.summary.slice(1)})`,
      because: [...(reason.because ?? []), ...this.conditionCauses(p)],
    };
  }

  private conditionCauses(p: ProvisionRt): Cause[] {
    const when = p.terms.when;
    if (when === undefined) return [];
    return this.evaluator
      .groundAtoms(when, p.def, false)
      .map((atom) => ({ kind: "fact", id: atom.key, day: this.now }));
  }

  private subscribeTerms(p: ProvisionRt): void {
    if (p.fulfilSub !== null) this.index.remove(p.fulfilSub);
    if (p.violateSub !== null) this.index.remove(p.violateSub);
    p.fulfilSub = null;
    p.violateSub = null;
    const { fulfilledBy, violatedBy } = p.terms;
    if (fulfilledBy !== undefined)
      p.fulfilSub = this.index.add(fulfilledBy, p.def, { kind: "fulfil", provision: p });
    if (violatedBy !== undefined)
      p.violateSub = this.index.add(violatedBy, p.def, { kind: "violate", provision: p });
  }

  /** Starts tracking a provision's deadline or end anew, from its activation; returns its value. */
  private trackTime(p: ProvisionRt, which: "due" | "until"): TimeValue | null {
    const expr = which === "due" ? p.terms.due : p.terms.until;
    if (which === "due") {
      this.cancel(p.dueScope);
      p.dueScope = newScope();
    } else {
      this.cancel(p.untilScope);
      p.untilScope = newScope();
    }
    if (expr === undefined) return null;
    const scope = which === "due" ? p.dueScope : p.untilScope;
    const from = p.activationDay;
    const tracker = new TimeTracker(expr, {
      watchPattern: (pattern, fire) =>
        this.watchPattern(p, scope, pattern, from, (day) => fire(day)),
      watchAnchor: (anchor, fire) => this.watchAnchor(p, scope, anchor, from, (day) => fire(day)),
    });
    tracker.listen(() => {
      if (!scope.active || p.final) return;
      if (which === "due") this.commitDeadline(p, tracker.value());
      else this.commitUntil(p, tracker.value());
    });
    return tracker.value();
  }

  /** Records a provision's deadline as it now stands and schedules its check. */
  private commitDeadline(p: ProvisionRt, value: TimeValue | null): void {
    if (p.final) return;
    const previous = p.deadline;
    if (previous !== null && value !== null && previous.day === value.day && previous.limb === value.limb.text)
      return;
    if (previous !== null && previous.record.outcome === "open") previous.record.outcome = "replaced";
    p.deadlineVersion++;
    p.overdue = false;
    if (value === null) {
      p.deadline = null;
      return;
    }
    const record: MutableRecord = {
      provision: p.def.id,
      due: value.day,
      limb: value.limb.text,
      outcome: "open",
    };
    this.records.push(record);
    p.deadline = { day: value.day, limb: value.limb.text, record };
    if (value.day < this.now) {
      p.overdue = true;
      this.checkOverdue(p);
    } else
      this.schedule(value.day + 1, PHASE_PASSED, {
        kind: "deadline",
        provision: p,
        version: p.deadlineVersion,
      });
  }

  private commitUntil(p: ProvisionRt, value: TimeValue | null): void {
    if (p.final) return;
    p.untilVersion++;
    p.untilValue = value;
    if (value === null) return;
    if (value.day < this.now) this.untilPassed(p, p.untilVersion);
    else
      this.schedule(value.day + 1, PHASE_PASSED, {
        kind: "until",
        provision: p,
        version: p.untilVersion,
      });
  }

  /** The day after a deadline: violated if still in effect, else overdue until it is again. */
  private deadlinePassed(p: ProvisionRt, version: number): void {
    if (p.final || version !== p.deadlineVersion || p.deadline === null) return;
    p.overdue = true;
    if (p.state === "in-effect") this.violateByDeadline(p, false);
  }

  /** An in-effect provision whose deadline has passed is violated now. */
  private checkOverdue(p: ProvisionRt): void {
    if (p.overdue && !p.final && p.state === "in-effect" && p.deadline !== null)
      this.violateByDeadline(p, true);
  }

  private violateByDeadline(p: ProvisionRt, late: boolean): void {
    const deadline = p.deadline!;
    const due = formatDay(deadline.day);
    const summary = late
      ? `Violated on ${formatDay(this.now)}: its deadline ${due} (limb '${deadline.limb}') had already passed while it was not in effect`
      : `Violated: the deadline ${due} passed without performance; the governing limb was '${deadline.limb}'`;
    this.finalize(
      p,
      "violated",
      { kind: "deadline", summary, limb: deadline.limb, sources: p.deadlineSources },
      "violated",
    );
  }

  private untilPassed(p: ProvisionRt, version: number): void {
    const value = p.untilValue;
    if (p.final || version !== p.untilVersion || value === null) return;
    this.finalize(
      p,
      "expired",
      {
        kind: "deadline",
        summary: `Expired: its end '${value.limb.text}' came on ${formatDay(value.day)}`,
        limb: value.limb.text,
        sources: p.def.sources,
      },
      "open",
    );
  }

  private fulfil(p: ProvisionRt, event: Event): void {
    if (p.final || p.state !== "in-effect") return;
    const deadline = p.deadline;
    if (deadline !== null && this.now > deadline.day) return;
    const due = p.terms.due;
    const tail =
      deadline !== null
        ? `; the governing limb was '${deadline.limb}'`
        : due !== undefined
          ? `; its deadline '${due.text}' was not yet fixed`
          : "";
    this.finalize(
      p,
      "fulfilled",
      {
        kind: "event",
        summary: `Fulfilled by ${describeEvent(event)}${tail}`,
        event: event.id,
        ...(deadline === null ? {} : { limb: deadline.limb }),
        sources: mergeSources(event.sources, p.def.sources),
      },
      "fulfilled",
    );
  }

  private violateByEvent(p: ProvisionRt, event: Event): void {
    if (p.final || p.state !== "in-effect") return;
    const pattern = p.terms.violatedBy;
    this.finalize(
      p,
      "violated",
      {
        kind: "event",
        summary: `Violated by ${describeEvent(event)}${pattern === undefined ? "" : `, matching '${pattern.text}'`}`,
        event: event.id,
        sources: mergeSources(event.sources, p.def.sources),
      },
      "violated",
    );
  }

  /** A final state: fulfilled, violated, discharged or expired. Nothing changes it afterwards. */
  private finalize(
    p: ProvisionRt,
    state: ProvisionState,
    reason: Reason,
    outcome: DeadlineOutcome,
  ): void {
    if (p.final) return;
    p.final = true;
    this.setProvisionState(p, state, reason);
    if (p.deadline !== null && p.deadline.record.outcome === "open")
      p.deadline.record.outcome = outcome;
    this.cancel(p.anchorScope);
    this.cancel(p.dueScope);
    this.cancel(p.untilScope);
    if (p.fulfilSub !== null) this.index.remove(p.fulfilSub);
    if (p.violateSub !== null) this.index.remove(p.violateSub);
    p.fulfilSub = null;
    p.violateSub = null;
    if (state === "fulfilled") p.fulfilledDay = this.now;
    if (state === "violated") p.violatedDay = this.now;
    const hooks = p.finalHooks;
    p.finalHooks = [];
    for (const hook of hooks) {
      const wanted = hook.on === "fulfilment" ? "fulfilled" : "violated";
      if (hook.scope.active && wanted === state) hook.fire(this.now, null);
    }
  }

  // ---------------------------------------------------------------- facts

  private applyFacts(event: Event, subs: readonly Subscription<Payload>[]): void {
    const changed = new Set<string>();
    const day = this.now;
    for (const sub of subs) {
      const payload = sub.payload;
      if (payload.kind !== "fact-start" && payload.kind !== "fact-end") continue;
      const fact = payload.fact;
      const starting = payload.kind === "fact-start";
      matchPattern(sub.pattern, event, null, this.bindings, (bindings) => {
        const args = fact.params.map((param) => bindings.get(param) ?? null);
        if (starting) {
          if (args.some((a) => a === null)) return false;
          const values = args as string[];
          const key = `${fact.id}(${values.join(",")})`;
          if (
            this.store.start(fact.id, values, day, {
              kind: "event",
              summary: `${key} from ${describeEvent(event)}, matching '${sub.pattern.text}'`,
              event: event.id,
              sources: mergeSources(event.sources, fact.sources),
            })
          )
            changed.add(fact.id);
        } else if (this.store.end(fact.id, args, day) > 0) changed.add(fact.id);
        return false;
      });
    }
    if (changed.size === 0) return;
    this.derived.refresh(changed, day, event);
    const affected = new Set<ProvisionRt>();
    for (const name of changed) for (const p of this.whenDependents.get(name) ?? []) affected.add(p);
    for (const p of affected) {
      const when = p.terms.when;
      if (p.final || !p.activated || when === undefined) continue;
      const holds = this.evaluator.holds(when, p.def);
      if (holds === p.condHolds) continue;
      p.condHolds = holds;
      const state = this.desiredState(p);
      if (state === p.state) continue;
      const text = formatCondition(when);
      this.setProvisionState(p, state, {
        kind: "condition",
        summary:
          state === "in-effect"
            ? `In effect: condition '${text}' holds from ${describeEvent(event)}`
            : `Pending: condition '${text}' no longer holds from ${describeEvent(event)}`,
        event: event.id,
        sources: mergeSources(event.sources, p.def.sources),
        because: this.conditionCauses(p),
      });
      this.checkOverdue(p);
    }
  }

  // ---------------------------------------------------------------- result

  result(reading: string | null): Replay {
    const instruments = new Map<string, Timeline<InstrumentState>>();
    for (const [id, inst] of this.instruments) instruments.set(id, { id, intervals: inst.tl.build() });
    const provisions = new Map<string, Timeline<ProvisionState>>();
    for (const [id, p] of this.provisions) provisions.set(id, { id, intervals: p.tl.build() });
    const facts = new Map<string, Timeline<FactState>>();
    const timelines = this.store.timelines();
    for (const key of [...timelines.keys()].sort())
      facts.set(key, { id: key, intervals: timelines.get(key)! });
    const deadlines: DeadlineRecord[] = this.records
      .map((r) => ({ provision: r.provision, due: r.due, limb: r.limb, outcome: r.outcome }))
      .sort((a, b) => a.due - b.due || (a.provision < b.provision ? -1 : a.provision > b.provision ? 1 : 0));
    return { reading, instruments, provisions, facts, deadlines };
  }
}
