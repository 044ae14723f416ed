import { formatDuration } from "../language/calendar/duration.ts";
import type { Instrument, Term } from "../language/model/instrument.ts";
import { assertNever } from "./assert-never.ts";

/** Each term's text, written once: every renewal's reason names it. */
const termTexts = new WeakMap<Term, string>();

/** An instrument's term as written: `term 30 years, renewal 5 years notice 1 year`. */
export function describeTerm(term: Term): string {
  let text = termTexts.get(term);
  if (text === undefined) {
    text = writeTerm(term);
    termTexts.set(term, text);
  }
  return text;
}

function writeTerm(term: Term): string {
  const renewal = term.renewal;
  if (renewal === undefined)
    return `term ${formatDuration(term.duration)}${term.thenIndefinite ? " then indefinite" : ""}`;
  const window = renewal.window === undefined ? "" : ` window ${formatDuration(renewal.window)}`;
  return `term ${formatDuration(term.duration)}, renewal ${formatDuration(renewal.duration)} notice ${formatDuration(renewal.notice)}${window}`;
}

/** An instrument's entry-into-force rule as written: `in-force on ratification`. */
export function describeRule(instrument: Instrument): string {
  const rule = instrument.entryIntoForce;
  if (rule === undefined) return "no rule";
  switch (rule.kind) {
    case "on-signature":
      return "in-force on signature";
    case "on-ratification":
      return "in-force on ratification";
    case "on-exchange":
      return "in-force on exchange";
    case "on-date":
      return `in-force on ${rule.date.text}`;
    case "after-signature":
      return `in-force ${formatDuration(rule.duration)} after signature`;
    default:
      return assertNever(rule);
  }
}
