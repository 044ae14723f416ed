/**
 * The part of symboleo-js-core's API (npm `symboleo-js-core` 1.0.12, plain CommonJS without
 * types) that the Symboleo benchmark drives: contracts, obligations and powers with their state
 * machines, the publish–subscribe `Events` object, and `Event` with its timestamp.
 */
declare module "symboleo-js-core" {
  /** Something that happened (or not yet); `happen` copies the given fields onto it. */
  export class Event {
    constructor();
    _triggered: boolean;
    /** ISO time of `happen`: the wall clock, unless the fields given to `happen` override it. */
    _timestamp: string | null;
    /** Not set by the class: the name `Events.eventsMatch` compares contract events by. */
    _name?: string;
    happen(fields?: Readonly<Record<string, unknown>>): void;
    hasHappened(): boolean;
  }

  export class Role {
    constructor(id: string, contract: SymboleoContract);
  }

  export class SymboleoContract {
    constructor(name: string);
    id: string;
    /** `Form`, `Active`, `SuccessfulTermination` or `UnsuccessfulTermination`. */
    state: string;
    /** Within `Active`: `InEffect`, `Suspension`, `Unassign`, `Rescission`; else `Null`. */
    activeState: string;
    _name?: string;
    activated(): boolean;
    terminated(): boolean;
    suspended(): boolean;
    resumed(): boolean;
    rescinded(): boolean;
    fulfilledActiveObligations(): boolean;
    isInEffect(): boolean;
    isActive(): boolean;
    isFinished(): boolean;
  }

  export class LegalPosition {
    name: string;
    contract: SymboleoContract;
    /** `Start`, `Create`, `Active`, or an end state. */
    state: string;
    /** Within `Active`: `InEffect` or `Suspension`; else `Null`. */
    activeState: string;
    /** The events of its own transitions (`Activated`, `Violated`, `Exerted`, …). */
    _events: Record<string, Event | undefined>;
  }

  export class Obligation extends LegalPosition {
    constructor(name: string, creditor: Role, debtor: Role, contract: SymboleoContract);
    /** Set by `Events.emitEvent`: the powers its violation created. */
    _createdPowerNames?: string[];
    trigerredUnconditional(): boolean;
    trigerredConditional(): boolean;
    activated(): boolean;
    expired(): boolean;
    fulfilled(): boolean;
    violated(): boolean;
    suspended(): boolean;
    resumed(): boolean;
    discharged(): boolean;
    terminated(context?: { readonly emitEvent: boolean }): boolean;
    isActive(): boolean;
    isInEffect(): boolean;
    isSuspended(): boolean;
    isViolated(): boolean;
    isFulfilled(): boolean;
    isFinished(): boolean;
  }

  export class Power extends LegalPosition {
    constructor(name: string, creditor: Role, debtor: Role, contract: SymboleoContract);
    trigerredUnconditional(): boolean;
    trigerredConditional(): boolean;
    activated(): boolean;
    expired(): boolean;
    exerted(): boolean;
    suspended(): boolean;
    resumed(): boolean;
    terminated(): boolean;
    isActive(): boolean;
    isInEffect(): boolean;
    isSuccessfulTermination(): boolean;
    isFinished(): boolean;
  }

  export type InternalEventObject = LegalPosition | Event | SymboleoContract;

  export class InternalEvent {
    constructor(source: string, type: string, object: InternalEventObject | null);
    source: string;
    type: string;
    object: InternalEventObject | null;
  }

  export const InternalEventSource: {
    readonly obligation: string;
    readonly power: string;
    readonly contract: string;
    readonly contractEvent: string;
  };

  export const InternalEventType: {
    readonly obligation: Readonly<Record<string, string>> & {
      readonly Violated: string;
      readonly Fulfilled: string;
    };
    readonly power: Readonly<Record<string, string>> & { readonly Exerted: string };
    readonly contract: Readonly<Record<string, string>>;
    readonly contractEvent: { readonly Happened: string };
  };

  /** What a subscriber returns when it created a power (so a violation does not end the contract). */
  export interface SubscriberEffects {
    readonly powerCreated: boolean;
    readonly powerName?: string;
  }

  export type Subscription = readonly [
    readonly InternalEvent[],
    (contract: SymboleoContract) => SubscriberEffects | undefined,
  ];

  export interface ContractListeners {
    successfullyTerminateContract(contract: SymboleoContract): void;
    unsuccessfullyTerminateContract(contract: SymboleoContract): void;
  }

  /** One subscription table for the whole process: `init` it for a contract before its events. */
  export const Events: {
    init(eventsMap: readonly Subscription[], listeners: ContractListeners): void;
    emitEvent(contract: SymboleoContract, event: InternalEvent): void;
  };

  export const Predicates: {
    happens(event: Event | null | undefined): boolean;
    weakHappensBefore(event: Event | null | undefined, time: string | null): boolean;
    strongHappensBefore(event: Event | null | undefined, time: string | null): boolean;
    happensWithin(
      event: Event | null | undefined,
      start: string | null,
      end?: string | null,
    ): boolean;
  };

  export const Utils: {
    addTime(date: string, value: number, unit: string): string;
  };
}
