/**
 * A calendar day as an integer: the number of days since 1970-01-01 in the proleptic Gregorian
 * calendar (negative before). Integers keep the engine's hot loop free of allocation.
 */
export type Day = number;

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days from 1970-01-01 to the given civil date (algorithm of H. Hinnant, exact for all years). */
export function dayFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number. */
export function civilFromDay(value: Day): CivilDate {
  const z = value + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidCivil(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Adds calendar months, clamping to the month's last day: 1952-01-31 + 1 month = 1952-02-29. */
export function addMonths(value: Day, months: number): Day {
  const c = civilFromDay(value);
  const index = c.year * 12 + (c.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return dayFromCivil(year, month, Math.min(c.day, daysInMonth(year, month)));
}

/** Adds calendar years, clamping: 1952-02-29 + 1 year = 1953-02-28. */
export function addYears(value: Day, years: number): Day {
  return addMonths(value, years * 12);
}

/** The ISO form `YYYY-MM-DD` of a day. */
export function formatDay(value: Day): string {
  const c = civilFromDay(value);
  const y = c.year < 0 ? `-${String(-c.year).padStart(4, "0")}` : String(c.year).padStart(4, "0");
  return `${y}-${String(c.month).padStart(2, "0")}-${String(c.day).padStart(2, "0")}`;
}

/** Parses `YYYY-MM-DD`; undefined when malformed or impossible (1952-02-30). */
export function parseDay(text: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidCivil(year, month, day) ? dayFromCivil(year, month, day) : undefined;
}
