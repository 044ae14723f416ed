import type { HistDate } from "../calendar/hist-date.ts";
import type { Location } from "../diagnostics/location.ts";
import type { Value } from "./value.ts";

/** Event types the engine gives meaning to; their first object is an instrument. */
export const lifecycleEventTypes = [
  "sign",
  "ratify",
  "exchange",
  "enter-into-force",
  "denounce",
  "terminate",
  "suspend",
  "resume",
  "expire",
] as const;
export type LifecycleEventType = (typeof lifecycleEventTypes)[number];

export interface Signatory {
  readonly party: string;
  readonly name: string;
}

/** Something that happened, dated and sourced. */
export interface Event {
  readonly kind: "event";
  readonly id: string;
  readonly date: HistDate;
  readonly type: string;
  readonly objects: readonly Value[];
  readonly actors: readonly string[];
  readonly targets: readonly string[];
  readonly amount?: Value;
  readonly signatories: readonly Signatory[];
  readonly place?: string;
  readonly note?: string;
  /** The claim this event belongs to; only replayed when a reading chooses that claim. */
  readonly claim?: string;
  readonly sources: readonly string[];
  readonly at: Location;
}
