/**
 * Symboleo's meat-sale sample contract (public in Smart-Contract-Modelling-uOttawa/Symboleo2SC-demo,
 * contracts/MeatSaleContract.symboleo), on both sides.
 *
 * The contract: the seller must deliver the meat by the delivery due date, the buyer must pay by
 * the payment due date. If the payment is violated, the buyer must pay late (with interest) and the
 * seller gains the power to suspend the delivery obligation; a late payment made while the delivery
 * is suspended gives the buyer the power to resume it; if the delivery is violated, the buyer gains
 * the power to terminate the contract.
 *
 * Symboleo's side is set up here on symboleo-js-core's public API (contract, roles, obligations,
 * powers, the `Events` subscriptions and the two contract listeners), written from the sample's
 * specification and the library's state machines. Pacta's side is one instrument per contract
 * (payment, late payment and the three powers) and one for the delivery duty alone, so that the
 * seller's power can suspend the delivery without suspending the rest: a Pacta provision is
 * suspended only with its instrument. A fact `suspended(i)` says the delivery instrument is
 * suspended, the condition of the power to resume it.
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
import { type Day, dayFromCivil, formatDay } from "../src/language/index.ts";
import { Prng } from "./prng.ts";
import { isoTime } from "./symboleo-driver.ts";
import {
  GeneratedEvents,
  type RunContext,
  type SampleEvent,
  type Scenario,
  type Subject,
  type SymboleoRun,
  type SymboleoSample,
  scenarioDocuments,
} from "./symboleo-sample.ts";
import { symboleoStateName } from "./symboleo-state-mapping.ts";

export interface MeatSaleTerms {
  /** The day the contract comes into effect (Symboleo's `effDate`). */
  readonly effectiveDay: Day;
  readonly deliveryDueDay: Day;
  readonly paymentDueDay: Day;
}

export type MeatSaleAction =
  | "delivered"
  | "paid"
  | "paidLate"
  | "suspendDelivery"
  | "resumeDelivery"
  | "terminateContract";

export const meatSaleActions: readonly MeatSaleAction[] = [
  "delivered",
  "paid",
  "paidLate",
  "suspendDelivery",
  "resumeDelivery",
  "terminateContract",
];

const instrumentId = (index: number): string => `meat-sale-${index}`;
const deliveryInstrumentId = (index: number): string => `meat-sale-${index}-delivery`;

/** Pacta ids of a contract's subjects, by Symboleo's names. */
export function meatSaleIds(index: number) {
  const main = instrumentId(index);
  return {
    contract: main,
    delivery: `${deliveryInstrumentId(index)}.delivery`,
    payment: `${main}.payment`,
    latePayment: `${main}.late-payment`,
    suspendDelivery: `${main}.suspend-delivery`,
    resumeDelivery: `${main}.resume-delivery`,
    terminateContract: `${main}.terminate-contract`,
  } as const;
}

// ------------------------------------------------------------------ Symboleo's side

class MeatSaleRun implements SymboleoRun<MeatSaleAction> {
  readonly startDay: Day;
  private readonly contract: SymboleoContract;
  private readonly buyer: Role;
  private readonly seller: Role;
  private readonly delivered: Event;
  private readonly paid: Event;
  private readonly paidLate: Event;
  private readonly delivery: Obligation;
  private readonly payment: Obligation;
  private latePayment: Obligation | undefined;
  private readonly powers: {
    suspendDelivery?: Power;
    resumeDelivery?: Power;
    terminateContract?: Power;
  } = {};
  private readonly subscriptions: Subscription[];
  private readonly listeners: ContractListeners;
  private readonly ids: ReturnType<typeof meatSaleIds>;

  constructor(
    private readonly terms: MeatSaleTerms,
    index: number,
    private readonly context: RunContext,
  ) {
    const core = context.core;
    this.startDay = terms.effectiveDay;
    this.ids = meatSaleIds(index);
    this.contract = new core.SymboleoContract("MeatSale");
    this.contract._name = "MeatSale";
    this.buyer = new core.Role("buyer", this.contract);
    this.seller = new core.Role("seller", this.contract);
    const named = (name: string): Event => {
      const event = new core.Event();
      event._name = name;
      return event;
    };
    this.delivered = named("delivered");
    this.paid = named("paid");
    this.paidLate = named("paidLate");
    // Obligations exist from the start (not yet triggered); the others when their trigger happens.
    this.delivery = new core.Obligation("delivery", this.buyer, this.seller, this.contract);
    this.payment = new core.Obligation("payment", this.seller, this.buyer, this.contract);
    const { InternalEvent, InternalEventSource: source, InternalEventType: type } = core;
    const on = (
      eventSource: string,
      eventType: string,
      object: Obligation | Event,
      callback: Subscription[1],
    ): Subscription => [[new InternalEvent(eventSource, eventType, object)], callback];
    const happened = type.contractEvent.Happened;
    this.subscriptions = [
      on(source.obligation, type.obligation.Violated, this.payment, () => this.onPaymentViolated()),
      on(source.obligation, type.obligation.Violated, this.payment, () => this.createSuspension()),
      on(source.contractEvent, happened, this.paidLate, () => this.createResumption()),
      on(source.obligation, type.obligation.Violated, this.delivery, () =>
        this.createTermination(),
      ),
      on(source.contractEvent, happened, this.paidLate, () => {
        this.latePayment?.fulfilled();
        return undefined;
      }),
      on(source.contractEvent, happened, this.delivered, () => {
        if (core.Predicates.weakHappensBefore(this.delivered, isoTime(this.terms.deliveryDueDay)))
          this.delivery.fulfilled();
        return undefined;
      }),
      on(source.contractEvent, happened, this.paid, () => {
        if (core.Predicates.weakHappensBefore(this.paid, isoTime(this.terms.paymentDueDay)))
          this.payment.fulfilled();
        return undefined;
      }),
    ];
    this.listeners = {
      successfullyTerminateContract: () => this.endIfPerformed(),
      unsuccessfullyTerminateContract: () => this.endUnsuccessfully(),
    };
  }

  private obligations(): Obligation[] {
    const list = [this.delivery, this.payment];
    if (this.latePayment !== undefined) list.push(this.latePayment);
    return list;
  }

  private onPaymentViolated(): undefined {
    const core = this.context.core;
    if (this.latePayment === undefined || this.latePayment.isFinished()) {
      this.latePayment = new core.Obligation("latePayment", this.seller, this.buyer, this.contract);
      this.latePayment.trigerredUnconditional();
      if (core.Predicates.happens(this.paidLate)) {
        this.latePayment.fulfilled();
        this.note(
          "Symboleo fulfils the late payment as it is created, the late payment having come before the payment's violation; Pacta counts only a payment made while the duty is in effect",
        );
      }
    }
    return undefined;
  }

  private createPower(
    name: "suspendDelivery" | "resumeDelivery" | "terminateContract",
    creditor: Role,
    debtor: Role,
  ): { powerCreated: boolean; powerName: string } {
    const existing = this.powers[name];
    if (existing !== undefined && !existing.isFinished())
      return { powerCreated: false, powerName: name };
    const power = new this.context.core.Power(name, creditor, debtor, this.contract);
    this.powers[name] = power;
    power.trigerredUnconditional();
    return { powerCreated: true, powerName: name };
  }

  private createSuspension() {
    return this.createPower("suspendDelivery", this.seller, this.buyer);
  }

  private createResumption() {
    if (this.delivery.isSuspended())
      return this.createPower("resumeDelivery", this.buyer, this.seller);
    this.note(
      "Symboleo creates the power to resume only for a late payment made while the delivery is suspended; Pacta's power starts at any late payment and is in effect while the delivery instrument is suspended",
    );
    return undefined;
  }

  private createTermination() {
    return this.createPower("terminateContract", this.buyer, this.seller);
  }

  /** The contract ends successfully once no obligation is active and every violation's powers were exerted. */
  private endIfPerformed(): void {
    for (const obligation of this.obligations()) {
      if (obligation.isActive()) return;
      if (obligation.isViolated())
        for (const name of obligation._createdPowerNames ?? []) {
          const power = this.powers[name as keyof typeof this.powers];
          if (power === undefined || !power.isSuccessfulTermination()) return;
        }
    }
    this.contract.fulfilledActiveObligations();
  }

  private endUnsuccessfully(): void {
    for (const obligation of this.obligations()) obligation.terminated({ emitEvent: false });
    for (const power of Object.values(this.powers)) power.terminated();
    this.contract.terminated();
  }

  private note(text: string): void {
    this.context.note(this.day, text);
  }

  private day: Day = 0;

  private select(day: Day): void {
    this.day = day;
    this.context.core.Events.init(this.subscriptions, this.listeners);
  }

  start(day: Day): void {
    this.select(day);
    if (this.contract.activated()) {
      this.delivery.trigerredUnconditional();
      this.payment.trigerredUnconditional();
    }
    this.context.schedule(this.terms.deliveryDueDay + 1);
    this.context.schedule(this.terms.paymentDueDay + 1);
  }

  apply(action: MeatSaleAction, day: Day): void {
    this.select(day);
    const core = this.context.core;
    if (!this.contract.isInEffect()) {
      this.note(
        `Symboleo ignores events once the contract is not in effect (${symboleoStateName(this.contract.state, this.contract.activeState)}); Pacta's instrument stays in force`,
      );
      return;
    }
    switch (action) {
      case "delivered":
      case "paid":
      case "paidLate": {
        const event = this[action];
        if (event.hasHappened())
          this.note(
            `Symboleo keeps only the last ${action} (its time moves to the repeat); Pacta keeps every event`,
          );
        event.happen({ _timestamp: isoTime(day) });
        core.Events.emitEvent(
          this.contract,
          new core.InternalEvent(
            core.InternalEventSource.contractEvent,
            core.InternalEventType.contractEvent.Happened,
            event,
          ),
        );
        break;
      }
      case "suspendDelivery":
        this.exert("suspendDelivery", () => this.delivery.suspended());
        break;
      case "resumeDelivery":
        this.exert("resumeDelivery", () => this.delivery.resumed());
        break;
      case "terminateContract":
        this.exert("terminateContract", () => {
          for (const obligation of this.obligations()) obligation.terminated({ emitEvent: false });
          for (const [name, power] of Object.entries(this.powers))
            if (name !== "terminateContract") power.terminated();
          return this.contract.terminated();
        });
        break;
    }
    this.timer(day);
  }

  /** A power's exercise: its effect, then the power exerted, only while it is in effect. */
  private exert(name: keyof typeof this.powers, effect: () => boolean): void {
    const power = this.powers[name];
    if (power === undefined || !power.isInEffect()) {
      this.note(
        `Symboleo refuses ${name}: the power is not in effect; Pacta applies the lifecycle event whoever sends it`,
      );
      return;
    }
    if (!effect()) {
      this.note(
        `Symboleo refuses ${name}: the delivery obligation is not in the state it acts on; Pacta applies the lifecycle event to the delivery instrument`,
      );
      return;
    }
    power.exerted();
  }

  timer(day: Day): void {
    this.select(day);
    if (this.delivery.isInEffect() && day > this.terms.deliveryDueDay) this.delivery.violated();
    if (this.payment.isInEffect() && day > this.terms.paymentDueDay) this.payment.violated();
  }

  states(): ReadonlyMap<string, string> {
    const name = (p: { state: string; activeState: string } | undefined): string =>
      p === undefined || p.state === "Start" ? "Absent" : symboleoStateName(p.state, p.activeState);
    const ids = this.ids;
    return new Map([
      [ids.contract, symboleoStateName(this.contract.state, this.contract.activeState)],
      [ids.delivery, name(this.delivery)],
      [ids.payment, name(this.payment)],
      [ids.latePayment, name(this.latePayment)],
      [ids.suspendDelivery, name(this.powers.suspendDelivery)],
      [ids.resumeDelivery, name(this.powers.resumeDelivery)],
      [ids.terminateContract, name(this.powers.terminateContract)],
    ]);
  }
}

// ------------------------------------------------------------------ Pacta's side

function contractText(terms: MeatSaleTerms, index: number): string {
  const main = instrumentId(index);
  const delivery = deliveryInstrumentId(index);
  const goods = `goods-${index}`;
  return `asset ${goods} "The meat of sale ${index}" { kind goods }
instrument ${main} "Meat sale ${index}" {
  kind agreement
  parties buyer, seller
  in-force on ${formatDay(terms.effectiveDay)}
  article 1 "Payment and remedies" {
    duty payment "Pay for the meat" {
      holder buyer
      counterparty seller
      due ${formatDay(terms.paymentDueDay)}
      fulfilled by pay ${goods} by buyer to seller
    }
    duty late-payment "Pay late, with interest" {
      holder buyer
      counterparty seller
      from violation of payment
      fulfilled by pay-late ${goods} by buyer to seller
    }
    power suspend-delivery "Suspend the delivery" {
      holder seller
      counterparty buyer
      from violation of payment
      fulfilled by suspend ${delivery} by seller
    }
    power resume-delivery "Resume the delivery" {
      holder buyer
      counterparty seller
      from pay-late ${goods} by buyer
      when suspended(${delivery})
      fulfilled by resume ${delivery} by buyer
    }
    power terminate-contract "Terminate the contract" {
      holder buyer
      counterparty seller
      from violation of ${delivery}.delivery
      fulfilled by terminate ${main} by buyer
    }
  }
}
instrument ${delivery} "Meat sale ${index}: the delivery" {
  kind agreement
  parties buyer, seller
  in-force on ${formatDay(terms.effectiveDay)}
  implements ${main}
  article 1 "Delivery" {
    duty delivery "Deliver the meat" {
      holder seller
      counterparty buyer
      due ${formatDay(terms.deliveryDueDay)}
      fulfilled by deliver ${goods} by seller to buyer
    }
  }
}
`;
}

function eventText(event: SampleEvent<MeatSaleAction>, sequence: number): string {
  const i = event.contract;
  const what: Record<MeatSaleAction, string> = {
    delivered: `deliver goods-${i} by seller to buyer`,
    paid: `pay goods-${i} by buyer to seller`,
    paidLate: `pay-late goods-${i} by buyer to seller`,
    suspendDelivery: `suspend ${deliveryInstrumentId(i)} by seller`,
    resumeDelivery: `resume ${deliveryInstrumentId(i)} by buyer`,
    terminateContract: `terminate ${instrumentId(i)} by buyer`,
  };
  // Ids sort in the scenario's order, which is Pacta's order of same-day events.
  return `event e${String(sequence).padStart(8, "0")} ${formatDay(event.day)} ${what[event.action]}\n`;
}

const header = `party buyer "The buyer"
party seller "The seller"
fact suspended(i) "Instrument i is suspended" {
  starts suspend ?i
  ends resume ?i
}
`;

/** Pacta documents of a scenario, in files of about 1 MB. */
export function meatSaleDocuments(
  scenario: Scenario<MeatSaleTerms, MeatSaleAction>,
): { file: string; text: string }[] {
  return scenarioDocuments("meat-sale", header, scenario, contractText, eventText);
}

// ------------------------------------------------------------------ scenarios

const jan = (day: number): Day => dayFromCivil(2024, 1, day);

/** The sample's terms: delivery due before payment, as its constraint requires. */
const standardTerms: MeatSaleTerms = {
  effectiveDay: jan(1),
  deliveryDueDay: jan(10),
  paymentDueDay: jan(20),
};
/**
 * Payment due before delivery. The sample's constraint (`delivered.delDueDate < paid.payDueDate`)
 * forbids it, but symboleo-js-core does not check constraints, and only with these terms can the
 * seller's power to suspend the delivery act on a delivery still in effect.
 */
const advanceTerms: MeatSaleTerms = {
  effectiveDay: jan(1),
  deliveryDueDay: jan(20),
  paymentDueDay: jan(5),
};

const at = (day: number, action: MeatSaleAction): SampleEvent<MeatSaleAction> => ({
  day: jan(day),
  contract: 0,
  action,
});

export const meatSaleScenarios: readonly Scenario<MeatSaleTerms, MeatSaleAction>[] = [
  {
    name: "on-time",
    description: "delivered and paid on time",
    contracts: [standardTerms],
    events: [at(8, "delivered"), at(15, "paid")],
  },
  {
    name: "on-deadline",
    description: "delivered and paid on their due days",
    contracts: [standardTerms],
    events: [at(10, "delivered"), at(20, "paid")],
  },
  {
    name: "late-payment",
    description: "delivered, payment missed; the buyer pays late",
    contracts: [standardTerms],
    events: [at(5, "delivered"), at(25, "paidLate")],
  },
  {
    name: "late-delivery-terminated",
    description: "delivery missed (delivered late), paid; the buyer terminates",
    contracts: [standardTerms],
    events: [at(12, "delivered"), at(14, "paid"), at(15, "terminateContract")],
  },
  {
    name: "suspended-resumed",
    description:
      "payment due first and missed; the seller suspends the delivery, the buyer pays late and resumes it; delivered",
    contracts: [advanceTerms],
    events: [
      at(7, "suspendDelivery"),
      at(9, "paidLate"),
      at(10, "resumeDelivery"),
      at(15, "delivered"),
    ],
  },
  {
    name: "resumed-overdue-terminated",
    description:
      "as above, but resumed after the delivery's due day: violated on resumption; the buyer terminates",
    contracts: [advanceTerms],
    events: [
      at(7, "suspendDelivery"),
      at(25, "paidLate"),
      at(26, "resumeDelivery"),
      at(28, "terminateContract"),
    ],
  },
  {
    name: "unauthorised-suspension",
    description: "the seller suspends the delivery without the power to; then delivers and is paid",
    contracts: [standardTerms],
    events: [at(3, "suspendDelivery"), at(8, "delivered"), at(15, "paid")],
  },
];

/**
 * A large scenario: contracts starting a day apart (cycling over a year), each with its own terms
 * and a random course (on time, late, missed, suspended and resumed, terminated), and now and then
 * an event out of turn. About four events a contract.
 */
export function generateMeatSale(
  events: number,
  seed: number,
): Scenario<MeatSaleTerms, MeatSaleAction> {
  const prng = new Prng(seed);
  const contracts: MeatSaleTerms[] = [];
  const generated = new GeneratedEvents<MeatSaleAction>();
  const base = dayFromCivil(2024, 1, 1);
  const push = (contract: number, day: Day, action: MeatSaleAction): void =>
    generated.push(contract, day, action);
  for (let index = 0; generated.size < events; index++) {
    const start = base + (index % 365);
    const advance = prng.chance(0.3);
    const terms: MeatSaleTerms = advance
      ? {
          effectiveDay: start,
          paymentDueDay: start + prng.int(3, 6),
          deliveryDueDay: start + prng.int(10, 20),
        }
      : {
          effectiveDay: start,
          deliveryDueDay: start + prng.int(5, 15),
          paymentDueDay: start + prng.int(16, 30),
        };
    contracts.push(terms);
    const paidOnTime = prng.chance(0.7);
    if (paidOnTime) push(index, start + prng.int(1, terms.paymentDueDay - start), "paid");
    else {
      const missed = terms.paymentDueDay + 1;
      if (prng.chance(0.2)) push(index, missed + prng.int(0, 2), "paid");
      const suspends = prng.chance(0.6);
      if (suspends) push(index, missed + prng.int(0, 2), "suspendDelivery");
      if (prng.chance(0.8)) {
        const paidLateDay = missed + prng.int(3, 10);
        push(index, paidLateDay, "paidLate");
        if (suspends && prng.chance(0.8))
          push(index, paidLateDay + prng.int(0, 3), "resumeDelivery");
      }
    }
    const deliveredDay = start + prng.int(1, terms.deliveryDueDay - start + 4);
    if (prng.chance(0.85)) push(index, deliveredDay, "delivered");
    if (deliveredDay > terms.deliveryDueDay && prng.chance(0.5))
      push(index, terms.deliveryDueDay + prng.int(2, 12), "terminateContract");
    if (prng.chance(0.05)) push(index, start + prng.int(0, 30), prng.pick(meatSaleActions));
  }
  return generated.scenario(contracts, "contracts");
}

// ------------------------------------------------------------------ the sample

export const meatSale: SymboleoSample<MeatSaleTerms, MeatSaleAction> = {
  name: "meat-sale",
  title: "Meat sale (MeatSaleContract.symboleo)",
  subjects(_terms, index): Subject[] {
    const ids = meatSaleIds(index);
    return [
      { id: ids.contract, kind: "contract" },
      { id: ids.delivery, kind: "obligation" },
      { id: ids.payment, kind: "obligation" },
      { id: ids.latePayment, kind: "obligation" },
      { id: ids.suspendDelivery, kind: "power" },
      { id: ids.resumeDelivery, kind: "power" },
      { id: ids.terminateContract, kind: "power" },
    ];
  },
  pactaDocuments: meatSaleDocuments,
  createRun: (terms, index, context) => new MeatSaleRun(terms, index, context),
  scenarios: () => meatSaleScenarios,
  generate: generateMeatSale,
};
