/**
 * What the Symboleo runs of samples with obligations and powers created by name share (data
 * processing, transactive energy): creating a position once (and noting when Symboleo creates it
 * anew or fulfils it at once), ending the contract when it is performed or when a violation gives
 * no remedy, and selecting the run's subscriptions for the day.
 */
import type {
  ContractListeners,
  Event,
  Obligation,
  Power,
  Role,
  Subscription,
  SymboleoContract,
} from "symboleo-js-core";
import type { Day } from "../src/language/index.ts";
import type { RunContext } from "./symboleo-sample.ts";

export abstract class PositionsRun<O extends string, P extends string> {
  protected readonly obligations: { [name in O]?: Obligation } = {};
  protected readonly powers: { [name in P]?: Power } = {};
  protected day: Day = 0;
  protected abstract readonly contract: SymboleoContract;
  protected abstract readonly subscriptions: Subscription[];
  protected abstract readonly listeners: ContractListeners;

  constructor(protected readonly context: RunContext) {}

  protected createObligation(
    name: O,
    creditor: Role,
    debtor: Role,
    performed: () => boolean,
  ): void {
    const existing = this.obligations[name];
    if (existing !== undefined && !existing.isFinished()) return;
    if (existing !== undefined)
      this.note(
        `Symboleo creates ${name} anew when its trigger happens again; a Pacta provision starts once`,
      );
    const obligation = new this.context.core.Obligation(name, creditor, debtor, this.contract);
    this.obligations[name] = obligation;
    obligation.trigerredUnconditional();
    if (performed()) {
      obligation.fulfilled();
      this.note(
        `Symboleo fulfils ${name} as it is created, its performance having come before; Pacta counts only performance while the duty is in effect`,
      );
    }
  }

  protected createPower(
    name: P,
    creditor: Role,
    debtor: Role,
    notice: Event | null,
  ): { powerCreated: boolean; powerName: string } {
    const existing = this.powers[name];
    if (existing !== undefined && !existing.isFinished())
      return { powerCreated: false, powerName: name };
    const power = new this.context.core.Power(name, creditor, debtor, this.contract);
    this.powers[name] = power;
    if (notice === null || this.context.core.Predicates.happens(notice))
      power.trigerredUnconditional();
    else power.trigerredConditional();
    return { powerCreated: true, powerName: name };
  }

  protected endIfPerformed(): void {
    for (const obligation of allOf<Obligation>(this.obligations)) {
      if (obligation.isActive()) return;
      if (obligation.isViolated())
        for (const name of obligation._createdPowerNames ?? []) {
          const power = this.powers[name as P];
          if (power === undefined || !power.isSuccessfulTermination()) return;
        }
    }
    this.contract.fulfilledActiveObligations();
  }

  protected endUnsuccessfully(): void {
    this.note(
      "Symboleo terminates the contract when an obligation is violated and no power arises from the violation; Pacta has no such rule, the instrument stays in force",
    );
    for (const obligation of allOf<Obligation>(this.obligations))
      obligation.terminated({ emitEvent: false });
    for (const power of allOf<Power>(this.powers)) power.terminated();
    this.contract.terminated();
  }

  protected note(text: string): void {
    this.context.note(this.day, text);
  }

  protected select(day: Day): void {
    this.day = day;
    this.context.core.Events.init(this.subscriptions, this.listeners);
  }
}

/** The positions created so far (a record keyed by a sample's own names). */
function allOf<T>(record: object): T[] {
  return Object.values(record as Readonly<Record<string, T>>);
}
