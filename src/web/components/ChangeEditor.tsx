// One change of a what-if: add an event (its fields), remove one, or move one to another date.
import { formatEvent } from "../../engine/index.ts";
import type { WhatIfChange } from "../lib/what-if.ts";
import { useApp } from "../state/context.ts";
import { TextField } from "./TextField.tsx";

export function ChangeEditor(props: { readonly index: number; readonly change: WhatIfChange }) {
  const { dispatch, derived } = useApp();
  const { index, change } = props;
  const update = (next: WhatIfChange) => dispatch({ type: "what-if-change", index, change: next });
  const events = derived.model?.events ?? [];
  const eventSelect = (value: string, onChange: (id: string) => void) => (
    <label class="field">
      <span>Event</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">choose an event…</option>
        {events.map((e) => (
          <option key={e.id} value={e.id}>
            {e.date.text} {e.id} ({formatEvent(e)})
          </option>
        ))}
      </select>
    </label>
  );
  const title =
    change.kind === "add"
      ? "Add an event"
      : change.kind === "remove"
        ? "Remove an event"
        : "Move an event";
  return (
    <li class="change">
      <fieldset>
        <legend>
          {index + 1}. {title}
        </legend>
        {change.kind === "add" ? (
          <div class="change-fields">
            <TextField label="Id" value={change.id} onInput={(id) => update({ ...change, id })} />
            <TextField
              label="Date"
              value={change.date}
              placeholder="1952-04-28"
              onInput={(date) => update({ ...change, date })}
            />
            <TextField
              label="Type"
              value={change.type}
              placeholder="conclude-peace"
              onInput={(type) => update({ ...change, type })}
            />
            <TextField
              label="Objects"
              value={change.objects}
              placeholder="changchun-railway"
              onInput={(objects) => update({ ...change, objects })}
            />
            <TextField
              label="By"
              value={change.actors}
              placeholder="ussr"
              onInput={(actors) => update({ ...change, actors })}
            />
            <TextField
              label="To / with"
              value={change.targets}
              placeholder="japan"
              onInput={(targets) => update({ ...change, targets })}
            />
          </div>
        ) : change.kind === "remove" ? (
          <div class="change-fields wide">
            {eventSelect(change.event, (event) => update({ ...change, event }))}
          </div>
        ) : (
          <div class="change-fields wide">
            {eventSelect(change.event, (event) => update({ ...change, event }))}
            <TextField
              label="New date"
              value={change.date}
              placeholder="1953-06-01"
              onInput={(date) => update({ ...change, date })}
            />
          </div>
        )}
        <button
          type="button"
          class="link-button"
          onClick={() => dispatch({ type: "what-if-remove", index })}
        >
          Drop this change
        </button>
      </fieldset>
    </li>
  );
}
