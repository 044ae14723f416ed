// Lays out state intervals as rectangles on a scale, clipped to what is visible.
import type { Scale } from "./scale.ts";

/** The part of an interval a band needs; `until` null means it still holds. */
export interface BandInterval {
  readonly state: string;
  readonly from: number;
  readonly until: number | null;
}

export interface BandRect {
  /** Index of the interval in the input. */
  readonly index: number;
  readonly state: string;
  readonly x: number;
  readonly width: number;
  /** The band runs past the right edge of the data (an open interval). */
  readonly open: boolean;
}

/**
 * One rectangle per visible interval, in input order. An open interval runs to `openEnd` (a day),
 * or to the right edge when that is later. Rectangles are clipped to [0, width] and at least
 * `minWidth` pixels wide, so that a one-day state stays visible when zoomed out.
 */
export function layoutBands(
  intervals: readonly BandInterval[],
  scale: Scale,
  openEnd: number,
  minWidth = 2,
): BandRect[] {
  const out: BandRect[] = [];
  const right = scale.width;
  intervals.forEach((interval, index) => {
    const open = interval.until === null;
    const endDay = interval.until ?? Math.max(openEnd, scale.view.end);
    let x0 = scale.x(interval.from);
    let x1 = scale.x(endDay);
    if (x1 < 0 || x0 > right) return;
    x0 = Math.max(0, x0);
    x1 = Math.min(right, x1);
    let width = x1 - x0;
    if (width < minWidth) {
      width = minWidth;
      if (x0 + width > right) x0 = Math.max(0, right - width);
    }
    out.push({ index, state: interval.state, x: x0, width, open });
  });
  return out;
}

/** Index of the interval holding on `day`, or -1. */
export function intervalIndexOn(intervals: readonly BandInterval[], day: number): number {
  for (let i = intervals.length - 1; i >= 0; i--) {
    const interval = intervals[i]!;
    if (interval.from <= day) return interval.until === null || day < interval.until ? i : -1;
  }
  return -1;
}

/** The first and last day any of the timelines mentions, or undefined when all are empty. */
export function extentOf(
  timelines: Iterable<readonly BandInterval[]>,
  days: Iterable<number> = [],
): { first: number; last: number } | undefined {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const intervals of timelines)
    for (const interval of intervals) {
      first = Math.min(first, interval.from);
      last = Math.max(last, interval.until ?? interval.from);
    }
  for (const day of days) {
    first = Math.min(first, day);
    last = Math.max(last, day);
  }
  return Number.isFinite(first) ? { first, last } : undefined;
}
