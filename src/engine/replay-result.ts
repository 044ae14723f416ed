import type { Day } from "../language/calendar/day.ts";
import type { DeadlineRecord } from "./deadline-record.ts";
import type { FactState, InstrumentState, ProvisionState, Timeline } from "./timeline.ts";

export interface ReplayOptions {
  /** The reading that chooses claim events; default: the reading named `default`, if any. */
  readonly reading?: string;
  /** Replay up to and including this day; later events and dated changes are ignored. */
  readonly until?: Day;
}

/** The result of replaying a model's events: every state with its reason. */
export interface Replay {
  readonly reading: string | null;
  /** Every instrument of the model, by id (an instrument never signed has no intervals). */
  readonly instruments: ReadonlyMap<string, Timeline<InstrumentState>>;
  /** Every provision, by qualified id. */
  readonly provisions: ReadonlyMap<string, Timeline<ProvisionState>>;
  /** Facts that held at some time, by key such as `at-war(prc,japan)`. */
  readonly facts: ReadonlyMap<string, Timeline<FactState>>;
  /** Every deadline as it stood, sorted by (due, provision). */
  readonly deadlines: readonly DeadlineRecord[];
}
