/**
 * Symboleo's transactive-energy sample contract (public in
 * Smart-Contract-Modelling-uOttawa/Symboleo2SC-demo, contracts/TransactiveEnergy.symboleo), on
 * both sides.
 *
 * The contract between a system operator (ISO, "caiso") and a distributed-energy provider
 * ("derp"): once a bid is accepted, the provider must supply the energy within the bid's bounds
 * (dispatch window, voltage); once it has, the operator must pay within 4 days of the credit
 * invoice. If the supply is violated, the operator may impose a penalty, which the provider must
 * pay within 4 days of the penalty invoice; if that is violated, the operator, having given
 * notice, may terminate. The provider may terminate, having given notice, at any time.
 *
 * Symboleo's side is set up here on symboleo-js-core's public API, written from the sample's
 * specification. The supply obligation has no deadline in the sample (the bid's dispatch end is
 * data of the bid); the timer here violates it the day after the bid's dispatch end, which the
 * Pacta document gives as the duty's `due` date. Pacta's patterns cannot compare an event's values
 * with a bid's bounds, so a supply within the bounds and one outside are two event types.
 */
import type {
  ContractListeners,
  Event,
  Obligation,
  Role,
  Subscription,
  SymboleoContract,
} from "symboleo-js-core";
import { type Day, dayFromCivil, formatDay } from "../src/language/index.ts";
import { Prng } from "./prng.ts";
import { isoTime } from "./symboleo-driver.ts";
import { PositionsRun } from "./symboleo-positions-run.ts";
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

export interface EnergyTerms {
  /** The day the agreement comes into effect. */
  readonly effectiveDay: Day;
  /** The last day of the accepted bid's dispatch window. */
  readonly dispatchEndDay: Day;
}

export type EnergyAction =
  | "bidAccepted"
  | "energySupplied"
  | "energySuppliedOutOfBounds"
  | "creditInvoiceIssued"
  | "isoPaid"
  | "imposePenalty"
  | "penaltyInvoiceIssued"
  | "paidPenalty"
  | "caisoNotice"
  | "derpNotice"
  | "terminateByIso"
  | "terminateBySupplier";

export const energyActions: readonly EnergyAction[] = [
  "bidAccepted",
  "energySupplied",
  "energySuppliedOutOfBounds",
  "creditInvoiceIssued",
  "isoPaid",
  "imposePenalty",
  "penaltyInvoiceIssued",
  "paidPenalty",
  "caisoNotice",
  "derpNotice",
  "terminateByIso",
  "terminateBySupplier",
];

const instrumentId = (index: number): string => `energy-${index}`;

export function energyIds(index: number) {
  const main = instrumentId(index);
  return {
    contract: main,
    supplyEnergy: `${main}.supply-energy`,
    paybyISO: `${main}.pay-by-iso`,
    payPenalty: `${main}.pay-penalty`,
    imposePenalty: `${main}.impose-penalty`,
    terminateAgreement: `${main}.terminate-agreement`,
    terminateAgreementBySupplier: `${main}.terminate-by-supplier`,
  } as const;
}

/** Days within which an invoice must be paid (the sample's `Date.add(…, 4, days)`). */
const INVOICE_DAYS = 4;
/** The bid's voltage bounds, and the voltage of a supply within them and of one outside. */
const bidBounds = { minVoltage: 220, maxVoltage: 240 } as const;

type ObligationName = "supplyEnergy" | "paybyISO" | "payPenalty";
type PowerName = "imposePenalty" | "terminateAgreement" | "terminateAgreementBySupplier";

// ------------------------------------------------------------------ Symboleo's side

class EnergyRun
  extends PositionsRun<ObligationName, PowerName>
  implements SymboleoRun<EnergyAction>
{
  readonly startDay: Day;
  protected readonly contract: SymboleoContract;
  private readonly caiso: Role;
  private readonly derp: Role;
  private readonly events: Record<
    | "bidAccepted"
    | "energySupplied"
    | "creditInvoiceIssued"
    | "isoPaid"
    | "penaltyInvoiceIssued"
    | "paidPenalty"
    | "caisoNotice"
    | "derpNotice",
    Event
  >;
  /** The supply's voltage, as reported with the event. */
  private suppliedVoltage = 0;
  protected readonly subscriptions: Subscription[];
  protected readonly listeners: ContractListeners;
  private readonly ids: ReturnType<typeof energyIds>;

  constructor(
    private readonly terms: EnergyTerms,
    index: number,
    context: RunContext,
  ) {
    super(context);
    const core = context.core;
    this.startDay = terms.effectiveDay;
    this.ids = energyIds(index);
    this.contract = new core.SymboleoContract("TransactiveEnergyAgreement");
    this.contract._name = "TransactiveEnergyAgreement";
    this.caiso = new core.Role("caiso", this.contract);
    this.derp = new core.Role("derp", this.contract);
    const named = (name: string): Event => {
      const event = new core.Event();
      event._name = name;
      return event;
    };
    this.events = {
      bidAccepted: named("bidAccepted"),
      energySupplied: named("energySupplied"),
      creditInvoiceIssued: named("creditInvoiceIssued"),
      isoPaid: named("isoPaid"),
      penaltyInvoiceIssued: named("penaltyInvoiceIssued"),
      paidPenalty: named("paidPenalty"),
      caisoNotice: named("caisoTerminationNoticeIssued"),
      derpNotice: named("derpTerminationNoticeIssued"),
    };
    const { InternalEvent, InternalEventSource: source, InternalEventType: type } = core;
    const happened = (event: Event) =>
      new InternalEvent(source.contractEvent, type.contractEvent.Happened, event);
    // Obligations created later are matched by name: a stand-in with the name is enough.
    const position = (name: string): Obligation =>
      new core.Obligation(name, this.caiso, this.derp, this.contract);
    const e = this.events;
    const quiet =
      (f: () => void): Subscription[1] =>
      () => {
        f();
        return undefined;
      };
    this.subscriptions = [
      [[happened(e.bidAccepted)], quiet(() => this.createSupply())],
      [
        [new InternalEvent(source.power, type.power.Exerted, position("imposePenalty"))],
        quiet(() => this.createPenalty()),
      ],
      [
        [new InternalEvent(source.obligation, type.obligation.Fulfilled, position("supplyEnergy"))],
        quiet(() => this.createPayment()),
      ],
      [
        [new InternalEvent(source.obligation, type.obligation.Violated, position("payPenalty"))],
        () => this.createPower("terminateAgreement", this.caiso, this.derp, e.caisoNotice),
      ],
      [
        [new InternalEvent(source.obligation, type.obligation.Violated, position("supplyEnergy"))],
        () => this.createPower("imposePenalty", this.caiso, this.derp, null),
      ],
      [[happened(e.caisoNotice)], quiet(() => this.powers.terminateAgreement?.activated())],
      [
        [happened(e.derpNotice)],
        quiet(() => this.powers.terminateAgreementBySupplier?.activated()),
      ],
      [
        [happened(e.energySupplied)],
        quiet(() => {
          if (this.supplied()) this.obligations.supplyEnergy?.fulfilled();
        }),
      ],
      [
        [happened(e.penaltyInvoiceIssued), happened(e.paidPenalty)],
        quiet(() => {
          if (this.penaltyPaid()) this.obligations.payPenalty?.fulfilled();
        }),
      ],
      [
        [happened(e.creditInvoiceIssued), happened(e.isoPaid)],
        quiet(() => {
          if (this.creditPaid()) this.obligations.paybyISO?.fulfilled();
        }),
      ],
    ];
    this.listeners = {
      successfullyTerminateContract: () => this.endIfPerformed(),
      unsuccessfullyTerminateContract: () => this.endUnsuccessfully(),
    };
  }

  // The consequents of the three obligations.
  private supplied(): boolean {
    return (
      this.context.core.Predicates.happens(this.events.energySupplied) &&
      this.suppliedVoltage >= bidBounds.minVoltage &&
      this.suppliedVoltage <= bidBounds.maxVoltage
    );
  }

  private creditPaid(): boolean {
    const { Predicates, Utils } = this.context.core;
    const invoice = this.events.creditInvoiceIssued;
    return (
      Predicates.happens(invoice) &&
      Predicates.happensWithin(
        this.events.isoPaid,
        invoice._timestamp,
        Utils.addTime(invoice._timestamp!, INVOICE_DAYS, "days"),
      )
    );
  }

  private penaltyPaid(): boolean {
    const { Predicates, Utils } = this.context.core;
    const invoice = this.events.penaltyInvoiceIssued;
    return (
      Predicates.happens(invoice) &&
      Predicates.strongHappensBefore(
        this.events.paidPenalty,
        Utils.addTime(invoice._timestamp!, INVOICE_DAYS, "days"),
      )
    );
  }

  private createSupply(): void {
    this.createObligation("supplyEnergy", this.caiso, this.derp, () => this.supplied());
  }

  private createPayment(): void {
    this.createObligation("paybyISO", this.derp, this.caiso, () => this.creditPaid());
  }

  private createPenalty(): void {
    this.createObligation("payPenalty", this.caiso, this.derp, () => this.penaltyPaid());
  }

  start(day: Day): void {
    this.select(day);
    if (this.contract.activated())
      this.createPower(
        "terminateAgreementBySupplier",
        this.derp,
        this.caiso,
        this.events.derpNotice,
      );
    this.context.schedule(this.terms.dispatchEndDay + 1);
  }

  apply(action: EnergyAction, day: Day): void {
    this.select(day);
    const core = this.context.core;
    if (!this.contract.isInEffect()) {
      this.note(
        `Symboleo ignores events once the contract is not in effect (${symboleoStateName(this.contract.state, this.contract.activeState)}); Pacta's instrument goes on`,
      );
      return;
    }
    const happen = (event: Event): void => {
      if (event.hasHappened())
        this.note(
          `Symboleo keeps only the last ${event._name} (its time moves to the repeat, and a deadline counted from it moves too); Pacta anchors on the first`,
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
    };
    switch (action) {
      case "energySupplied":
      case "energySuppliedOutOfBounds":
        this.suppliedVoltage = action === "energySupplied" ? 230 : 250;
        happen(this.events.energySupplied);
        break;
      case "creditInvoiceIssued":
      case "penaltyInvoiceIssued":
        happen(this.events[action]);
        this.context.schedule(day + INVOICE_DAYS + 1);
        break;
      case "bidAccepted":
      case "isoPaid":
      case "paidPenalty":
      case "caisoNotice":
      case "derpNotice":
        happen(this.events[action]);
        break;
      case "imposePenalty":
        this.exert("imposePenalty", () => true);
        break;
      case "terminateByIso":
        this.exert("terminateAgreement", () => this.terminate("terminateAgreement"));
        break;
      case "terminateBySupplier":
        this.exert("terminateAgreementBySupplier", () =>
          this.terminate("terminateAgreementBySupplier"),
        );
        break;
    }
    this.timer(day);
  }

  private terminate(by: PowerName): boolean {
    for (const obligation of Object.values(this.obligations))
      obligation.terminated({ emitEvent: false });
    for (const [name, power] of Object.entries(this.powers)) if (name !== by) power.terminated();
    return this.contract.terminated();
  }

  private exert(name: PowerName, effect: () => boolean): void {
    const power = this.powers[name];
    if (power === undefined || !power.isInEffect()) {
      this.note(
        `Symboleo refuses ${name}: the power is not in effect; Pacta applies the event whoever sends it`,
      );
      return;
    }
    if (effect()) power.exerted();
  }

  timer(day: Day): void {
    this.select(day);
    const { supplyEnergy, paybyISO, payPenalty } = this.obligations;
    const invoiceDay = (event: Event): Day =>
      event._timestamp === null
        ? Number.POSITIVE_INFINITY
        : Date.parse(event._timestamp) / 86_400_000;
    if (supplyEnergy?.isInEffect() && day > this.terms.dispatchEndDay) supplyEnergy.violated();
    if (paybyISO?.isInEffect() && day > invoiceDay(this.events.creditInvoiceIssued) + INVOICE_DAYS)
      paybyISO.violated();
    if (
      payPenalty?.isInEffect() &&
      day > invoiceDay(this.events.penaltyInvoiceIssued) + INVOICE_DAYS
    )
      payPenalty.violated();
  }

  states(): ReadonlyMap<string, string> {
    const name = (p: { state: string; activeState: string } | undefined): string =>
      p === undefined || p.state === "Start" ? "Absent" : symboleoStateName(p.state, p.activeState);
    const ids = this.ids;
    return new Map([
      [ids.contract, symboleoStateName(this.contract.state, this.contract.activeState)],
      [ids.supplyEnergy, name(this.obligations.supplyEnergy)],
      [ids.paybyISO, name(this.obligations.paybyISO)],
      [ids.payPenalty, name(this.obligations.payPenalty)],
      [ids.imposePenalty, name(this.powers.imposePenalty)],
      [ids.terminateAgreement, name(this.powers.terminateAgreement)],
      [ids.terminateAgreementBySupplier, name(this.powers.terminateAgreementBySupplier)],
    ]);
  }
}

// ------------------------------------------------------------------ Pacta's side

function contractText(terms: EnergyTerms, index: number): string {
  const main = instrumentId(index);
  const bid = `bid-${index}`;
  return `asset ${bid} "The bid of agreement ${index}" { kind energy }
instrument ${main} "Transactive energy agreement ${index}" {
  kind agreement
  parties caiso, derp
  in-force on ${formatDay(terms.effectiveDay)}
  article 1 "Supply, payment and penalty" {
    duty supply-energy "Supply the energy of the accepted bid" {
      holder derp
      counterparty caiso
      from accept-bid ${bid} by caiso
      due ${formatDay(terms.dispatchEndDay)}
      fulfilled by supply-energy ${bid} by derp to caiso
    }
    duty pay-by-iso "Pay within 4 days of the credit invoice" {
      holder caiso
      counterparty derp
      from fulfilment of supply-energy
      due ${INVOICE_DAYS} days after issue-credit-invoice ${bid} by derp
      fulfilled by pay ${bid} by caiso to derp
    }
    power impose-penalty "Impose a penalty" {
      holder caiso
      counterparty derp
      from violation of supply-energy
      fulfilled by impose-penalty ${bid} by caiso to derp
    }
    duty pay-penalty "Pay the penalty within 4 days of its invoice" {
      holder derp
      counterparty caiso
      from fulfilment of impose-penalty
      due ${INVOICE_DAYS} days after issue-penalty-invoice ${bid} by caiso
      fulfilled by pay-penalty ${bid} by derp to caiso
    }
    power terminate-agreement "Terminate, after notice, once the penalty is unpaid" {
      holder caiso
      counterparty derp
      from violation of pay-penalty
      when noticed(${main}, caiso)
      fulfilled by terminate ${main} by caiso
    }
    power terminate-by-supplier "Terminate, after notice" {
      holder derp
      counterparty caiso
      when noticed(${main}, derp)
      fulfilled by terminate ${main} by derp
    }
  }
}
`;
}

function eventText(event: SampleEvent<EnergyAction>, sequence: number): string {
  const i = event.contract;
  const bid = `bid-${i}`;
  const main = instrumentId(i);
  const what: Record<EnergyAction, string> = {
    bidAccepted: `accept-bid ${bid} by caiso to derp`,
    energySupplied: `supply-energy ${bid} by derp to caiso`,
    energySuppliedOutOfBounds: `supply-energy-out-of-bounds ${bid} by derp to caiso`,
    creditInvoiceIssued: `issue-credit-invoice ${bid} by derp to caiso`,
    isoPaid: `pay ${bid} by caiso to derp`,
    imposePenalty: `impose-penalty ${bid} by caiso to derp`,
    penaltyInvoiceIssued: `issue-penalty-invoice ${bid} by caiso to derp`,
    paidPenalty: `pay-penalty ${bid} by derp to caiso`,
    caisoNotice: `give-notice ${main} by caiso`,
    derpNotice: `give-notice ${main} by derp`,
    terminateByIso: `terminate ${main} by caiso`,
    terminateBySupplier: `terminate ${main} by derp`,
  };
  return `event e${String(sequence).padStart(8, "0")} ${formatDay(event.day)} ${what[event.action]}\n`;
}

const header = `party caiso "The system operator (ISO)"
party derp "The distributed-energy provider"
fact noticed(i, p) "p has given notice of termination of i" {
  starts give-notice ?i by ?p
}
`;

export function energyDocuments(
  scenario: Scenario<EnergyTerms, EnergyAction>,
): { file: string; text: string }[] {
  return scenarioDocuments("energy", header, scenario, contractText, eventText);
}

// ------------------------------------------------------------------ scenarios

const feb = (day: number): Day => dayFromCivil(2024, 2, day);
const terms: EnergyTerms = { effectiveDay: feb(1), dispatchEndDay: feb(5) };
const at = (day: number, action: EnergyAction): SampleEvent<EnergyAction> => ({
  day: feb(day),
  contract: 0,
  action,
});

export const energyScenarios: readonly Scenario<EnergyTerms, EnergyAction>[] = [
  {
    name: "supplied-paid",
    description: "bid accepted, energy supplied within bounds, invoiced and paid on time",
    contracts: [terms],
    events: [
      at(2, "bidAccepted"),
      at(4, "energySupplied"),
      at(6, "creditInvoiceIssued"),
      at(9, "isoPaid"),
    ],
  },
  {
    name: "paid-late",
    description: "supplied; the operator pays after the 4 days",
    contracts: [terms],
    events: [
      at(2, "bidAccepted"),
      at(4, "energySupplied"),
      at(6, "creditInvoiceIssued"),
      at(12, "isoPaid"),
    ],
  },
  {
    name: "penalty-paid",
    description: "supply out of bounds: violated; penalty imposed, invoiced and paid",
    contracts: [terms],
    events: [
      at(2, "bidAccepted"),
      at(4, "energySuppliedOutOfBounds"),
      at(7, "imposePenalty"),
      at(8, "penaltyInvoiceIssued"),
      at(10, "paidPenalty"),
    ],
  },
  {
    name: "penalty-unpaid-terminated",
    description:
      "no supply; penalty imposed and not paid; the operator gives notice and terminates",
    contracts: [terms],
    events: [
      at(2, "bidAccepted"),
      at(7, "imposePenalty"),
      at(8, "penaltyInvoiceIssued"),
      at(14, "caisoNotice"),
      at(15, "terminateByIso"),
    ],
  },
  {
    name: "supplier-terminates",
    description: "the provider gives notice and terminates before supplying",
    contracts: [terms],
    events: [at(2, "bidAccepted"), at(3, "derpNotice"), at(4, "terminateBySupplier")],
  },
];

/** A large scenario: agreements starting a day apart, each with a random course; about 5 events each. */
export function generateEnergy(events: number, seed: number): Scenario<EnergyTerms, EnergyAction> {
  const prng = new Prng(seed);
  const contracts: EnergyTerms[] = [];
  const generated = new GeneratedEvents<EnergyAction>();
  const base = dayFromCivil(2024, 2, 1);
  const push = (contract: number, day: Day, action: EnergyAction): void =>
    generated.push(contract, day, action);
  for (let index = 0; generated.size < events; index++) {
    const start = base + (index % 365);
    const t: EnergyTerms = { effectiveDay: start, dispatchEndDay: start + prng.int(3, 8) };
    contracts.push(t);
    const accepted = start + prng.int(0, 2);
    push(index, accepted, "bidAccepted");
    const course = prng.next();
    if (course < 0.6) {
      const supplied = accepted + prng.int(0, t.dispatchEndDay - accepted + 2);
      push(index, supplied, "energySupplied");
      if (prng.chance(0.9)) {
        const invoiced = supplied + prng.int(0, 3);
        push(index, invoiced, "creditInvoiceIssued");
        if (prng.chance(0.9)) push(index, invoiced + prng.int(0, 6), "isoPaid");
      }
    } else if (course < 0.9) {
      if (prng.chance(0.5)) push(index, accepted + prng.int(0, 2), "energySuppliedOutOfBounds");
      const imposed = t.dispatchEndDay + prng.int(1, 3);
      if (prng.chance(0.8)) {
        push(index, imposed, "imposePenalty");
        const invoiced = imposed + prng.int(0, 2);
        push(index, invoiced, "penaltyInvoiceIssued");
        if (prng.chance(0.6)) push(index, invoiced + prng.int(0, 6), "paidPenalty");
        else if (prng.chance(0.7)) {
          const noticed = invoiced + prng.int(3, 8);
          push(index, noticed, "caisoNotice");
          push(index, noticed + prng.int(0, 3), "terminateByIso");
        }
      }
    } else {
      const noticed = accepted + prng.int(0, 5);
      push(index, noticed, "derpNotice");
      if (prng.chance(0.8)) push(index, noticed + prng.int(0, 3), "terminateBySupplier");
    }
    if (prng.chance(0.05)) push(index, start + prng.int(0, 20), prng.pick(energyActions));
  }
  return generated.scenario(contracts, "agreements");
}

// ------------------------------------------------------------------ the sample

export const transactiveEnergy: SymboleoSample<EnergyTerms, EnergyAction> = {
  name: "transactive-energy",
  title: "Transactive energy agreement (TransactiveEnergy.symboleo)",
  subjects(_terms, index): Subject[] {
    const ids = energyIds(index);
    return [
      { id: ids.contract, kind: "contract" },
      { id: ids.supplyEnergy, kind: "obligation" },
      { id: ids.paybyISO, kind: "obligation" },
      { id: ids.payPenalty, kind: "obligation" },
      { id: ids.imposePenalty, kind: "power" },
      { id: ids.terminateAgreement, kind: "power" },
      { id: ids.terminateAgreementBySupplier, kind: "power" },
    ];
  },
  pactaDocuments: energyDocuments,
  createRun: (t, index, context) => new EnergyRun(t, index, context),
  scenarios: () => energyScenarios,
  generate: generateEnergy,
};
