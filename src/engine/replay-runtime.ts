/**
 * The engine's working records during one replay: per instrument and provision, what has
 * happened so far and what is awaited. Mutable, private to the engine, never part of a result.
 */
import type { Day } from "../language/calendar/day.ts";
import type { Event } from "../language/model/event.ts";
import type { Fact } from "../language/model/fact.ts";
import type { Amendment, Instrument } from "../language/model/instrument.ts";
import type { Provision, ProvisionTerms } from "../language/model/provision.ts";
import type { DeadlineOutcome } from "./deadline-record.ts";
import type { Subscription } from "./pattern-index.ts";
import type { Cause, Reason } from "./reason.ts";
import type { FactTimer, RuledPattern } from "./ruled-facts.ts";
import type { TimeTracker, TimeValue, WaitingLimb } from "./time-tracker.ts";
import type { InstrumentState, ProvisionState } from "./timeline.ts";
import { TimelineBuilder } from "./timeline-builder.ts";

const endedStates: ReadonlySet<InstrumentState> = new Set([
  "expired",
  "terminated",
  "superseded",
  "void",
]);

/** Whether an instrument has ended (expired, terminated, superseded or void): final. */
export function isEnded(state: InstrumentState | null): boolean {
  return state !== null && endedStates.has(state);
}

/** A listener group that can be cancelled at once (a provision's start, deadline or end). */
export interface Scope {
  active: boolean;
  watchers: Watcher[];
}

/** What a watcher or hook wakes: a provision's start, or a waited-for limb of its deadline or end. */
export type Target =
  | { readonly kind: "start"; readonly provision: ProvisionRt }
  | {
      readonly kind: "limb";
      readonly provision: ProvisionRt;
      readonly which: "due" | "until";
      readonly tracker: TimeTracker;
      readonly limb: WaitingLimb;
    };

/** Listens for one pattern on behalf of a target; it is its own index payload. */
export interface Watcher {
  readonly kind: "watch";
  readonly scope: Scope;
  readonly target: Target;
  sub: Subscription<Payload> | null;
}

/** Waits for an instrument's entry into force or signature. */
export interface Hook {
  readonly scope: Scope;
  readonly target: Target;
}

/** Waits for a provision's fulfilment or violation. */
export interface FinalHook extends Hook {
  readonly on: "fulfilment" | "violation";
}

export type Payload =
  | { readonly kind: "fulfil"; readonly provision: ProvisionRt }
  | { readonly kind: "violate"; readonly provision: ProvisionRt }
  | Watcher
  | { readonly kind: "fact-start"; readonly fact: Fact }
  | { readonly kind: "fact-end"; readonly fact: Fact }
  | { readonly kind: "ruled"; readonly handle: RuledPattern };

export interface Notice {
  readonly event: Event;
  used: boolean;
}

export interface AmendmentRt {
  readonly def: Amendment;
  readonly by: InstrumentRt;
  readonly target: ProvisionRt;
  applied: boolean;
}

export interface InstrumentRt {
  readonly def: Instrument;
  readonly tl: TimelineBuilder<InstrumentState>;
  state: InstrumentState | null;
  /** The parties that signed so far (null before the first signature). */
  signers: string[] | null;
  /** The parties that ratified so far (null before the first ratification). */
  ratifiers: string[] | null;
  signatureDay: Day | null;
  signatureEvent: Event | null;
  eifDay: Day | null;
  expiryVersion: number;
  /** Replaced through `append`, never pushed to while empty: see `none`. */
  notices: Notice[];
  provisions: ProvisionRt[];
  eifHooks: Hook[] | null;
  signatureHooks: Hook[] | null;
  /** `[this instrument on causeDay]`, shared by the reasons of that day. */
  cause: readonly Cause[] | null;
  causeDay: Day;
  /** The reason its provisions came into effect on its entry into force, shared among them. */
  activationReason: Reason | null;
  eifAmendments: AmendmentRt[];
  waitingAmendments: AmendmentRt[];
}

/** A deadline as it stands: the provision's current one, and the record of it in the result. */
export interface MutableRecord {
  readonly provision: string;
  readonly due: Day;
  readonly limb: string;
  outcome: DeadlineOutcome;
}

export interface ProvisionRt {
  readonly def: Provision;
  /** Its position among the model's provisions (see ReplayPlan). */
  readonly index: number;
  readonly inst: InstrumentRt;
  readonly tl: TimelineBuilder<ProvisionState>;
  terms: ProvisionTerms;
  state: ProvisionState | null;
  opened: boolean;
  openedDay: Day;
  final: boolean;
  fulfilledDay: Day | null;
  violatedDay: Day | null;
  /**
   * What waits for its fulfilment or violation: hooks, and the provisions whose start it is
   * (`from violation of …`), which wait themselves, without a scope.
   */
  finalHooks: (FinalHook | ProvisionRt)[] | null;
  anchorScope: Scope | null;
  anchorDay: Day | null;
  anchorEvent: Event | null;
  activated: boolean;
  activationDay: Day;
  condHolds: boolean;
  fulfilSub: Subscription<Payload> | null;
  violateSub: Subscription<Payload> | null;
  dueScope: Scope | null;
  deadline: MutableRecord | null;
  deadlineVersion: number;
  deadlineSources: readonly string[];
  overdue: boolean;
  untilScope: Scope | null;
  untilValue: TimeValue | null;
  untilVersion: number;
}

export type Timed =
  | { readonly kind: "entry-into-force"; readonly inst: InstrumentRt }
  | { readonly kind: "expiry"; readonly inst: InstrumentRt; readonly version: number }
  | { readonly kind: "denunciation"; readonly inst: InstrumentRt; readonly notice: Event }
  | { readonly kind: "amendment"; readonly amendment: AmendmentRt }
  | { readonly kind: "anchor-date"; readonly provision: ProvisionRt; readonly scope: Scope }
  | { readonly kind: "deadline"; readonly provision: ProvisionRt; readonly version: number }
  | { readonly kind: "until"; readonly provision: ProvisionRt; readonly version: number }
  | { readonly kind: "fact-timer"; readonly timer: FactTimer };

/** Whether two source lists are the same list, or both empty (so a reason can be shared). */
export function sameSources(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === 0 && b.length === 0);
}

/** Adds the provisions of a list that are not final to `out`, dropping the final ones from it. */
export function collectLive(list: ProvisionRt[], out: Set<ProvisionRt>): void {
  let kept = 0;
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    if (p.final) continue;
    list[kept++] = p;
    out.add(p);
  }
  list.length = kept;
}

export function newScope(): Scope {
  return { active: true, watchers: [] };
}

/**
 * `list` with `item` added, to be stored in its place. The engine's lists hold a few items each
 * and are many: a short list is copied at its exact size, since pushing to a short array reserves
 * room for about 17; a longer one grows in place.
 */
export function append<T extends object>(list: T[] | null, item: T): T[] {
  if (list === null || list.length === 0) return [item];
  if (list.length < 4) return list.concat(item);
  list.push(item);
  return list;
}

const empty: never[] = [];

/**
 * The empty list that records share until their first item: lists that start with it are only
 * ever replaced through `append`, which copies an empty list rather than pushing to it.
 */
export function none<T>(): T[] {
  return empty;
}

/** A fresh record for an instrument. */
export function newInstrumentRt(def: Instrument): InstrumentRt {
  return {
    def,
    tl: new TimelineBuilder(),
    state: null,
    signers: null,
    ratifiers: null,
    signatureDay: null,
    signatureEvent: null,
    eifDay: null,
    expiryVersion: 0,
    notices: none(),
    provisions: none(),
    eifHooks: null,
    signatureHooks: null,
    cause: null,
    causeDay: 0,
    activationReason: null,
    eifAmendments: none(),
    waitingAmendments: none(),
  };
}

/** A fresh record for a provision of an instrument. */
export function newProvisionRt(def: Provision, inst: InstrumentRt, index: number): ProvisionRt {
  return {
    def,
    index,
    inst,
    tl: new TimelineBuilder(),
    terms: def,
    state: null,
    opened: false,
    openedDay: 0,
    final: false,
    fulfilledDay: null,
    violatedDay: null,
    finalHooks: null,
    anchorScope: null,
    anchorDay: null,
    anchorEvent: null,
    activated: false,
    activationDay: 0,
    condHolds: true,
    fulfilSub: null,
    violateSub: null,
    dueScope: null,
    deadline: null,
    deadlineVersion: 0,
    deadlineSources: def.sources,
    overdue: false,
    untilScope: null,
    untilValue: null,
    untilVersion: 0,
  };
}
