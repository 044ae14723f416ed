import { addMonths, addYears, type Day } from "./day.ts";

export type DurationUnit = "day" | "week" | "month" | "year";

/** A length of calendar time such as `3 months` or `30 years`. */
export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

export function addDuration(value: Day, duration: Duration, sign: 1 | -1 = 1): Day {
  const n = duration.amount * sign;
  switch (duration.unit) {
    case "day":
      return value + n;
    case "week":
      return value + 7 * n;
    case "month":
      return addMonths(value, n);
    case "year":
      return addYears(value, n);
  }
}

export function formatDuration(duration: Duration): string {
  return `${duration.amount} ${duration.unit}${duration.amount === 1 ? "" : "s"}`;
}

/** The most days a duration can span, whatever it starts from (a month 31, a year 366). */
export function maxDays(duration: Duration): number {
  const perUnit = { day: 1, week: 7, month: 31, year: 366 } as const;
  return duration.amount * perUnit[duration.unit];
}
