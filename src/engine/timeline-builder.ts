import type { Day } from "../language/calendar/day.ts";
import type { Reason } from "./reason.ts";
import type { Interval } from "./timeline.ts";

/** The room a timeline's list of closed intervals starts with. */
const FIRST_ROOM = 4;

/**
 * Builds one timeline during a replay. Only the open interval is mutable; an interval is
 * materialised as an immutable record when it closes. A change on the day the open interval
 * began replaces it (intervals are never empty), and a change dated before it is clamped to it
 * (time never runs backwards).
 */
export class TimelineBuilder<S> {
  /** The closed intervals: the first `closedCount` of a list with room to grow. */
  private closed: Interval<S>[] | null = null;
  private closedCount = 0;
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
    let closed = this.closed;
    const n = this.closedCount;
    this.closedCount = n + 1;
    // Most timelines hold a few intervals: the list starts with room for four and doubles when
    // full (pushing would reserve room for about 17 more, and copying at the exact size each time
    // makes a list per interval), and is cut to its size when the timeline is finished.
    if (closed === null) {
      closed = new Array<Interval<S>>(FIRST_ROOM);
      this.closed = closed;
    } else if (n === closed.length) {
      const grown = new Array<Interval<S>>(2 * n);
      for (let i = 0; i < n; i++) grown[i] = closed[i]!;
      closed = grown;
      this.closed = grown;
    }
    closed[n] = interval;
  }

  /**
   * The intervals, the open one last with `until` null, handing over the builder's own list:
   * call once, at the end.
   */
  finish(): readonly Interval<S>[] {
    const closed = this.closed;
    const n = this.closedCount;
    this.closed = null;
    this.closedCount = 0;
    if (this.openReason === null) {
      if (closed === null) return [];
      closed.length = n;
      return closed;
    }
    const open: Interval<S> = {
      state: this.openState as S,
      from: this.openFrom,
      until: null,
      reason: this.openReason,
    };
    this.openReason = null;
    this.openState = null;
    if (closed === null) return [open];
    if (n < closed.length) {
      closed[n] = open;
      closed.length = n + 1;
    } else closed.push(open);
    return closed;
  }

  /** The intervals so far, the open one last with `until` null. */
  build(): readonly Interval<S>[] {
    const out = this.closed === null ? [] : this.closed.slice(0, this.closedCount);
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
