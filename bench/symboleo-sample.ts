/**
 * What the Symboleo benchmark (bench/symboleo.ts) shares between Symboleo's sample contracts: a
 * scenario (contract instances and dated events, the same for both sides), the transitions each
 * side produces, and what a sample provides: its Pacta documents, its set-up on symboleo-js-core,
 * its scenarios. The driver is in symboleo-driver.ts, the state mapping in
 * symboleo-state-mapping.ts, the comparison in symboleo-compare.ts.
 */
import type * as SymboleoCore from "symboleo-js-core";
import type { Day } from "../src/language/index.ts";

export type Core = typeof SymboleoCore;

/** One event of a scenario: what happens to which contract instance on which day. */
export interface SampleEvent<A extends string = string> {
  readonly day: Day;
  /** Index of the contract instance in the scenario. */
  readonly contract: number;
  readonly action: A;
}

export interface Scenario<T, A extends string = string> {
  readonly name: string;
  readonly description: string;
  readonly contracts: readonly T[];
  /** In the order they happen (by day; same-day events in list order). */
  readonly events: readonly SampleEvent<A>[];
}

/**
 * The events of a generated scenario as they are made up, contract by contract: sorted by day at
 * the end, same-day events in the order they were pushed.
 */
export class GeneratedEvents<A extends string> {
  private readonly list: { readonly event: SampleEvent<A>; readonly order: number }[] = [];

  get size(): number {
    return this.list.length;
  }

  push(contract: number, day: Day, action: A): void {
    this.list.push({ event: { day, contract, action }, order: this.list.length });
  }

  /** The scenario: `what` names the contracts in its description (`contracts`, `agreements`). */
  scenario<T>(contracts: readonly T[], what: string): Scenario<T, A> {
    this.list.sort((a, b) => a.event.day - b.event.day || a.order - b.order);
    return {
      name: `generated-${this.list.length}`,
      description: `${contracts.length} ${what} with random courses`,
      contracts,
      events: this.list.map((e) => e.event),
    };
  }
}

/**
 * A scenario as Pacta documents: the sample's header, then each contract's text and each event's,
 * in files `NAME-0.pacta`, `NAME-1.pacta`, … of about 1 MB (the compiler refuses files over 5 MB).
 */
export function scenarioDocuments<T, A extends string>(
  name: string,
  header: string,
  scenario: Scenario<T, A>,
  contractText: (terms: T, index: number) => string,
  eventText: (event: SampleEvent<A>, sequence: number) => string,
): { file: string; text: string }[] {
  const files: { file: string; text: string }[] = [];
  let chunk: string[] = [header];
  let size = header.length;
  const flush = (): void => {
    files.push({ file: `${name}-${files.length}.pacta`, text: chunk.join("") });
    chunk = [];
    size = 0;
  };
  const add = (text: string): void => {
    if (size + text.length > 1_000_000) flush();
    chunk.push(text);
    size += text.length;
  };
  scenario.contracts.forEach((terms, index) => {
    add(contractText(terms, index));
  });
  scenario.events.forEach((event, sequence) => {
    add(eventText(event, sequence));
  });
  flush();
  return files;
}

/** A subject both sides speak of: the contract (instrument) or one of its obligations and powers. */
export interface Subject {
  /** Pacta's id: the instrument's, or the provision's qualified id. */
  readonly id: string;
  readonly kind: "contract" | "obligation" | "power";
}

/** One change of state: on `day`, `subject` entered `state` (the last state of that day). */
export interface Transition {
  readonly subject: string;
  readonly state: string;
  readonly day: Day;
}

/** Something symboleo-js-core did or refused that Pacta does otherwise, kept to explain mismatches. */
export interface Note {
  readonly contract: number;
  readonly day: Day;
  readonly text: string;
}

/** One contract instance driven through symboleo-js-core. */
export interface SymboleoRun<A extends string> {
  /** The day the contract comes into effect. */
  readonly startDay: Day;
  /** Activates the contract and its initial obligations and powers. */
  start(day: Day): void;
  /** Applies one event of the scenario. */
  apply(action: A, day: Day): void;
  /** The timer: violates the obligations in effect whose deadline is before `day`. */
  timer(day: Day): void;
  /** Symboleo's state of each subject, by Pacta id (`Absent` for a position not created yet). */
  states(): ReadonlyMap<string, string>;
}

export interface RunContext {
  readonly core: Core;
  /** Asks the driver to call `timer` on the given day (a deadline's next day). */
  readonly schedule: (day: Day) => void;
  /** Records something Symboleo did or refused that explains a later difference. */
  readonly note: (day: Day, text: string) => void;
}

/** A Symboleo sample contract, ported to both sides. */
export interface SymboleoSample<T, A extends string> {
  readonly name: string;
  readonly title: string;
  /** The Pacta subjects of a contract instance (the instrument first). */
  subjects(terms: T, index: number): readonly Subject[];
  /** The Pacta documents (file name → text) of a scenario. */
  pactaDocuments(scenario: Scenario<T, A>): readonly { file: string; text: string }[];
  /** The contract instance, set up on symboleo-js-core. */
  createRun(terms: T, index: number, context: RunContext): SymboleoRun<A>;
  /** Hand-written scenarios: on time, late, suspended/resumed, terminated… */
  scenarios(): readonly Scenario<T, A>[];
  /** A large generated scenario with about `events` events. */
  generate(events: number, seed: number): Scenario<T, A>;
  /** A sample's own explanation of a mismatch, when it knows one. */
  explain?(
    mismatch: Mismatch,
    symboleo: readonly Transition[],
    pacta: readonly Transition[],
  ): string | undefined;
}

export interface Mismatch {
  /** Which side has the transition the other lacks. */
  readonly side: "symboleo" | "pacta";
  readonly subject: string;
  /** Pacta's state name (for Symboleo's side, mapped), or Symboleo's when it has no counterpart. */
  readonly state: string;
  readonly day: Day;
  /** Symboleo's own state name, on Symboleo's side. */
  readonly symboleoState?: string;
  readonly reason: string;
}
