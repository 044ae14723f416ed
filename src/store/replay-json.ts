/**
 * The parts of the engine's JSON replay (`replayToJson`) that the store keeps. The store reads
 * replays only in this form, so it does not depend on the engine's internals.
 */
export interface ReplayJson {
  readonly instruments: readonly TimelineJson[];
  readonly provisions: readonly TimelineJson[];
  readonly deadlines: readonly DeadlineJson[];
}

export interface TimelineJson {
  readonly id: string;
  readonly intervals: readonly IntervalJson[];
}

export interface IntervalJson {
  readonly state: string;
  /** `YYYY-MM-DD`, the first day. */
  readonly from: string;
  /** `YYYY-MM-DD`, the first day it no longer holds; null when it still holds. */
  readonly until: string | null;
  /** Stored as it is; read back as the store's `Reason`. */
  readonly reason: { readonly kind: string; readonly summary: string };
}

export interface DeadlineJson {
  readonly provision: string;
  readonly due: string;
  readonly limb?: string | null;
  readonly outcome: string;
}
