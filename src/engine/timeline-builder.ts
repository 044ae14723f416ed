import type { Day } from "../language/calendar/day.ts";
import type { Reason } from "./reason.ts";
import type { Interval } from "./timeline.ts";

/** Up to this many intervals, a timeline's list is kept at its exact size. */
const SHORT = 4;

/**
 * Builds one timeline during a replay. Only the open interval is mutable; an interval is
 * materialised as an immutable record when it closes. A change on the day the open interval
 * began replaces it (intervals are never empty), and a change dated before it is clamped to it
 * (time never runs backwards).
 */
export class TimelineBuilder<S> {
  private closed: Interval<S>[] | null = null;
  private openState: S | null = null;
  private openFrom: Day = 0;
  private openReason: Reason | null = null;

  /** The state of the open interval, or null when none is open. */
  get current(): S | null {
    return this.openReason === null ? null : this.openState;
  }

  /** Starts `state` on `day`, closing the open interval there. */
  set(day: Day, state: S, reason: Reason): void {
    let from = day;
    if (this.openReason !== null) {
      if (from <= this.openFrom) from = this.openFrom;
      else this.push(this.openState as S, this.openFrom, from, this.openReason);
    }
    this.openState = state;
    this.openFrom = from;
    this.openReason = reason;
  }

  /** Closes the open interval on `day` (exclusive), leaving a gap. */
  close(day: Day): void {
    if (this.openReason === null) return;
    if (day > this.openFrom) this.push(this.openState as S, this.openFrom, day, this.openReason);
    this.openReason = null;
    this.openState = null;
  }

  private push(state: S, from: Day, until: Day, reason: Reason): void {
    const interval: Interval<S> = { state, from, until, reason };
    const closed = this.closed;
    if (closed === null) this.closed = [interval];
    // Most timelines hold a few intervals: short lists are copied at their exact size rather than
    // grown (pushing to a short array reserves room for about 17), as a replay keeps one per
    // timeline. (A spread reserves that room too; `concat` does not.)
    else if (closed.length < SHORT) this.closed = closed.concat(interval);
    else closed.push(interval);
  }

  /**
   * The intervals, the open one last with `until` null, handing over the builder's own list:
   * call once, at the end.
   */
  finish(): readonly Interval<S>[] {
    const closed = this.closed;
    this.closed = null;
    if (this.openReason === null) return closed ?? [];
    const open: Interval<S> = {
      state: this.openState as S,
      from: this.openFrom,
      until: null,
      reason: this.openReason,
    };
    this.openReason = null;
    this.openState = null;
    if (closed === null) return [open];
    if (closed.length < SHORT) return closed.concat(open);
    closed.push(open);
    return closed;
  }

  /** The intervals so far, the open one last with `until` null. */
  build(): readonly Interval<S>[] {
    const out = this.closed === null ? [] : this.closed.slice();
    if (this.openReason !== null)
      out.push({
        state: this.openState as S,
        from: this.openFrom,
        until: null,
        reason: this.openReason,
      });
    return out;
  }
}
