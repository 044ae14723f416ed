import type { Model } from "../language/model/model.ts";
import type { WhatIf } from "../language/model/what-if.ts";
import { compareEvents } from "./select-events.ts";

/**
 * The model as it would be under a what-if: events removed by id, moved to a new date, and added
 * (an added event replaces an event of the same id). The events are re-sorted by (first day,
 * id); nothing else changes. The what-if's reading is the caller's to pass to `replay`.
 */
export function applyWhatIf(model: Model, whatIf: WhatIf): Model {
  const removed = new Set(whatIf.remove);
  for (const event of whatIf.add) removed.add(event.id);
  const moved = new Map(whatIf.move.map((m) => [m.event, m.date]));
  const events = model.events
    .filter((event) => !removed.has(event.id))
    .map((event) => {
      const date = moved.get(event.id);
      return date === undefined ? event : { ...event, date };
    });
  events.push(...whatIf.add);
  events.sort(compareEvents);
  return { ...model, events };
}
