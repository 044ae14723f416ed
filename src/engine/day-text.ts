import { type Day, formatDay } from "../language/calendar/day.ts";

/** Formatted days, memoised: reasons name the same days over and over. */
const memo = new Map<Day, string>();
const MEMO_LIMIT = 65_536;

/** `formatDay`, memoised (`YYYY-MM-DD`). */
export function dayText(day: Day): string {
  let text = memo.get(day);
  if (text === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    text = formatDay(day);
    memo.set(day, text);
  }
  return text;
}
