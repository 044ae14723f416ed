// An event as a line: date, type, objects, actors and targets, and its note.
import { formatEvent } from "../../engine/index.ts";
import { useApp } from "../state/context.ts";

export function EventDetails(props: { readonly id: string }) {
  const { derived } = useApp();
  const event = derived.model?.events.find((e) => e.id === props.id);
  if (event === undefined) return <code>{props.id}</code>;
  return (
    <span class="event-details">
      <code>{event.id}</code> {event.date.text}: {formatEvent(event)}
      {event.place ? ` (${event.place})` : ""}
      {event.note ? <span class="muted"> — {event.note}</span> : null}
    </span>
  );
}
