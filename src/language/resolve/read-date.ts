import type { Duration, DurationUnit } from "../calendar/duration.ts";
import type { HistDate } from "../calendar/hist-date.ts";
import { parseDatePart } from "../calendar/parse-date.ts";
import type { Token } from "../syntax/token.ts";
import type { ArgCursor } from "./arg-cursor.ts";
import { describe } from "./arg-cursor.ts";

export function isDateToken(token: Token | undefined): boolean {
  if (!token) return false;
  if (token.kind === "date") return true;
  if (token.kind === "number") return /^\d{4}$/.test(token.value);
  if (token.kind === "range") return /^\d{4}(-\d{2}){0,2}\.\.\d{4}(-\d{2}){0,2}$/.test(token.value);
  return false;
}

/** Reads a date (day, month or year precision) or a range of dates. */
export function readDate(cursor: ArgCursor, what: string): HistDate | undefined {
  const token = cursor.peek();
  if (!token || !isDateToken(token)) {
    return cursor.report(
      "PCT102",
      `Expected ${what} as a date (YYYY-MM-DD, YYYY-MM or YYYY), found ${describe(token)}`,
    );
  }
  cursor.next();
  const known = dates.get(token.text);
  if (known !== undefined) return known;
  const date = parseDate(cursor, token);
  if (date !== undefined) {
    if (dates.size >= DATE_LIMIT) dates.clear();
    dates.set(token.text, date);
  }
  return date;
}

/**
 * Dates read so far, by their text: a corpus names the same days over and over, and a date is
 * immutable, so one object serves them all. Only valid dates are kept (an invalid one is reported
 * at each of its places).
 */
const dates = new Map<string, HistDate>();
const DATE_LIMIT = 65_536;

function parseDate(cursor: ArgCursor, token: Token): HistDate | undefined {
  const at = locationOfToken(cursor, token);
  if (token.kind === "range") {
    const [a = "", b = ""] = token.value.split("..");
    const first = parseDatePart(a);
    const last = parseDatePart(b);
    if (typeof first === "string") return cursor.report("PCT106", first, at);
    if (typeof last === "string") return cursor.report("PCT106", last, at);
    if (last.last < first.first) {
      return cursor.report(
        "PCT106",
        `The range '${token.text}' ends before it starts: write the earlier date first`,
        at,
      );
    }
    return {
      first: first.first,
      last: last.last,
      precision: "range",
      text: token.text,
    };
  }
  const part = parseDatePart(token.value);
  if (typeof part === "string") return cursor.report("PCT106", part, at);
  return {
    first: part.first,
    last: part.last,
    precision: part.precision,
    text: token.text,
  };
}

function locationOfToken(cursor: ArgCursor, token: Token) {
  return {
    file: cursor.file,
    from: token.from,
    to: token.to,
    line: token.line,
    column: token.column,
  };
}

const units: Record<string, DurationUnit> = {
  day: "day",
  days: "day",
  week: "week",
  weeks: "week",
  month: "month",
  months: "month",
  year: "year",
  years: "year",
};

export function isDurationAhead(cursor: ArgCursor): boolean {
  const unit = cursor.peek(1);
  return cursor.isKind("number") && unit?.kind === "ident" && units[unit.value] !== undefined;
}

/** Reads `N unit`, e.g. `30 years`. */
export function readDuration(cursor: ArgCursor, what: string): Duration | undefined {
  const amount = cursor.peek();
  const unitToken = cursor.peek(1);
  if (amount?.kind !== "number") {
    return cursor.report(
      "PCT102",
      `Expected ${what} as a duration such as '30 years', found ${describe(amount)}`,
    );
  }
  const unit = unitToken?.kind === "ident" ? units[unitToken.value] : undefined;
  if (!unit) {
    cursor.next();
    return cursor.report(
      "PCT102",
      `Expected a unit after ${amount.text} for ${what}: days, weeks, months or years, found ${describe(unitToken)}`,
    );
  }
  cursor.next();
  cursor.next();
  const value = Number(amount.value);
  if (!Number.isInteger(value) || value < 0) {
    return cursor.report(
      "PCT102",
      `A duration must be a whole number of ${unit}s, not ${amount.text}`,
      locationOfToken(cursor, amount),
    );
  }
  const key = `${value} ${unit}`;
  let duration = durations.get(key);
  if (duration === undefined) {
    if (durations.size >= DATE_LIMIT) durations.clear();
    duration = { amount: value, unit };
    durations.set(key, duration);
  }
  return duration;
}

/** Durations read so far, by amount and unit: immutable, so one object serves them all. */
const durations = new Map<string, Duration>();
