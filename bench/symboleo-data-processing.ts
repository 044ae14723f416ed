/**
 * Symboleo's data-processing agreement (public in Smart-Contract-Modelling-uOttawa/Symboleo2SC-demo,
 * contracts/DataProcessingAgreement.symboleo), on both sides.
 *
 * The agreement between a service provider (processor) and a client (controller): the provider
 * must provide the processing service until both parties agree to end it; when asked, it must
 * process a data point by the instruction, and deliver the record of a processing; when asked,
 * the client must pay the amount requested; when the provider notifies an infringement of data
 * protection law, the client must adapt the instruction. If that is violated, the provider, having
 * notified it, may suspend the service and terminate the active processing request; once the
 * instruction is adapted, the client may resume the service.
 *
 * Nothing in the sample has a deadline: its obligations are violated when someone says so (the
 * generated contract's `violateObligation_…` transactions). Here that is an event of the scenario
 * (`breach…`), which is a `violated by` pattern in the Pacta document. Symboleo's side is set up
 * here on symboleo-js-core's public API, written from the sample's specification. As in the meat
 * sale, the service duty has an instrument of its own, so that suspending it suspends nothing else;
 * terminating the processing request is a `discharge` event.
 */
import type {
  ContractListeners,
  Event,
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

export interface ProcessingTerms {
  /** The day the agreement comes into effect. */
  readonly effectiveDay: Day;
}

export type ProcessingAction =
  | "requestProcessing"
  | "processData"
  | "processDataAgainstInstruction"
  | "requestRecord"
  | "deliverRecord"
  | "notifyInfringement"
  | "adaptInstruction"
  | "notifySuspension"
  | "requestPayment"
  | "pay"
  | "payWrongAmount"
  | "clientAgreesToEnd"
  | "providerAgreesToEnd"
  | "suspendService"
  | "terminateRequest"
  | "resumeService"
  | "breachProcessing"
  | "breachRecord"
  | "breachAdaptation";

export const processingActions: readonly ProcessingAction[] = [
  "requestProcessing",
  "processData",
  "processDataAgainstInstruction",
  "requestRecord",
  "deliverRecord",
  "notifyInfringement",
  "adaptInstruction",
  "notifySuspension",
  "requestPayment",
  "pay",
  "payWrongAmount",
  "clientAgreesToEnd",
  "providerAgreesToEnd",
  "suspendService",
  "terminateRequest",
  "resumeService",
  "breachProcessing",
  "breachRecord",
  "breachAdaptation",
];

const instrumentId = (index: number): string => `processing-${index}`;
const serviceInstrumentId = (index: number): string => `processing-${index}-service`;

export function processingIds(index: number) {
  const main = instrumentId(index);
  return {
    contract: main,
    provideService: `${serviceInstrumentId(index)}.provide-service`,
    payment: `${main}.payment`,
    processData: `${main}.process-data`,
    adaptInstruction: `${main}.adapt-instruction`,
    deliverRecord: `${main}.deliver-record`,
    suspendService: `${main}.suspend-service`,
    suspendActiveRequest: `${main}.terminate-request`,
    resumeService: `${main}.resume-service`,
  } as const;
}

type ObligationName =
  | "provideService"
  | "payment"
  | "processData"
  | "adaptInstruction"
  | "deliverRecord";
type PowerName = "suspendService" | "suspendActiveRequest" | "resumeService";
type EventName =
  | "requestedDataProcessing"
  | "processedData"
  | "requestedRecord"
  | "deliveredRecord"
  | "infringementNotified"
  | "adaptedInstruction"
  | "suspensionNotified"
  | "clientAgreedTermination"
  | "providerAgreedTermination"
  | "paidServiceProvider"
  | "requestedPayment";

/** The contract events each action makes happen. */
const happens: Partial<Record<ProcessingAction, EventName>> = {
  requestProcessing: "requestedDataProcessing",
  processData: "processedData",
  processDataAgainstInstruction: "processedData",
  requestRecord: "requestedRecord",
  deliverRecord: "deliveredRecord",
  notifyInfringement: "infringementNotified",
  adaptInstruction: "adaptedInstruction",
  notifySuspension: "suspensionNotified",
  requestPayment: "requestedPayment",
  pay: "paidServiceProvider",
  payWrongAmount: "paidServiceProvider",
  clientAgreesToEnd: "clientAgreedTermination",
  providerAgreesToEnd: "providerAgreedTermination",
};

// ------------------------------------------------------------------ Symboleo's side

class ProcessingRun
  extends PositionsRun<ObligationName, PowerName>
  implements SymboleoRun<ProcessingAction>
{
  readonly startDay: Day;
  protected readonly contract: SymboleoContract;
  private readonly provider: Role;
  private readonly client: Role;
  private readonly events = {} as Record<EventName, Event>;
  /** Whether the data was processed by the instruction, and the payment of the amount requested. */
  private processedByInstruction = false;
  private paidAmountRequested = false;
  protected readonly subscriptions: Subscription[];
  protected readonly listeners: ContractListeners;
  private readonly ids: ReturnType<typeof processingIds>;

  constructor(terms: ProcessingTerms, index: number, context: RunContext) {
    super(context);
    const core = context.core;
    this.startDay = terms.effectiveDay;
    this.ids = processingIds(index);
    this.contract = new core.SymboleoContract("DataProcessingAgreement");
    this.contract._name = "DataProcessingAgreement";
    this.provider = new core.Role("serviceProvider", this.contract);
    this.client = new core.Role("client", this.contract);
    for (const name of new Set(Object.values(happens))) {
      const event = new core.Event();
      event._name = name;
      this.events[name] = event;
    }
    const { InternalEvent, InternalEventSource: source, InternalEventType: type } = core;
    const on = (...names: EventName[]) =>
      names.map(
        (name) =>
          new InternalEvent(source.contractEvent, type.contractEvent.Happened, this.events[name]),
      );
    // Obligations created later are matched by name: a stand-in with the name is enough.
    const violated = (name: ObligationName) => [
      new InternalEvent(
        source.obligation,
        type.obligation.Violated,
        new core.Obligation(name, this.client, this.provider, this.contract),
      ),
    ];
    const quiet =
      (f: () => void): Subscription[1] =>
      () => {
        f();
        return undefined;
      };
    const e = this.events;
    const P = core.Predicates;
    this.subscriptions = [
      [
        on("requestedPayment"),
        quiet(() =>
          this.createObligation("payment", this.provider, this.client, () => this.paid()),
        ),
      ],
      [
        on("requestedDataProcessing"),
        quiet(() =>
          this.createObligation("processData", this.client, this.provider, () => this.processed()),
        ),
      ],
      [
        on("infringementNotified"),
        quiet(() =>
          this.createObligation("adaptInstruction", this.provider, this.client, () =>
            P.happens(e.adaptedInstruction),
          ),
        ),
      ],
      [
        on("requestedRecord"),
        quiet(() =>
          this.createObligation("deliverRecord", this.client, this.provider, () =>
            P.happens(e.deliveredRecord),
          ),
        ),
      ],
      [
        violated("adaptInstruction"),
        () => this.createProcessingPower("suspendService", e.suspensionNotified),
      ],
      [
        violated("adaptInstruction"),
        () => this.createProcessingPower("suspendActiveRequest", e.suspensionNotified),
      ],
      [on("adaptedInstruction"), () => this.createProcessingPower("resumeService", null)],
      [
        on("suspensionNotified"),
        quiet(() => {
          this.powers.suspendService?.activated();
          this.powers.suspendActiveRequest?.activated();
        }),
      ],
      [
        on("clientAgreedTermination", "providerAgreedTermination"),
        quiet(() => {
          if (P.happens(e.clientAgreedTermination) && P.happens(e.providerAgreedTermination))
            this.obligations.provideService?.fulfilled();
          else
            this.note(
              "Symboleo ends the service only once both parties agree (two events); Pacta's `fulfilled by` is one event, the port's the provider's agreement",
            );
        }),
      ],
      [
        on("paidServiceProvider"),
        quiet(() => {
          if (this.paid()) this.obligations.payment?.fulfilled();
        }),
      ],
      [
        on("processedData"),
        quiet(() => {
          if (this.processed()) this.obligations.processData?.fulfilled();
        }),
      ],
      [on("adaptedInstruction"), quiet(() => this.obligations.adaptInstruction?.fulfilled())],
      [on("deliveredRecord"), quiet(() => this.obligations.deliverRecord?.fulfilled())],
    ];
    this.listeners = {
      successfullyTerminateContract: () => this.endIfPerformed(),
      unsuccessfullyTerminateContract: () => this.endUnsuccessfully(),
    };
    // The service obligation exists from the start, triggered when the contract is activated.
    this.obligations.provideService = new core.Obligation(
      "provideDataProcessingService",
      this.client,
      this.provider,
      this.contract,
    );
  }

  private paid(): boolean {
    return (
      this.context.core.Predicates.happens(this.events.paidServiceProvider) &&
      this.paidAmountRequested
    );
  }

  private processed(): boolean {
    return (
      this.context.core.Predicates.happens(this.events.processedData) && this.processedByInstruction
    );
  }

  /** The client resumes the service; the provider suspends it or the active request. */
  private createProcessingPower(
    name: PowerName,
    notice: Event | null,
  ): { powerCreated: boolean; powerName: string } {
    return name === "resumeService"
      ? this.createPower(name, this.client, this.provider, notice)
      : this.createPower(name, this.provider, this.client, notice);
  }

  start(day: Day): void {
    this.select(day);
    if (this.contract.activated()) this.obligations.provideService?.trigerredUnconditional();
  }

  apply(action: ProcessingAction, day: Day): void {
    this.select(day);
    const core = this.context.core;
    if (!this.contract.isInEffect()) {
      this.note(
        `Symboleo ignores events once the contract is not in effect (${symboleoStateName(this.contract.state, this.contract.activeState)}); Pacta's instrument goes on`,
      );
      return;
    }
    const name = happens[action];
    if (name !== undefined) {
      if (action === "processData" || action === "processDataAgainstInstruction")
        this.processedByInstruction = action === "processData";
      if (action === "pay" || action === "payWrongAmount")
        this.paidAmountRequested = action === "pay";
      const event = this.events[name];
      if (event.hasHappened())
        this.note(
          `Symboleo keeps only the last ${name} (a repeat overwrites it); Pacta keeps every event`,
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
      return;
    }
    switch (action) {
      case "suspendService":
        this.exert("suspendService", () => this.obligations.provideService?.suspended() === true);
        break;
      case "resumeService":
        this.exert("resumeService", () => this.obligations.provideService?.resumed() === true);
        break;
      case "terminateRequest":
        this.exert(
          "suspendActiveRequest",
          () => this.obligations.processData?.terminated() === true,
        );
        break;
      case "breachProcessing":
        this.breach("processData");
        break;
      case "breachRecord":
        this.breach("deliverRecord");
        break;
      case "breachAdaptation":
        this.breach("adaptInstruction");
        break;
    }
  }

  /** A violation declared from outside (the generated contract's `violateObligation_…`). */
  private breach(name: ObligationName): void {
    const obligation = this.obligations[name];
    if (obligation === undefined || !obligation.violated())
      this.note(
        `Symboleo ignores the breach of ${name}: the obligation is not in effect; Pacta's \`violated by\` counts while the duty is in effect`,
      );
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
    else
      this.note(
        `Symboleo refuses ${name}: the obligation is not in the state it acts on; Pacta applies the event`,
      );
  }

  timer(_day: Day): void {
    // No deadlines: violations are declared by events.
  }

  states(): ReadonlyMap<string, string> {
    const name = (p: { state: string; activeState: string } | undefined): string =>
      p === undefined || p.state === "Start" ? "Absent" : symboleoStateName(p.state, p.activeState);
    const ids = this.ids;
    const o = this.obligations;
    return new Map([
      [ids.contract, symboleoStateName(this.contract.state, this.contract.activeState)],
      [ids.provideService, name(o.provideService)],
      [ids.payment, name(o.payment)],
      [ids.processData, name(o.processData)],
      [ids.adaptInstruction, name(o.adaptInstruction)],
      [ids.deliverRecord, name(o.deliverRecord)],
      [ids.suspendService, name(this.powers.suspendService)],
      [ids.suspendActiveRequest, name(this.powers.suspendActiveRequest)],
      [ids.resumeService, name(this.powers.resumeService)],
    ]);
  }
}

// ------------------------------------------------------------------ Pacta's side

function contractText(terms: ProcessingTerms, index: number): string {
  const main = instrumentId(index);
  const service = serviceInstrumentId(index);
  return `instrument ${main} "Data processing agreement ${index}" {
  kind agreement
  parties provider, client
  in-force on ${formatDay(terms.effectiveDay)}
  article 1 "Requests, payment, instructions" {
    duty payment "Pay the amount requested" {
      holder client
      counterparty provider
      from request-payment ${main} by provider
      fulfilled by pay ${main} by client to provider
    }
    duty process-data "Process the data point by the instruction" {
      holder provider
      counterparty client
      from request-processing ${main} by client
      fulfilled by process-data ${main} by provider
      violated by breach-processing ${main}
    }
    duty adapt-instruction "Adapt the instruction to the law" {
      holder client
      counterparty provider
      from notify-infringement ${main} by provider
      fulfilled by adapt-instruction ${main} by client
      violated by breach-adaptation ${main}
    }
    duty deliver-record "Deliver the record of processing" {
      holder provider
      counterparty client
      from request-record ${main} by client
      fulfilled by deliver-record ${main} by provider
      violated by breach-record ${main}
    }
    power suspend-service "Suspend the service, after notice" {
      holder provider
      counterparty client
      from violation of adapt-instruction
      when suspension-notified(${main})
      fulfilled by suspend ${service} by provider
    }
    power terminate-request "Terminate the active processing request, after notice" {
      holder provider
      counterparty client
      from violation of adapt-instruction
      when suspension-notified(${main})
      fulfilled by discharge ${main}.process-data by provider
    }
    power resume-service "Resume the service once the instruction is adapted" {
      holder client
      counterparty provider
      from adapt-instruction ${main} by client
      fulfilled by resume ${service} by client
    }
  }
}
instrument ${service} "Data processing agreement ${index}: the service" {
  kind agreement
  parties provider, client
  in-force on ${formatDay(terms.effectiveDay)}
  implements ${main}
  article 1 "Service" {
    duty provide-service "Provide the processing service until both agree to end it" {
      holder provider
      counterparty client
      fulfilled by agree-to-end ${main} by provider
    }
  }
}
`;
}

function eventText(event: SampleEvent<ProcessingAction>, sequence: number): string {
  const i = event.contract;
  const main = instrumentId(i);
  const what: Record<ProcessingAction, string> = {
    requestProcessing: `request-processing ${main} by client to provider`,
    processData: `process-data ${main} by provider to client`,
    processDataAgainstInstruction: `process-data-against-instruction ${main} by provider to client`,
    requestRecord: `request-record ${main} by client to provider`,
    deliverRecord: `deliver-record ${main} by provider to client`,
    notifyInfringement: `notify-infringement ${main} by provider to client`,
    adaptInstruction: `adapt-instruction ${main} by client to provider`,
    notifySuspension: `notify-suspension ${main} by provider to client`,
    requestPayment: `request-payment ${main} by provider to client`,
    pay: `pay ${main} by client to provider`,
    payWrongAmount: `pay-wrong-amount ${main} by client to provider`,
    clientAgreesToEnd: `agree-to-end ${main} by client`,
    providerAgreesToEnd: `agree-to-end ${main} by provider`,
    suspendService: `suspend ${serviceInstrumentId(i)} by provider`,
    terminateRequest: `discharge ${main}.process-data by provider`,
    resumeService: `resume ${serviceInstrumentId(i)} by client`,
    breachProcessing: `breach-processing ${main}`,
    breachRecord: `breach-record ${main}`,
    breachAdaptation: `breach-adaptation ${main}`,
  };
  return `event e${String(sequence).padStart(8, "0")} ${formatDay(event.day)} ${what[event.action]}\n`;
}

const header = `party provider "The service provider (processor)"
party client "The client (controller)"
fact suspension-notified(i) "The provider has notified the suspension of i" {
  starts notify-suspension ?i
}
`;

export function processingDocuments(
  scenario: Scenario<ProcessingTerms, ProcessingAction>,
): { file: string; text: string }[] {
  return scenarioDocuments("processing", header, scenario, contractText, eventText);
}

// ------------------------------------------------------------------ scenarios

const mar = (day: number): Day => dayFromCivil(2024, 3, day);
const terms: ProcessingTerms = { effectiveDay: mar(1) };
const at = (day: number, action: ProcessingAction): SampleEvent<ProcessingAction> => ({
  day: mar(day),
  contract: 0,
  action,
});

export const processingScenarios: readonly Scenario<ProcessingTerms, ProcessingAction>[] = [
  {
    name: "served-ended",
    description:
      "data processed by the instruction, record delivered, payment requested and paid; both agree to end",
    contracts: [terms],
    events: [
      at(2, "requestProcessing"),
      at(3, "processData"),
      at(4, "requestRecord"),
      at(5, "deliverRecord"),
      at(6, "requestPayment"),
      at(8, "pay"),
      at(10, "clientAgreesToEnd"),
      at(11, "providerAgreesToEnd"),
    ],
  },
  {
    name: "processing-breached",
    description: "data processed against the instruction; the breach is declared",
    contracts: [terms],
    events: [
      at(2, "requestProcessing"),
      at(3, "processDataAgainstInstruction"),
      at(5, "breachProcessing"),
    ],
  },
  {
    name: "suspended-resumed",
    description:
      "infringement notified, instruction not adapted (breach declared); suspension notified, service suspended and the request terminated; instruction adapted, service resumed",
    contracts: [terms],
    events: [
      at(2, "requestProcessing"),
      at(3, "notifyInfringement"),
      at(6, "breachAdaptation"),
      at(7, "notifySuspension"),
      at(8, "suspendService"),
      at(8, "terminateRequest"),
      at(12, "adaptInstruction"),
      at(13, "resumeService"),
    ],
  },
  {
    name: "ended-provider-first",
    description: "the provider agrees to end before the client",
    contracts: [terms],
    events: [at(5, "providerAgreesToEnd"), at(6, "clientAgreesToEnd")],
  },
];

/** A large scenario: agreements starting a day apart, each with a random course; about 6 events each. */
export function generateProcessing(
  events: number,
  seed: number,
): Scenario<ProcessingTerms, ProcessingAction> {
  const prng = new Prng(seed);
  const contracts: ProcessingTerms[] = [];
  const generated = new GeneratedEvents<ProcessingAction>();
  const base = dayFromCivil(2024, 3, 1);
  const push = (contract: number, day: Day, action: ProcessingAction): void =>
    generated.push(contract, day, action);
  for (let index = 0; generated.size < events; index++) {
    const start = base + (index % 365);
    contracts.push({ effectiveDay: start });
    let day = start + prng.int(0, 2);
    push(index, day, "requestProcessing");
    day += prng.int(0, 3);
    push(index, day, prng.chance(0.85) ? "processData" : "processDataAgainstInstruction");
    if (prng.chance(0.15)) push(index, day + prng.int(1, 3), "breachProcessing");
    if (prng.chance(0.4)) {
      day += prng.int(1, 3);
      push(index, day, "requestRecord");
      if (prng.chance(0.8)) push(index, day + prng.int(0, 3), "deliverRecord");
      else if (prng.chance(0.5)) push(index, day + prng.int(2, 5), "breachRecord");
    }
    if (prng.chance(0.3)) {
      day += prng.int(1, 3);
      push(index, day, "notifyInfringement");
      if (prng.chance(0.5)) push(index, day + prng.int(1, 4), "adaptInstruction");
      else {
        day += prng.int(2, 5);
        push(index, day, "breachAdaptation");
        if (prng.chance(0.7)) {
          push(index, day + 1, "notifySuspension");
          if (prng.chance(0.8)) push(index, day + 2, "suspendService");
          if (prng.chance(0.5)) push(index, day + 2, "terminateRequest");
          if (prng.chance(0.6)) {
            push(index, day + prng.int(3, 6), "adaptInstruction");
            if (prng.chance(0.8)) push(index, day + prng.int(7, 9), "resumeService");
          }
        }
      }
    }
    day += prng.int(1, 5);
    push(index, day, "requestPayment");
    if (prng.chance(0.9))
      push(index, day + prng.int(0, 5), prng.chance(0.9) ? "pay" : "payWrongAmount");
    if (prng.chance(0.6)) {
      day += prng.int(6, 10);
      const clientFirst = prng.chance(0.8);
      push(index, day, clientFirst ? "clientAgreesToEnd" : "providerAgreesToEnd");
      push(index, day + prng.int(0, 2), clientFirst ? "providerAgreesToEnd" : "clientAgreesToEnd");
    }
    if (prng.chance(0.05)) push(index, start + prng.int(0, 20), prng.pick(processingActions));
  }
  return generated.scenario(contracts, "agreements");
}

// ------------------------------------------------------------------ the sample

export const dataProcessing: SymboleoSample<ProcessingTerms, ProcessingAction> = {
  name: "data-processing",
  title: "Data processing agreement (DataProcessingAgreement.symboleo)",
  subjects(_terms, index): Subject[] {
    const ids = processingIds(index);
    return [
      { id: ids.contract, kind: "contract" },
      { id: ids.provideService, kind: "obligation" },
      { id: ids.payment, kind: "obligation" },
      { id: ids.processData, kind: "obligation" },
      { id: ids.adaptInstruction, kind: "obligation" },
      { id: ids.deliverRecord, kind: "obligation" },
      { id: ids.suspendService, kind: "power" },
      { id: ids.suspendActiveRequest, kind: "power" },
      { id: ids.resumeService, kind: "power" },
    ];
  },
  pactaDocuments: processingDocuments,
  createRun: (t, index, context) => new ProcessingRun(t, index, context),
  scenarios: () => processingScenarios,
  generate: generateProcessing,
};
