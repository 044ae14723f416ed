// Dates and spans as the page writes them.
import { civilFromDay, formatDay, parseDay } from "../../language/index.ts";
import { monthName } from "./scale.ts";

/** `1952-12-31` → `31 Dec 1952`. */
export function longDate(day: number): string {
  const c = civilFromDay(day);
  return `${c.day} ${monthName(c.month)} ${c.year}`;
}

/** `1950-04-11 – 1952-12-31`, or `from 1950-04-11` for a state that still holds. */
export function span(from: number, until: number | null): string {
  return until === null
    ? `from ${formatDay(from)}`
    : `${formatDay(from)} – ${formatDay(until - 1)}`;
}

/** The day a date input shows, or undefined when it holds no full, possible date. */
export function dayFromInput(value: string): number | undefined {
  return parseDay(value.trim());
}

export { formatDay };
