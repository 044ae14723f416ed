import type { Day } from "../language/calendar/day.ts";
import {
  addDuration,
  type Duration,
  formatDuration,
  maxDays,
} from "../language/calendar/duration.ts";
import type { Anchor } from "../language/model/anchor.ts";
import type { Condition } from "../language/model/condition.ts";
import {
  type Event,
  type LifecycleEventType,
  lifecycleEventTypes,
} from "../language/model/event.ts";
import type { Model } from "../language/model/model.ts";
import type { EventPattern } from "../language/model/pattern.ts";
import type { Provision, ProvisionTerms } from "../language/model/provision.ts";
import type { TimeExpression } from "../language/model/time-expression.ts";
import { assertNever } from "./assert-never.ts";
import { ConditionEvaluator } from "./condition-evaluator.ts";
import { argumentKey, conditionWatch } from "./condition-watch.ts";
import { dayText } from "./day-text.ts";
import type { DeadlineOutcome, DeadlineRecord } from "./deadline-record.ts";
import { DerivedFacts } from "./derived-facts.ts";
import { describeRule, describeTerm } from "./describe-instrument.ts";
import { type FactStore, newFactStore } from "./fact-store.ts";
import { formatAnchor, formatCondition } from "./format-condition.ts";
import { describeEvent } from "./format-event.ts";
import { LazyReason } from "./lazy-reason.ts";
import { MinHeap } from "./min-heap.ts";
import { OpenedReason, type Opening } from "./opened-reason.ts";
import { PatternIndex, type Subscription } from "./pattern-index.ts";
import { Bindings, matchPattern } from "./pattern-match.ts";
import { type Cause, mergeSources, type Reason } from "./reason.ts";
import { type ReplayPlan, replayPlan, sortedValues } from "./replay-plan.ts";
import type { Replay } from "./replay-result.ts";
import {
  type AmendmentRt,
  append,
  collectLive,
  type Hook,
  type InstrumentRt,
  isEnded,
  type MutableRecord,
  newInstrumentRt,
  newProvisionRt,
  newScope,
  none,
  type Payload,
  type ProvisionRt,
  type Scope,
  sameSources,
  type Target,
  type Timed,
  type Watcher,
} from "./replay-runtime.ts";
import { RuledFacts } from "./ruled-facts.ts";
import type { SelectedEvents } from "./select-events.ts";
import { TimeTracker, type TimeValue } from "./time-tracker.ts";
import type { FactState, InstrumentState, ProvisionState, Timeline } from "./timeline.ts";
import type { TimelineBuilder } from "./timeline-builder.ts";
import { TimelineMap } from "./timeline-map.ts";

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

// ---------------------------------------------------------------- reasons' sentences
// Each writes the summary of a LazyReason from what was captured at the change (see lazy-reason.ts).

const writeSigned = (event: Event): string => `Signed: ${describeEvent(event)}`;
const writeExchanged = (event: Event): string =>
  `Entered into force on the exchange of instruments of ratification, ${describeEvent(event)}`;
const writeSignedByAll = (event: Event): string =>
  `Entered into force on signature: signed by all parties by ${describeEvent(event)}`;
const writeSignatureCompleted = (event: Event): string =>
  `Entered into force on signature: signature completed by ${describeEvent(event)}`;
const writeRatifiedByAll = (event: Event): string =>
  `Entered into force on ratification: ratified by all parties by ${describeEvent(event)}`;
const writeRatificationCompleted = (event: Event): string =>
  `Entered into force on ratification: ratification completed by ${describeEvent(event)}`;
const writeInForceOnDate = (day: Day): string =>
  `Entered into force on ${dayText(day)}, the date its entry-into-force rule fixes`;
const writeInForceAfterSignature = (s: {
  readonly duration: Duration;
  readonly signed: Day;
  readonly by: string | undefined;
}): string =>
  `Entered into force ${formatDuration(s.duration)} after signature, completed on ${dayText(s.signed)}${s.by === undefined ? "" : ` by ${s.by}`}`;
const writeDenounced = (s: { readonly period: Duration; readonly notice: Event }): string =>
  `Terminated ${formatDuration(s.period)} after the notice of denunciation ${describeEvent(s.notice)}`;
const writeTermRanOut = (s: {
  readonly expiry: Day;
  readonly duration: Duration;
  readonly eif: Day;
}): string =>
  `Expired on ${dayText(s.expiry)}: its term of ${formatDuration(s.duration)} from entry into force on ${dayText(s.eif)} ran out`;
const writeNotRenewed = (s: {
  readonly expiry: Day;
  readonly notice: Event;
  readonly noticeBy: Day;
  readonly windowOpens: Day | null;
}): string =>
  `Expired on ${dayText(s.expiry)}: notice of non-renewal ${describeEvent(s.notice)} was given no later than ${dayText(s.noticeBy)}${s.windowOpens === null ? "" : `, within the window opening ${dayText(s.windowOpens)}`}`;
const writeRenewed = (s: {
  readonly duration: Duration;
  readonly next: Day;
  readonly noticeBy: Day;
  readonly late: Event | undefined;
}): string => {
  const late =
    s.late === undefined
      ? ""
      : `; the notice ${s.late.id} of ${dayText(s.late.date.first)} came too late and counts for the next expiry`;
  return `Renewed tacitly for ${formatDuration(s.duration)} to ${dayText(s.next)}: no notice of non-renewal by ${dayText(s.noticeBy)}${late}`;
};
const writeEndedWith = (s: {
  readonly id: string;
  readonly state: InstrumentState;
  readonly day: Day;
}): string =>
  s.state === "expired"
    ? `Expired with ${s.id} on ${dayText(s.day)}`
    : `Discharged: ${s.id} was ${s.state} on ${dayText(s.day)}`;
/** What an activation captures: the instrument, the day, and the start if it came earlier. */
interface Activation {
  readonly inst: string;
  readonly today: Day;
  readonly anchor: Anchor;
  /** The day the start came, when it is not the entry into force. */
  readonly started: Day | null;
}

function startedText(s: Activation): string {
  return s.started === null
    ? ""
    : `; its start '${formatAnchor(s.anchor)}' had come on ${dayText(s.started)}`;
}

const writeInEffectOnResumption = (s: Activation): string =>
  `In effect once ${s.inst} resumed on ${dayText(s.today)}${startedText(s)}`;
const writeInEffectOnEntryIntoForce = (s: Activation): string =>
  `In effect from the entry into force of ${s.inst} on ${dayText(s.today)}${startedText(s)}`;
const writeInEffectOnSignature = (s: { readonly inst: string; readonly today: Day }): string =>
  `In effect from the signature of ${s.inst}, completed on ${dayText(s.today)}`;
const writeInEffectOnDate = (s: { readonly today: Day; readonly date: string }): string =>
  `In effect from ${dayText(s.today)}, the start its terms fix ('${s.date}')`;
const writeInEffectFrom = (day: Day): string => `In effect from ${dayText(day)}`;
const writeInEffectOnEvent = (s: {
  readonly event: Event;
  readonly pattern: EventPattern;
}): string => `In effect from ${describeEvent(s.event)}, matching '${s.pattern.text}'`;
const writeInEffectOnOutcome = (s: {
  readonly anchor: Anchor & { readonly kind: "fulfilment" | "violation" };
  readonly day: Day;
}): string => `In effect from the ${s.anchor.kind} of ${s.anchor.provision} on ${dayText(s.day)}`;
const writeConditionPending = (s: {
  readonly when: Condition;
  readonly anchor: Anchor;
  readonly today: Day;
}): string =>
  `Pending: condition '${formatCondition(s.when)}' does not hold, though its start '${formatAnchor(s.anchor)}' had come by ${dayText(s.today)}`;
/** What changed a condition: an event, or (facts with rules, settled at a day's end) a day. */
interface ConditionChange {
  readonly when: Condition;
  readonly event: Event | null;
  readonly day: Day;
}
const conditionCause = (s: ConditionChange): string =>
  s.event === null ? `on ${dayText(s.day)}` : `from ${describeEvent(s.event)}`;
const writeConditionHolds = (s: ConditionChange): string =>
  `In effect: condition '${formatCondition(s.when)}' holds ${conditionCause(s)}`;
const writeConditionFails = (s: ConditionChange): string =>
  `Pending: condition '${formatCondition(s.when)}' no longer holds ${conditionCause(s)}`;
const writeDeadlinePassed = (deadline: MutableRecord): string =>
  `Violated: the deadline ${dayText(deadline.due)} passed without performance; the governing limb was '${deadline.limb}'`;
const writeViolatedLate = (s: { readonly now: Day; readonly deadline: MutableRecord }): string =>
  `Violated on ${dayText(s.now)}: its deadline ${dayText(s.deadline.due)} (limb '${s.deadline.limb}') had already passed while it was not in effect`;
const writeEndCame = (value: TimeValue): string =>
  `Expired: its end '${value.limb.text}' came on ${dayText(value.day)}`;
const writeFulfilled = (s: {
  readonly event: Event;
  readonly limb: string | undefined;
  readonly due: TimeExpression | undefined;
}): string => {
  const tail =
    s.limb !== undefined
      ? `; the governing limb was '${s.limb}'`
      : s.due !== undefined
        ? `; its deadline '${s.due.text}' was not yet fixed`
        : "";
  return `Fulfilled by ${describeEvent(s.event)}${tail}`;
};
const writeViolatedByEvent = (s: {
  readonly event: Event;
  readonly pattern: EventPattern | undefined;
}): string =>
  `Violated by ${describeEvent(s.event)}${s.pattern === undefined ? "" : `, matching '${s.pattern.text}'`}`;

/** No causes: shared by the reasons that rest on nothing named. */
const noCauses: readonly Cause[] = [];

const anchorRules = new Map<string, string>([
  ["entry-into-force", "from entry-into-force"],
  ["signature", "from signature"],
]);

/** `from ANCHOR`, the rule of an activation (one string for the usual anchors). */
function anchorRule(anchor: Anchor): string {
  return anchorRules.get(anchor.kind) ?? `from ${formatAnchor(anchor)}`;
}

/** One replay of a model: build, run, then read the result. See docs/semantics.md. */
export class ReplayEngine {
  private readonly heap = new MinHeap<Timed>();
  private readonly index = new PatternIndex<Payload>();
  /** The runtime records, in the order of the model's sorted instruments and provisions. */
  private readonly instrumentRts: InstrumentRt[];
  private readonly provisionRts: (ProvisionRt | undefined)[];
  /** The model's instruments and provisions in order, and where each id sits (per model). */
  private readonly plan: ReplayPlan;
  private readonly store: FactStore;
  private readonly evaluator: ConditionEvaluator;
  private readonly derived: DerivedFacts;
  /** The facts with rules, settled once per day. */
  private readonly ruled: RuledFacts;
  /** Per primitive fact: the provisions whose condition a change of it may affect. */
  private readonly whenIndex = new Map<
    string,
    { readonly any: ProvisionRt[]; readonly byArgument: Map<string, ProvisionRt[]> }
  >();
  private readonly records: MutableRecord[] = [];
  private readonly bindings = new Bindings();
  private readonly candidates: Subscription<Payload>[] = [];
  private readonly fulfilQueue: ProvisionRt[] = [];
  private readonly violateQueue: ProvisionRt[] = [];
  private readonly watchQueue: Watcher[] = [];
  private readonly factQueue: Subscription<Payload>[] = [];
  private readonly limitKey: number;
  /** The last day replayed (-Infinity when unbounded: see the renewal horizon in `expire`). */
  private readonly until: Day;
  /** Index of the last denounce event of each instrument (built when first needed). */
  private lastNotice: Map<string, number> | null = null;
  /** Index of the next event to process; during an event, that event's index. */
  private cursor = 0;
  private now: Day = 0;

  private readonly events: readonly Event[];
  /** The events' days, read sequentially by the fold. */
  private readonly days: Int32Array;
  private readonly types: Int32Array;
  private readonly typeCodes: ReadonlyMap<string, number>;
  /** Per type code: 1 when something may care about events of that type. */
  private readonly listened: Uint8Array;
  /** Per type code: 1 for the lifecycle types and `discharge`, which the engine acts on itself. */
  private readonly lifecycleCodes: Uint8Array;
  /** Per type code: the indices of the events of that type (built when first needed). */
  private readonly byType: (Int32Array | undefined)[] = [];

  constructor(
    private readonly model: Model,
    selected: SelectedEvents,
    until: Day | null,
  ) {
    this.events = selected.events;
    this.days = selected.days;
    this.types = selected.types;
    this.typeCodes = selected.typeCodes;
    this.listened = new Uint8Array(selected.typeNames.length);
    this.lifecycleCodes = new Uint8Array(selected.typeNames.length);
    for (const type of [...lifecycleEventTypes, "discharge"]) {
      this.listen(type);
      const code = this.typeCodes.get(type);
      if (code !== undefined) this.lifecycleCodes[code] = 1;
    }
    this.limitKey = until === null ? Number.POSITIVE_INFINITY : keyOf(until, PHASE_EVENTS);
    this.until = until ?? Number.NEGATIVE_INFINITY;
    this.store = newFactStore(model);
    this.evaluator = new ConditionEvaluator(model.facts, this.store);
    this.derived = new DerivedFacts(this.evaluator, this.store);
    this.ruled = new RuledFacts(model.facts, this.store, this.evaluator, {
      schedule: (day, timer) => {
        // A timer fires a day or more later (a shorter one is a diagnostic, PCT118), and not past
        // the horizon where only timers that cycle without events are left (PCT119).
        if (day > this.now && day <= this.factTimerHorizon())
          this.schedule(day, PHASE_DATED, { kind: "fact-timer", timer });
      },
      watches: (fact) => this.whenIndex.has(fact) || this.derived.dependsOn(fact),
      changed: (changes, day, event) => this.ruledChanged(changes, day, event),
    });
    this.plan = replayPlan(model);
    // Allocated at their size at once: grown by pushing, they would be copied over and over.
    this.instrumentRts = new Array<InstrumentRt>(this.plan.instruments.length);
    this.provisionRts = new Array<ProvisionRt | undefined>(this.plan.provisions.length);
    this.setUp();
  }

  // ---------------------------------------------------------------- set-up

  private setUp(): void {
    const { instruments, provisions, instrumentOf, provisionCount } = this.plan;
    const rts = this.instrumentRts;
    for (let i = 0; i < instruments.length; i++) {
      const inst = newInstrumentRt(instruments[i]!);
      // Its provisions' list is made at its size, and filled below in provision order.
      const count = provisionCount[i]!;
      if (count > 0) inst.provisions = new Array<ProvisionRt>(count);
      rts[i] = inst;
    }
    const filled = new Int32Array(instruments.length);
    const prts = this.provisionRts;
    for (let i = 0; i < provisions.length; i++) {
      const def = provisions[i]!;
      const at = instrumentOf[i]!;
      if (at < 0) {
        prts[i] = undefined;
        continue;
      }
      const inst = rts[at]!;
      const p = newProvisionRt(def, inst, i);
      prts[i] = p;
      inst.provisions[filled[at]!++] = p;
      if (def.when !== undefined) this.watchCondition(p, def.when);
    }
    for (const fact of sortedValues(this.model.facts)) {
      if (fact.derived !== undefined) continue;
      for (const pattern of fact.starts)
        this.subscribe(pattern, null, { kind: "fact-start", fact });
      for (const pattern of fact.ends) this.subscribe(pattern, null, { kind: "fact-end", fact });
    }
    for (const { pattern, handle } of this.ruled.patterns())
      this.subscribe(pattern, null, { kind: "ruled", handle });
    for (const inst of rts) {
      const rule = inst.def.entryIntoForce;
      if (rule?.kind === "on-date")
        this.heap.push(keyOf(rule.date.first, PHASE_DATED), { kind: "entry-into-force", inst });
      for (const def of inst.def.amendments) {
        const target = this.provision(def.provision);
        if (target === undefined) continue;
        const amendment: AmendmentRt = { def, by: inst, target, applied: false };
        if (def.changes.when !== undefined) this.watchCondition(target, def.changes.when);
        if (def.from === undefined) inst.eifAmendments = append(inst.eifAmendments, amendment);
        else this.heap.push(keyOf(def.from.first, PHASE_DATED), { kind: "amendment", amendment });
      }
    }
  }

  private instrument(id: string): InstrumentRt | undefined {
    const at = this.plan.instrumentAt.get(id);
    return at === undefined ? undefined : this.instrumentRts[at];
  }

  private provision(id: string): ProvisionRt | undefined {
    const at = this.plan.provisionAt.get(id);
    return at === undefined ? undefined : this.provisionRts[at];
  }

  /**
   * Files a provision under the primitive facts its condition depends on (under the argument
   * values it fixes, when it fixes one), and tracks the derived instances it names.
   */
  private watchCondition(p: ProvisionRt, condition: NonNullable<ProvisionTerms["when"]>): void {
    const watch = conditionWatch(this.model.facts, this.evaluator, condition, p.def);
    for (const { fact, keys } of watch.filters) {
      let entry = this.whenIndex.get(fact);
      if (entry === undefined) {
        entry = { any: [], byArgument: new Map() };
        this.whenIndex.set(fact, entry);
      }
      if (keys === null) {
        if (!entry.any.includes(p)) entry.any.push(p);
        continue;
      }
      for (const key of keys) {
        const list = entry.byArgument.get(key);
        if (list === undefined) entry.byArgument.set(key, [p]);
        else if (!list.includes(p)) list.push(p);
      }
    }
    for (const atom of watch.atoms) this.derived.track(atom);
  }

  /** The provisions whose condition a change of this fact instance may affect. */
  private conditionDependents(name: string, args: readonly string[], out: Set<ProvisionRt>): void {
    const entry = this.whenIndex.get(name);
    if (entry === undefined) return;
    collectLive(entry.any, out);
    if (entry.byArgument.size === 0) return;
    for (let i = 0; i < args.length; i++) {
      const list = entry.byArgument.get(argumentKey(i, args[i]!));
      if (list !== undefined) collectLive(list, out);
    }
  }

  // ---------------------------------------------------------------- the fold

  run(): void {
    const events = this.events;
    const days = this.days;
    const types = this.types;
    const listened = this.listened;
    const count = events.length;
    let started = false;
    for (;;) {
      let cursor = this.cursor;
      if (started) {
        // Events nobody listens for (now, when they come) are passed over without being read, up
        // to the next timed item.
        const timed = this.heap.peekKey();
        while (
          cursor < count &&
          listened[types[cursor]!] === 0 &&
          keyOf(days[cursor]!, PHASE_EVENTS) < timed
        )
          cursor++;
        this.cursor = cursor;
      }
      const eventKey =
        cursor < count ? keyOf(days[cursor]!, PHASE_EVENTS) : Number.POSITIVE_INFINITY;
      const timedKey = this.heap.peekKey();
      const key = Math.min(eventKey, timedKey);
      if (key === Number.POSITIVE_INFINITY || key > this.limitKey) {
        if (!this.ruled.pending) break;
        // The last day's rules may set timers: settle it, then look again.
        this.ruled.settle();
        continue;
      }
      if (!started) {
        started = true;
        this.now = Math.floor(key / 4);
        this.ruled.initialise(this.now, this.model.facts);
        this.derived.initialise(this.now);
      }
      // Facts with rules change once their day is over, before anything of a later day; their
      // timers may come before the next key, so look again.
      if (this.ruled.pending && key >= keyOf(this.now + 1, PHASE_PASSED)) {
        this.ruled.settle();
        continue;
      }
      if (eventKey < timedKey && listened[types[cursor]!] === 0) {
        // Nothing listens for this type (now, when it comes): passed over without being read.
        this.cursor = cursor + 1;
        continue;
      }
      this.now = Math.floor(key / 4);
      if (timedKey < eventKey) this.runTimed(this.heap.pop()!);
      else {
        this.processEvent(events[cursor]!);
        this.cursor = cursor + 1;
      }
    }
  }

  /** Marks a type as listened for: the fold will look at its events. */
  private listen(type: string): void {
    const code = this.typeCodes.get(type);
    if (code !== undefined) this.listened[code] = 1;
  }

  /** Files a pattern in the index; null (nothing filed) if no event has its type. */
  private subscribe(
    pattern: EventPattern,
    roles: Provision | null,
    payload: Payload,
  ): Subscription<Payload> | null {
    if (!this.typeCodes.has(pattern.type)) return null;
    this.listen(pattern.type);
    return this.index.add(pattern, roles, payload);
  }

  /** The indices of the events of a type, in replay order. */
  private eventsOfType(type: string): Int32Array {
    const code = this.typeCodes.get(type);
    if (code === undefined) return new Int32Array(0);
    let list = this.byType[code];
    if (list === undefined) {
      const types = this.types;
      let n = 0;
      for (let i = 0; i < types.length; i++) if (types[i] === code) n++;
      list = new Int32Array(n);
      n = 0;
      for (let i = 0; i < types.length; i++) if (types[i] === code) list[n++] = i;
      this.byType[code] = list;
    }
    return list;
  }

  private timerHorizon: Day | undefined;

  /**
   * The last day a fact timer may fire: every timer of the model, run one after the other, from
   * the last event's day (or the first timer's, with no events). A chain of timers that goes
   * further without an event repeats one of them: it cycles for ever, and stops here.
   */
  private factTimerHorizon(): Day {
    if (this.timerHorizon === undefined) {
      let total = 0;
      for (const fact of this.model.facts.values())
        for (const rule of fact.rules ?? [])
          if (rule.trigger.kind === "timer") total += maxDays(rule.trigger.after);
      const count = this.days.length;
      const last = count > 0 ? Math.max(this.days[count - 1]!, this.now) : this.now;
      this.timerHorizon = last + total;
    }
    return this.timerHorizon;
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
      case "fact-timer":
        this.ruled.timer(item.timer, this.now);
        return;
      default:
        assertNever(item);
    }
  }

  /**
   * One event. Who it concerns is decided against the state before it (so an event never
   * fulfils or fires a limb of something it brought about itself); then its effects apply in a
   * fixed order: fulfilment and violation, lifecycle, facts and conditions, anchors and limbs.
   */
  private processEvent(event: Event): void {
    // Scratch arrays are reused with counts (never truncated) so that they keep their storage.
    const candidates = this.candidates;
    const count = this.index.collect(event, candidates);
    const lifecycle = this.lifecycleCodes[this.types[this.cursor]!] === 1;
    if (count === 0) {
      if (lifecycle) this.lifecycle(event);
      return;
    }
    const fulfil = this.fulfilQueue;
    const violate = this.violateQueue;
    const watch = this.watchQueue;
    const facts = this.factQueue;
    let fulfilCount = 0;
    let violateCount = 0;
    let watchCount = 0;
    let factCount = 0;
    for (let i = 0; i < count; i++) {
      const sub = candidates[i]!;
      const payload = sub.payload;
      switch (payload.kind) {
        case "fulfil":
          if (payload.provision.state === "in-effect" && this.matches(sub, event))
            fulfil[fulfilCount++] = payload.provision;
          break;
        case "violate":
          if (payload.provision.state === "in-effect" && this.matches(sub, event))
            violate[violateCount++] = payload.provision;
          break;
        case "watch":
          if (payload.scope.active && this.matches(sub, event)) watch[watchCount++] = payload;
          break;
        case "fact-start":
        case "fact-end":
          facts[factCount++] = sub;
          break;
        case "ruled":
          this.ruled.onEvent(payload.handle, sub.pattern, event, this.now);
          break;
        default:
          assertNever(payload);
      }
    }
    // Fulfilments and violations first, on the state before the event: a power exercised by
    // terminating its instrument is fulfilled before the termination discharges what is left,
    // and a duty whose condition the event itself ends is still fulfilled by it.
    for (let i = 0; i < fulfilCount; i++) this.fulfil(fulfil[i]!, event);
    for (let i = 0; i < violateCount; i++) this.violateByEvent(violate[i]!, event);
    if (lifecycle) this.lifecycle(event);
    if (factCount > 0) this.applyFacts(event, facts, factCount);
    for (let i = 0; i < watchCount; i++) {
      const watcher = watch[i]!;
      if (!watcher.scope.active || watcher.sub === null) continue;
      this.index.remove(watcher.sub);
      watcher.sub = null;
      this.wake(watcher.target, event.date.first, event);
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
      const p = this.provision(first.id);
      if (p?.opened && !p.final)
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
    const inst = this.instrument(first.id);
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
          this.enterIntoForce(inst, this.entryByEvent(inst, writeExchanged, event));
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
    const firstSignature = inst.signers === null;
    let signers = inst.signers ?? [];
    for (const party of who) if (!signers.includes(party)) signers = signers.concat(party);
    inst.signers = signers;
    if (inst.state === null) {
      this.setInstrumentState(
        inst,
        "signed",
        new LazyReason("event", writeSigned, event, event.sources, event.id),
      );
      this.openProvisions(inst, "was signed");
    }
    if (inst.signatureDay !== null || !inst.def.parties.every((p) => signers.includes(p))) return;
    inst.signatureDay = this.now;
    inst.signatureEvent = event;
    const signatureHooks = inst.signatureHooks;
    inst.signatureHooks = null;
    if (signatureHooks !== null) this.fireHooks(signatureHooks, event);
    const rule = inst.def.entryIntoForce;
    if (rule?.kind === "on-signature")
      this.enterIntoForce(
        inst,
        this.entryByEvent(inst, firstSignature ? writeSignedByAll : writeSignatureCompleted, event),
      );
    else if (rule?.kind === "after-signature")
      this.schedule(addDuration(this.now, rule.duration), PHASE_DATED, {
        kind: "entry-into-force",
        inst,
      });
  }

  private ratify(inst: InstrumentRt, event: Event): void {
    if (isEnded(inst.state)) return;
    const who = event.actors.length > 0 ? event.actors : inst.def.parties;
    const firstRatification = inst.ratifiers === null;
    let ratifiers = inst.ratifiers ?? [];
    for (const party of who) if (!ratifiers.includes(party)) ratifiers = ratifiers.concat(party);
    inst.ratifiers = ratifiers;
    if (inst.def.entryIntoForce?.kind !== "on-ratification") return;
    if (!inst.def.parties.every((p) => ratifiers.includes(p))) return;
    this.enterIntoForce(
      inst,
      this.entryByEvent(
        inst,
        firstRatification ? writeRatifiedByAll : writeRatificationCompleted,
        event,
      ),
    );
  }

  /** A dated entry into force: `in-force on DATE` or `in-force DURATION after signature`. */
  private enterIntoForceByRule(inst: InstrumentRt): void {
    const rule = inst.def.entryIntoForce;
    if (rule?.kind === "on-date")
      this.enterIntoForce(
        inst,
        new LazyReason(
          "rule",
          writeInForceOnDate,
          this.now,
          inst.def.entryIntoForceSources,
          undefined,
          undefined,
          undefined,
          describeRule(inst.def),
        ),
      );
    else if (rule?.kind === "after-signature" && inst.signatureDay !== null) {
      const signed = inst.signatureEvent;
      this.enterIntoForce(
        inst,
        new LazyReason(
          "rule",
          writeInForceAfterSignature,
          { duration: rule.duration, signed: inst.signatureDay, by: signed?.id },
          mergeSources(inst.def.entryIntoForceSources, signed?.sources ?? []),
          signed?.id,
          undefined,
          undefined,
          describeRule(inst.def),
        ),
      );
    }
  }

  private enterIntoForce(inst: InstrumentRt, reason: Reason): void {
    if (inst.eifDay !== null || isEnded(inst.state)) return;
    const first = inst.state === null;
    inst.eifDay = this.now;
    this.setInstrumentState(inst, "in-force", reason);
    if (first) this.openProvisions(inst, "entered into force");
    const term = inst.def.term;
    if (term !== undefined)
      this.schedule(addDuration(this.now, term.duration), PHASE_DATED, {
        kind: "expiry",
        inst,
        version: inst.expiryVersion,
      });
    const eifHooks = inst.eifHooks;
    inst.eifHooks = null;
    if (eifHooks !== null) this.fireHooks(eifHooks, null);
    for (const relation of inst.def.relations) {
      switch (relation.kind) {
        case "supersedes":
        case "voids": {
          const target = this.instrument(relation.target);
          if (target === undefined) break;
          const superseded = relation.kind === "supersedes";
          this.endInstrument(target, superseded ? "superseded" : "void", {
            kind: "relation",
            summary: `${superseded ? "Superseded" : "Void"}: ${inst.def.id}, which ${relation.kind} it, entered into force on ${dayText(this.now)}`,
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
    for (const p of inst.provisions) {
      if (p.opened && p.anchorDay === null && p.terms.from.kind === "entry-into-force")
        p.anchorDay = this.now;
      this.tryActivate(p, "entry-into-force");
    }
  }

  /** The reason of an entry into force that an event completed (its rule and both sources). */
  private entryByEvent(inst: InstrumentRt, write: (event: Event) => string, event: Event): Reason {
    return new LazyReason(
      "rule",
      write,
      event,
      mergeSources(inst.def.entryIntoForceSources, event.sources),
      event.id,
      undefined,
      undefined,
      describeRule(inst.def),
    );
  }

  private denounce(inst: InstrumentRt, event: Event): void {
    if (isEnded(inst.state)) return;
    inst.notices = append(inst.notices, { event, used: false });
    const period = inst.def.denunciation;
    const term = inst.def.term;
    // `denunciation … after term`: a notice counts only once the term has run out.
    const early =
      inst.def.denunciationAfterTerm === true &&
      term !== undefined &&
      (inst.eifDay === null || this.now < addDuration(inst.eifDay, term.duration));
    if (period !== undefined && !early && (inst.state === "in-force" || inst.state === "suspended"))
      this.schedule(addDuration(this.now, period), PHASE_DATED, {
        kind: "denunciation",
        inst,
        notice: event,
      });
  }

  private endByDenunciation(inst: InstrumentRt, notice: Event): void {
    const period = inst.def.denunciation;
    if (period === undefined) return;
    this.endInstrument(
      inst,
      "terminated",
      new LazyReason(
        "event",
        writeDenounced,
        { period, notice },
        mergeSources(notice.sources, inst.def.sources),
        notice.id,
        undefined,
        undefined,
        `denunciation ${formatDuration(period)}`,
      ),
    );
  }

  /** The term runs out on `now`: expire, or renew tacitly unless notice was given in time. */
  private expire(inst: InstrumentRt, version: number): void {
    const term = inst.def.term;
    if (version !== inst.expiryVersion || isEnded(inst.state) || inst.eifDay === null || !term)
      return;
    const expiry = this.now;
    const renewal = term.renewal;
    // `then indefinite`: the term's end changes nothing; the instrument stays in force.
    if (renewal === undefined && term.thenIndefinite === true) return;
    if (renewal === undefined) {
      this.endInstrument(
        inst,
        "expired",
        new LazyReason(
          "rule",
          writeTermRanOut,
          { expiry, duration: term.duration, eif: inst.eifDay },
          inst.def.sources,
          undefined,
          undefined,
          undefined,
          describeTerm(term),
        ),
      );
      return;
    }
    const noticeBy = addDuration(expiry, renewal.notice, -1);
    const windowOpens =
      renewal.window === undefined ? null : addDuration(expiry, renewal.window, -1);
    const eif = inst.eifDay;
    const notice = inst.notices.find((n) => {
      const day = n.event.date.first;
      return (
        !n.used && day >= eif && day <= noticeBy && (windowOpens === null || day >= windowOpens)
      );
    });
    if (notice !== undefined) {
      notice.used = true;
      this.endInstrument(
        inst,
        "expired",
        new LazyReason(
          "event",
          writeNotRenewed,
          { expiry, notice: notice.event, noticeBy, windowOpens },
          mergeSources(notice.event.sources, inst.def.sources),
          notice.event.id,
          undefined,
          undefined,
          describeTerm(term),
        ),
      );
      return;
    }
    const next = addDuration(expiry, renewal.duration);
    if (inst.state === "in-force") {
      const late = inst.notices.find(
        (n) => !n.used && n.event.date.first > noticeBy && n.event.date.first <= expiry,
      );
      this.setInstrumentState(
        inst,
        "in-force",
        new LazyReason(
          "rule",
          writeRenewed,
          { duration: renewal.duration, next, noticeBy, late: late?.event },
          inst.def.sources,
          undefined,
          undefined,
          undefined,
          describeTerm(term),
        ),
      );
    }
    const nextWindow = renewal.window === undefined ? null : addDuration(next, renewal.window, -1);
    const noticeMayCount = inst.notices.some(
      (n) =>
        !n.used &&
        n.event.date.first >= eif &&
        (nextWindow === null || n.event.date.first >= nextWindow),
    );
    if (noticeMayCount || this.noticeAhead(inst) || next <= this.until)
      this.schedule(next, PHASE_DATED, { kind: "expiry", inst, version: inst.expiryVersion });
  }

  /** Whether a denounce event for the instrument is still to be replayed. */
  private noticeAhead(inst: InstrumentRt): boolean {
    let last = this.lastNotice;
    if (last === null) {
      // Built once, and only when some renewal needs it.
      last = new Map();
      for (const i of this.eventsOfType("denounce")) {
        const first = this.events[i]!.objects[0];
        if (first?.kind === "ref") last.set(first.id, i);
      }
      this.lastNotice = last;
    }
    return (last.get(inst.def.id) ?? -1) >= this.cursor;
  }

  /** `[the instrument's state today]` as a cause, one array per instrument and day. */
  private instrumentCause(inst: InstrumentRt): readonly Cause[] {
    if (inst.cause === null || inst.causeDay !== this.now) {
      inst.cause = [{ kind: "instrument", id: inst.def.id, day: this.now }];
      inst.causeDay = this.now;
    }
    return inst.cause;
  }

  private endInstrument(inst: InstrumentRt, state: InstrumentState, reason: Reason): void {
    if (isEnded(inst.state)) return;
    inst.expiryVersion++;
    this.setInstrumentState(inst, state, reason);
    const expired = state === "expired";
    let shared: Reason | null = null;
    for (const p of inst.provisions) {
      if (!p.opened || p.final) continue;
      shared ??= new LazyReason(
        "rule",
        writeEndedWith,
        { id: inst.def.id, state, day: this.now },
        reason.sources,
        undefined,
        undefined,
        inst.def.id,
        undefined,
        this.instrumentCause(inst),
      );
      this.finalize(p, expired ? "expired" : "discharged", shared, "open");
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
    let shared: Reason | null = null;
    for (const p of inst.provisions) {
      if (!p.opened || p.final) continue;
      shared ??= {
        kind: "rule",
        summary: `Suspended with ${inst.def.id} on ${dayText(this.now)}`,
        instrument: inst.def.id,
        event: event.id,
        sources: event.sources,
        because: this.instrumentCause(inst),
      };
      this.setProvisionState(p, "suspended", shared);
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
    const because = this.instrumentCause(inst);
    for (const p of inst.provisions) {
      if (!p.opened || p.final) continue;
      const state = this.desiredState(p);
      this.setProvisionState(p, state, {
        kind: "rule",
        summary: `${state === "in-effect" ? "In effect" : "Pending"} again: ${inst.def.id} resumed on ${dayText(this.now)}`,
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
    for (const hook of hooks) if (hook.scope.active) this.wake(hook.target, this.now, event);
  }

  /** An awaited anchor or event has come for a target, on `day`. */
  private wake(target: Target, day: Day, event: Event | null): void {
    const p = target.provision;
    if (target.kind === "start") {
      this.anchorFired(p, day, event);
      return;
    }
    const tracker = target.tracker;
    if (!tracker.resolve(target.limb, day) || !tracker.live || p.final) return;
    if (target.which === "due") this.commitDeadline(p, tracker.value());
    else this.commitUntil(p, tracker.value());
  }

  // ---------------------------------------------------------------- amendments

  /** An amendment's `from` date has come: apply it if its instrument exists by then. */
  private amendmentDue(amendment: AmendmentRt): void {
    const state = amendment.by.state;
    if (state === null)
      amendment.by.waitingAmendments = append(amendment.by.waitingAmendments, amendment);
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
    const sources = amendment.def.sources;
    if (changes.due !== undefined) p.deadlineSources = mergeSources(p.def.sources, sources);
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
          old !== null
            ? ` (due ${dayText(old.due)})`
            : before.due === undefined
              ? ""
              : " (not yet fixed)";
        parts.push(
          `deadline ${oldText}${oldDue} replaced by '${changes.due.text}'${dueValue === null ? " (not yet fixed)" : ` (due ${dayText(dueValue.day)})`}`,
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
    if (p.activated && (changes.fulfilledBy !== undefined || changes.violatedBy !== undefined))
      this.subscribeTerms(p);
    this.setProvisionState(p, this.desiredState(p), {
      kind: "amendment",
      summary: `Amended by ${by} from ${dayText(this.now)}: ${parts.length > 0 ? parts.join("; ") : "no term changed"}`,
      instrument: by,
      sources,
      because: [{ kind: "instrument", id: by, day: this.now }],
    });
    if (dueChanged && p.activated) this.commitDeadline(p, dueValue);
    if (untilChanged && p.activated) this.commitUntil(p, untilValue);
    if (changes.from !== undefined && !p.activated) {
      this.cancel(p.anchorScope);
      this.stopWaiting(p, before.from);
      p.anchorScope = null;
      p.anchorDay = null;
      p.anchorEvent = null;
      this.setUpAnchor(p);
    }
    this.checkOverdue(p);
  }

  // ---------------------------------------------------------------- provisions

  private openProvisions(inst: InstrumentRt, how: "was signed" | "entered into force"): void {
    const because = this.instrumentCause(inst);
    let shared: Reason | null = null;
    let opening: Opening | null = null;
    for (const p of inst.provisions) {
      if (p.opened) continue;
      p.opened = true;
      p.openedDay = this.now;
      const from = p.terms.from;
      // Provisions starting at entry into force share one reason when their sources agree.
      let reason: Reason;
      if (
        from.kind === "entry-into-force" &&
        shared !== null &&
        sameSources(shared.sources, p.def.sources)
      )
        reason = shared;
      else {
        opening ??= { id: inst.def.id, how, day: this.now, because };
        reason = new OpenedReason(opening, from, p.def.sources);
        if (from.kind === "entry-into-force") shared = reason;
      }
      this.setProvisionState(p, "pending", reason);
      this.setUpAnchor(p);
    }
    const waiting = inst.waitingAmendments;
    if (waiting.length === 0) return;
    inst.waitingAmendments = none();
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
    const anchor = p.terms.from;
    if (anchor.kind === "entry-into-force") {
      // The common case needs no listener: entry into force starts every such provision.
      if (p.inst.eifDay !== null) this.anchorFired(p, p.inst.eifDay, null);
      return;
    }
    if (anchor.kind === "fulfilment" || anchor.kind === "violation") {
      // The provision waits in the other's hooks itself, with no scope: see `finalize`.
      const other = this.outcomeOf(p, anchor);
      if (other === undefined) return;
      const day = anchor.kind === "fulfilment" ? other.fulfilledDay : other.violatedDay;
      if (day !== null) this.anchorFired(p, day, null);
      else if (!other.final) other.finalHooks = append(other.finalHooks, p);
      return;
    }
    const scope = newScope();
    p.anchorScope = scope;
    if (anchor.kind === "date") {
      const day = anchor.date.first;
      if (day <= this.now) this.anchorFired(p, day, null);
      else this.schedule(day, PHASE_DATED, { kind: "anchor-date", provision: p, scope });
      return;
    }
    this.watchAnchor(p, scope, anchor, p.openedDay, { kind: "start", provision: p });
  }

  /** The provision whose fulfilment or violation an anchor of `p` names. */
  private outcomeOf(
    p: ProvisionRt,
    anchor: Anchor & { readonly kind: "fulfilment" | "violation" },
  ): ProvisionRt | undefined {
    // A provision's own start was resolved with the model; any other anchor is looked up.
    if (anchor !== p.def.from) return this.provision(anchor.provision);
    const at = this.plan.startsAfter[p.index]!;
    return at < 0 ? undefined : this.provisionRts[at];
  }

  /** A provision no longer waits for the outcome its (replaced) start `anchor` named. */
  private stopWaiting(p: ProvisionRt, anchor: Anchor): void {
    if (anchor.kind !== "fulfilment" && anchor.kind !== "violation") return;
    const hooks = this.outcomeOf(p, anchor)?.finalHooks;
    const at = hooks?.indexOf(p) ?? -1;
    if (at >= 0) hooks!.splice(at, 1);
  }

  /** Wakes the target now or later with the day (and event) of an anchor. Dates wake at once. */
  private watchAnchor(
    p: ProvisionRt,
    scope: Scope,
    anchor: Anchor,
    fromDay: Day,
    target: Target,
  ): void {
    const inst = p.inst;
    switch (anchor.kind) {
      case "entry-into-force":
        if (inst.eifDay !== null) this.wake(target, inst.eifDay, null);
        else {
          inst.eifHooks = append(inst.eifHooks, { scope, target });
        }
        return;
      case "signature":
        if (inst.signatureDay !== null) this.wake(target, inst.signatureDay, inst.signatureEvent);
        else {
          inst.signatureHooks = append(inst.signatureHooks, { scope, target });
        }
        return;
      case "date":
        this.wake(target, anchor.date.first, null);
        return;
      case "event":
        this.watchPattern(p, scope, anchor.pattern, fromDay, target);
        return;
      case "fulfilment":
      case "violation": {
        const other = this.outcomeOf(p, anchor);
        if (other === undefined) return;
        const day = anchor.kind === "fulfilment" ? other.fulfilledDay : other.violatedDay;
        if (day !== null) this.wake(target, day, null);
        else if (!other.final) {
          other.finalHooks = append(other.finalHooks, { scope, target, on: anchor.kind });
        }
        return;
      }
      default:
        assertNever(anchor);
    }
  }

  /**
   * Wakes the target with the first event on or after `fromDay` matching the pattern: one
   * already replayed (before the current event), or the next one to come.
   */
  private watchPattern(
    p: ProvisionRt,
    scope: Scope,
    pattern: EventPattern,
    fromDay: Day,
    target: Target,
  ): void {
    if (!this.typeCodes.has(pattern.type)) return; // no event of that type will ever come
    const events = this.events;
    const days = this.days;
    const cursor = this.cursor;
    const candidates = this.eventsOfType(pattern.type);
    let lo = 0;
    let hi = candidates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[candidates[mid]!]! < fromDay) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo; j < candidates.length; j++) {
      const index = candidates[j]!;
      if (index >= cursor) break;
      const event = events[index]!;
      if (matchPattern(pattern, event, p.def, this.bindings)) {
        this.wake(target, event.date.first, event);
        return;
      }
    }
    const watcher: Watcher = { kind: "watch", scope, target, sub: null };
    watcher.sub = this.subscribe(pattern, p.def, watcher);
    scope.watchers = append(scope.watchers, watcher);
  }

  private cancel(scope: Scope | null): void {
    if (scope === null) return;
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
    const onInstrument = this.instrumentCause(p.inst);
    const cached = p.inst.activationReason;
    if (
      anchor.kind === "entry-into-force" &&
      trigger !== "resume" &&
      cached !== null &&
      cached.because === onInstrument &&
      sameSources(cached.sources, p.def.sources) &&
      (state !== "pending" || p.terms.when === undefined)
    )
      return cached; // shared by the provisions that came into effect with their instrument
    const today = this.now;
    const rule = anchorRule(anchor);
    const started = anchor.kind === "entry-into-force" ? null : p.anchorDay;
    const sources = p.def.sources;
    let reason: Reason;
    if (trigger === "resume")
      reason = new LazyReason(
        "rule",
        writeInEffectOnResumption,
        { inst, today, anchor, started },
        sources,
        undefined,
        undefined,
        inst,
        rule,
        onInstrument,
      );
    else if (trigger === "entry-into-force" || anchor.kind === "entry-into-force") {
      reason = new LazyReason(
        "rule",
        writeInEffectOnEntryIntoForce,
        { inst, today, anchor, started },
        sources,
        undefined,
        undefined,
        inst,
        rule,
        onInstrument,
      );
      if (started === null) p.inst.activationReason = reason;
    } else
      switch (anchor.kind) {
        case "signature":
          reason = new LazyReason(
            "rule",
            writeInEffectOnSignature,
            { inst, today },
            sources,
            undefined,
            undefined,
            inst,
            rule,
            onInstrument,
          );
          break;
        case "date":
          reason = new LazyReason(
            "rule",
            writeInEffectOnDate,
            { today, date: anchor.date.text },
            sources,
            undefined,
            undefined,
            undefined,
            rule,
            onInstrument,
          );
          break;
        case "event": {
          const event = p.anchorEvent;
          reason =
            event === null
              ? new LazyReason(
                  "rule",
                  writeInEffectFrom,
                  today,
                  sources,
                  undefined,
                  undefined,
                  undefined,
                  rule,
                )
              : new LazyReason(
                  "event",
                  writeInEffectOnEvent,
                  { event, pattern: anchor.pattern },
                  mergeSources(event.sources, sources),
                  event.id,
                  undefined,
                  undefined,
                  rule,
                  onInstrument,
                );
          break;
        }
        case "fulfilment":
        case "violation": {
          const day = p.anchorDay ?? this.now;
          reason = new LazyReason(
            "rule",
            writeInEffectOnOutcome,
            { anchor, day },
            sources,
            undefined,
            undefined,
            undefined,
            rule,
            [{ kind: "provision", id: anchor.provision, day }],
          );
          break;
        }
        default:
          return assertNever(anchor);
      }
    const when = p.terms.when;
    if (state !== "pending" || when === undefined) return reason;
    return new LazyReason(
      "condition",
      writeConditionPending,
      { when, anchor, today },
      reason.sources,
      reason.event,
      reason.limb,
      reason.instrument,
      reason.rule,
      [...(reason.because ?? []), ...this.conditionCauses(p)],
    );
  }

  private conditionCauses(p: ProvisionRt): readonly Cause[] {
    const when = p.terms.when;
    if (when === undefined) return noCauses;
    const atoms = conditionWatch(this.model.facts, this.evaluator, when, p.def).causes;
    if (atoms.length === 0) return noCauses;
    return atoms.map((atom) => ({ kind: "fact", id: atom.key, day: this.now }));
  }

  private subscribeTerms(p: ProvisionRt): void {
    if (p.fulfilSub !== null) this.index.remove(p.fulfilSub);
    if (p.violateSub !== null) this.index.remove(p.violateSub);
    p.fulfilSub = null;
    p.violateSub = null;
    const { fulfilledBy, violatedBy } = p.terms;
    if (fulfilledBy !== undefined)
      p.fulfilSub = this.subscribe(fulfilledBy, p.def, { kind: "fulfil", provision: p });
    if (violatedBy !== undefined)
      p.violateSub = this.subscribe(violatedBy, p.def, { kind: "violate", provision: p });
  }

  /**
   * The value of a time expression that depends on nothing still to come (dates, and durations
   * after a known entry into force, signature or date); undefined when it must be tracked.
   */
  private staticValue(expr: TimeExpression, p: ProvisionRt): TimeValue | undefined {
    switch (expr.kind) {
      case "date":
        return { day: expr.date.last, limb: expr };
      case "after": {
        const anchor = expr.anchor;
        const base =
          anchor.kind === "date"
            ? anchor.date.first
            : anchor.kind === "entry-into-force"
              ? p.inst.eifDay
              : anchor.kind === "signature"
                ? p.inst.signatureDay
                : null;
        return base === null ? undefined : { day: addDuration(base, expr.duration), limb: expr };
      }
      case "on":
        return undefined;
      case "earliest":
      case "latest": {
        let best: TimeValue | undefined;
        for (const limb of expr.limbs) {
          const value = this.staticValue(limb, p);
          if (value === undefined) return undefined;
          if (
            best === undefined ||
            (expr.kind === "earliest" ? value.day < best.day : value.day > best.day)
          )
            best = value;
        }
        return best;
      }
      default:
        return assertNever(expr);
    }
  }

  /** Starts tracking a provision's deadline or end anew, from its activation; returns its value. */
  private trackTime(p: ProvisionRt, which: "due" | "until"): TimeValue | null {
    const expr = which === "due" ? p.terms.due : p.terms.until;
    this.cancel(which === "due" ? p.dueScope : p.untilScope);
    if (which === "due") p.dueScope = null;
    else p.untilScope = null;
    if (expr === undefined) return null;
    const known = this.staticValue(expr, p);
    if (known !== undefined) return known;
    const scope = newScope();
    if (which === "due") p.dueScope = scope;
    else p.untilScope = scope;
    const from = p.activationDay;
    const tracker = new TimeTracker(expr);
    for (const limb of tracker.waiting) {
      const target: Target = { kind: "limb", provision: p, which, tracker, limb };
      const e = limb.expr;
      if (e.kind === "on") this.watchPattern(p, scope, e.pattern, from, target);
      else if (e.kind === "after") this.watchAnchor(p, scope, e.anchor, from, target);
    }
    tracker.live = true;
    return tracker.value();
  }

  /** Records a provision's deadline as it now stands and schedules its check. */
  private commitDeadline(p: ProvisionRt, value: TimeValue | null): void {
    if (p.final) return;
    const previous = p.deadline;
    if (
      previous !== null &&
      value !== null &&
      previous.due === value.day &&
      previous.limb === value.limb.text
    )
      return;
    if (previous !== null && previous.outcome === "open") previous.outcome = "replaced";
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
    p.deadline = record;
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
    const reason = late
      ? new LazyReason(
          "deadline",
          writeViolatedLate,
          { now: this.now, deadline },
          p.deadlineSources,
          undefined,
          deadline.limb,
        )
      : new LazyReason(
          "deadline",
          writeDeadlinePassed,
          deadline,
          p.deadlineSources,
          undefined,
          deadline.limb,
        );
    this.finalize(p, "violated", reason, "violated");
  }

  private untilPassed(p: ProvisionRt, version: number): void {
    const value = p.untilValue;
    if (p.final || version !== p.untilVersion || value === null) return;
    this.finalize(
      p,
      "expired",
      new LazyReason("deadline", writeEndCame, value, p.def.sources, undefined, value.limb.text),
      "open",
    );
  }

  private fulfil(p: ProvisionRt, event: Event): void {
    if (p.final || p.state !== "in-effect") return;
    const deadline = p.deadline;
    if (deadline !== null && this.now > deadline.due) return;
    const due = p.terms.due;
    this.finalize(
      p,
      "fulfilled",
      new LazyReason(
        "event",
        writeFulfilled,
        { event, limb: deadline?.limb, due },
        mergeSources(event.sources, p.def.sources),
        event.id,
        deadline?.limb,
      ),
      "fulfilled",
    );
  }

  private violateByEvent(p: ProvisionRt, event: Event): void {
    if (p.final || p.state !== "in-effect") return;
    const pattern = p.terms.violatedBy;
    this.finalize(
      p,
      "violated",
      new LazyReason(
        "event",
        writeViolatedByEvent,
        { event, pattern },
        mergeSources(event.sources, p.def.sources),
        event.id,
      ),
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
    if (p.deadline !== null && p.deadline.outcome === "open") p.deadline.outcome = outcome;
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
    p.finalHooks = null;
    if (hooks !== null)
      for (const hook of hooks) {
        if ("on" in hook) {
          const wanted = hook.on === "fulfilment" ? "fulfilled" : "violated";
          if (hook.scope.active && wanted === state) this.wake(hook.target, this.now, null);
        } else {
          // A provision whose start is this outcome (see `setUpAnchor`).
          const wanted = hook.terms.from.kind === "fulfilment" ? "fulfilled" : "violated";
          if (wanted === state) this.anchorFired(hook, this.now, null);
        }
      }
  }

  // ---------------------------------------------------------------- facts

  private applyFacts(event: Event, subs: readonly Subscription<Payload>[], count: number): void {
    const changed = new Set<string>();
    const affected = new Set<ProvisionRt>();
    const day = this.now;
    for (let i = 0; i < count; i++) {
      const sub = subs[i]!;
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
          ) {
            changed.add(fact.id);
            this.conditionDependents(fact.id, values, affected);
          }
        } else
          for (const ended of this.store.end(fact.id, args, day)) {
            changed.add(fact.id);
            this.conditionDependents(fact.id, ended, affected);
          }
        return false;
      });
    }
    if (changed.size === 0) return;
    this.factsChanged(changed, affected, day, event);
  }

  /** A day's changes of facts with rules, now settled: derived facts and conditions follow. */
  private ruledChanged(
    changes: readonly { readonly fact: string; readonly args: readonly string[] }[],
    day: Day,
    event: Event | null,
  ): void {
    const changed = new Set<string>();
    const affected = new Set<ProvisionRt>();
    for (const { fact, args } of changes) {
      changed.add(fact);
      this.conditionDependents(fact, args, affected);
    }
    this.factsChanged(changed, affected, day, event);
  }

  /** Re-evaluates the derived facts and provision conditions that changed facts may affect. */
  private factsChanged(
    changed: ReadonlySet<string>,
    affected: ReadonlySet<ProvisionRt>,
    day: Day,
    event: Event | null,
  ): void {
    this.derived.refresh(changed, day, event);
    for (const p of affected) {
      const when = p.terms.when;
      if (p.final || !p.activated || when === undefined) continue;
      const holds = this.evaluator.holds(when, p.def);
      if (holds === p.condHolds) continue;
      p.condHolds = holds;
      const state = this.desiredState(p);
      if (state === p.state) continue;
      this.setProvisionState(
        p,
        state,
        new LazyReason(
          "condition",
          state === "in-effect" ? writeConditionHolds : writeConditionFails,
          { when, event, day },
          event === null ? p.def.sources : mergeSources(event.sources, p.def.sources),
          event?.id,
          undefined,
          undefined,
          undefined,
          this.conditionCauses(p),
        ),
      );
      this.checkOverdue(p);
    }
  }

  // ---------------------------------------------------------------- result

  result(reading: string | null): Replay {
    // The timelines are finished when read (see TimelineMap): the builders are handed over.
    const rts = this.instrumentRts;
    const instrumentIntervals = new Array<TimelineBuilder<InstrumentState>>(rts.length);
    for (let i = 0; i < rts.length; i++) instrumentIntervals[i] = rts[i]!.tl;
    const prts = this.provisionRts;
    const provisionIntervals = new Array<TimelineBuilder<ProvisionState> | undefined>(prts.length);
    for (let i = 0; i < prts.length; i++) provisionIntervals[i] = prts[i]?.tl;
    const plan = this.plan;
    const instruments = new TimelineMap(plan.instruments, plan.instrumentAt, instrumentIntervals);
    const provisions = new TimelineMap(plan.provisions, plan.provisionAt, provisionIntervals);
    const facts = new Map<string, Timeline<FactState>>();
    const timelines = this.store.timelines();
    for (const key of [...timelines.keys()].sort())
      facts.set(key, { id: key, intervals: timelines.get(key)! });
    // The records are no longer changed once the replay has run: sorted in place.
    const deadlines: DeadlineRecord[] = this.records.sort(
      (a, b) =>
        a.due - b.due || (a.provision < b.provision ? -1 : a.provision > b.provision ? 1 : 0),
    );
    return { reading, instruments, provisions, facts, deadlines };
  }
}
