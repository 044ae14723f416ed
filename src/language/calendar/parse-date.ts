import { dayFromCivil, daysInMonth, isValidCivil } from "./day.ts";

export type DatePart = {
  readonly first: number;
  readonly last: number;
  readonly precision: "day" | "month" | "year";
};

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a string describing the problem when impossible. */
export function parseDatePart(text: string): DatePart | string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return `'${text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD`;
  const year = Number(m[1]);
  if (m[2] === undefined) {
    return { first: dayFromCivil(year, 1, 1), last: dayFromCivil(year, 12, 31), precision: "year" };
  }
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `'${text}' has no month ${m[2]}: months run from 01 to 12`;
  if (m[3] === undefined) {
    return {
      first: dayFromCivil(year, month, 1),
      last: dayFromCivil(year, month, daysInMonth(year, month)),
      precision: "month",
    };
  }
  const day = Number(m[3]);
  if (!isValidCivil(year, month, day)) {
    return `'${text}' is not a day of the calendar: ${m[1]}-${m[2]} has ${daysInMonth(year, month)} days`;
  }
  const value = dayFromCivil(year, month, day);
  return { first: value, last: value, precision: "day" };
}
