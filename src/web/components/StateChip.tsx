// A state as a small coloured label.
import { stateLabel, stateStyle } from "../lib/states.ts";

export function StateChip(props: { readonly state: string }) {
  const style = stateStyle(props.state);
  return (
    <span class="state-chip" style={{ background: style.fill, color: style.ink }}>
      {props.state === "absent" ? "absent" : stateLabel(props.state)}
    </span>
  );
}
