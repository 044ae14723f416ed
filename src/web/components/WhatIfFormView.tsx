// The what-if form: a description, a list of changes to events, and a reading to switch to.
import type { WhatIfChange } from "../lib/what-if.ts";
import { useApp } from "../state/context.ts";
import { emptyWhatIf } from "../state/store.ts";
import { ChangeEditor } from "./ChangeEditor.tsx";

let counter = 0;

function newChange(kind: WhatIfChange["kind"]): WhatIfChange {
  counter += 1;
  switch (kind) {
    case "add":
      return {
        kind,
        id: `what-if-event-${counter}`,
        date: "",
        type: "",
        objects: "",
        actors: "",
        targets: "",
      };
    case "remove":
      return { kind, event: "" };
    case "move":
      return { kind, event: "", date: "" };
  }
}

export function WhatIfFormView(props: { readonly onRun: (corpusWhatIf?: string) => void }) {
  const { state, dispatch, derived } = useApp();
  const form = state.whatIf;
  const model = derived.model;
  const readings = model === null ? [] : [...model.readings.keys()];
  const corpusWhatIfs = model === null ? [] : [...model.whatIfs.values()];
  return (
    <form
      class="what-if-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onRun();
      }}
    >
      <label class="field block">
        <span>Description</span>
        <input
          type="text"
          value={form.description}
          onInput={(e) =>
            dispatch({
              type: "what-if-form",
              form: { ...form, description: e.currentTarget.value },
            })
          }
        />
      </label>
      <fieldset>
        <legend>Changes to events</legend>
        {form.changes.length === 0 ? <p class="muted small">No change yet.</p> : null}
        <ol class="changes">
          {form.changes.map((change, index) => (
            <ChangeEditor key={index} index={index} change={change} />
          ))}
        </ol>
        <div class="button-row">
          <button
            type="button"
            onClick={() => dispatch({ type: "what-if-add", change: newChange("add") })}
          >
            Add an event
          </button>
          <button
            type="button"
            onClick={() => dispatch({ type: "what-if-add", change: newChange("remove") })}
          >
            Remove an event
          </button>
          <button
            type="button"
            onClick={() => dispatch({ type: "what-if-add", change: newChange("move") })}
          >
            Move an event
          </button>
        </div>
      </fieldset>
      <label class="field block">
        <span>Reading</span>
        <select
          value={form.reading}
          onChange={(e) =>
            dispatch({ type: "what-if-form", form: { ...form, reading: e.currentTarget.value } })
          }
        >
          <option value="">the same as history</option>
          {readings.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <div class="button-row">
        <button type="submit" class="primary">
          Run the what-if
        </button>
        <button
          type="button"
          onClick={() => {
            dispatch({ type: "what-if-form", form: emptyWhatIf });
            dispatch({ type: "what-if-ran", run: null });
          }}
        >
          Clear
        </button>
      </div>
      {corpusWhatIfs.length > 0 ? (
        <fieldset>
          <legend>What-ifs written in the corpus</legend>
          <ul class="corpus-what-ifs">
            {corpusWhatIfs.map((w) => (
              <li key={w.id}>
                <button type="button" class="link-button" onClick={() => props.onRun(w.id)}>
                  {w.id}
                </button>
                {w.description ? <span class="muted small"> — {w.description}</span> : null}
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
    </form>
  );
}
