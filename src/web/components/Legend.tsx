// The colours of the states, and the mark of a key event.
import { instrumentStates, provisionStates, stateLabel, stateStyle } from "../lib/states.ts";

export function Legend(props: { readonly kind: "instrument" | "provision" }) {
  const states = props.kind === "instrument" ? instrumentStates : provisionStates;
  return (
    <ul
      class="legend"
      aria-label={`${props.kind === "instrument" ? "Instrument" : "Provision"} states`}
    >
      {states.map((state) => {
        const style = stateStyle(state);
        return (
          <li key={state}>
            <span
              class={`swatch${style.hatch ? " hatched" : ""}`}
              style={{ backgroundColor: style.fill }}
              aria-hidden="true"
            />
            {stateLabel(state)}
          </li>
        );
      })}
      {props.kind === "instrument" ? (
        <li>
          <span class="swatch tick-swatch" aria-hidden="true">
            ▼
          </span>
          key event
        </li>
      ) : null}
    </ul>
  );
}
