/** Symboleo's state names, and the Pacta state each corresponds to (docs/benchmarks.md §7). */
import type { Subject } from "./symboleo-sample.ts";

/** Symboleo's state of a contract or legal position, as one name: `Active.InEffect`, `Violation`… */
export function symboleoStateName(state: string, activeState: string): string {
  return state === "Active" ? `Active.${activeState}` : state;
}

/** A Pacta state, or none with the reason Pacta has none. */
export type Mapped = { readonly pacta: string } | { readonly none: string };

const positionStates: Readonly<Record<string, Mapped>> = {
  Absent: { pacta: "pending" },
  Start: { pacta: "pending" },
  Create: { pacta: "pending" },
  "Active.InEffect": { pacta: "in-effect" },
  "Active.Suspension": { pacta: "suspended" },
};

/** Symboleo's state names, per kind of subject, and the Pacta state each corresponds to. */
export const stateMapping: Readonly<Record<Subject["kind"], Readonly<Record<string, Mapped>>>> = {
  contract: {
    Form: { pacta: "signed" },
    "Active.InEffect": { pacta: "in-force" },
    "Active.Suspension": { pacta: "suspended" },
    SuccessfulTermination: {
      none: "Pacta's instruments do not end when their duties are performed: no state for a contract ended by fulfilment (Symboleo's SuccessfulTermination); the instrument stays in force",
    },
    UnsuccessfulTermination: { pacta: "terminated" },
    "Active.Rescission": { none: "Pacta has no rescission" },
    "Active.Unassign": { none: "Pacta has no unassignment of parties" },
  },
  obligation: {
    ...positionStates,
    Fulfillment: { pacta: "fulfilled" },
    Violation: { pacta: "violated" },
    Discharge: { pacta: "discharged" },
    UnsuccessfulTermination: { pacta: "discharged" },
  },
  power: {
    ...positionStates,
    SuccessfulTermination: { pacta: "fulfilled" },
    UnsuccessfulTermination: { pacta: "discharged" },
  },
};

export function mapState(kind: Subject["kind"], symboleoState: string): Mapped {
  return stateMapping[kind][symboleoState] ?? { none: `no mapping for ${symboleoState}` };
}
