import { formatDay } from "../language/calendar/day.ts";
import type { Interval } from "./timeline.ts";

/** A timeline as compact rows for assertions: `in-force 1950-04-11..1980-04-11`, open `..`. */
export function rows(intervals: readonly Interval<string>[] | undefined): string[] {
  return (intervals ?? []).map(
    (i) => `${i.state} ${formatDay(i.from)}..${i.until === null ? "" : formatDay(i.until)}`,
  );
}
