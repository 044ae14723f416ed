import type { HistDate } from "../language/calendar/hist-date.ts";
import type { Event } from "../language/model/event.ts";
import type { Value } from "../language/model/value.ts";
import { assertNever } from "./assert-never.ts";
import { dayText } from "./day-text.ts";

/** A value as it would be written: an id, `60000000 USD`, `100..200 helicopters`, `1%`. */
export function formatValue(value: Value): string {
  switch (value.kind) {
    case "ref":
      return value.id;
    case "quantity":
      return value.unit === undefined ? String(value.amount) : `${value.amount} ${value.unit}`;
    case "range":
      return `${value.min}..${value.max}${value.unit === undefined ? "" : ` ${value.unit}`}`;
    case "percent":
      return `${value.value}%`;
    case "text":
      return JSON.stringify(value.text);
    default:
      return assertNever(value);
  }
}

/** An event's act as written: `transfer changchun-railway by ussr to prc`. */
export function formatEvent(event: Event): string {
  let text = event.type;
  for (const value of event.objects) text += ` ${formatValue(value)}`;
  if (event.actors.length > 0) text += ` by ${event.actors.join(", ")}`;
  if (event.targets.length > 0) text += ` to ${event.targets.join(", ")}`;
  return text;
}

/** The day an event is replayed on, with its recorded date when that was less precise. */
export function formatHistDate(date: HistDate): string {
  const day = dayText(date.first);
  return date.precision === "day" ? day : `${day} (dated ${date.text})`;
}

/** `railway-handover (transfer changchun-railway by ussr to prc) on 1952-12-31`. */
export function describeEvent(event: Event): string {
  return `${event.id} (${formatEvent(event)}) on ${formatHistDate(event.date)}`;
}
