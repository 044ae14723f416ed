import type { Day } from "../language/calendar/day.ts";

/**
 * What became of a deadline: met by a fulfilling event, violated, replaced (by an amendment, or by
 * an earlier limb of a composite deadline), or still open when the replay ended or the provision
 * ended otherwise (discharged, expired).
 */
export type DeadlineOutcome = "fulfilled" | "violated" | "replaced" | "open";

/** One deadline as it stood: due on `due` by the limb `limb`. */
export interface DeadlineRecord {
  /** Qualified provision id. */
  readonly provision: string;
  readonly due: Day;
  readonly limb: string;
  readonly outcome: DeadlineOutcome;
}
