import type { Day } from "./day.ts";

export type DatePrecision = "day" | "month" | "year" | "range";

/**
 * A date as historians have it: a day, a month, a year, or a range of days. `first` and `last`
 * bound it (both inclusive); replay places an event on `first` and keeps the precision for display.
 */
export interface HistDate {
  readonly first: Day;
  readonly last: Day;
  readonly precision: DatePrecision;
  /** The date as written, e.g. `1952-09` or `1950-02-14..1950-02-16`. */
  readonly text: string;
}
