// State intervals as a list: state, span and reason.
import type { Change } from "../../engine/index.ts";
import { span } from "../lib/format.ts";
import { StateChip } from "./StateChip.tsx";

export function IntervalList(props: { readonly intervals: Change["before"] }) {
  if (props.intervals.length === 0) return <p class="muted small">no state</p>;
  return (
    <ul class="interval-list">
      {props.intervals.map((i) => (
        <li key={i.from}>
          <StateChip state={i.state} /> <span class="small">{span(i.from, i.until)}</span>
          <span class="muted small"> — {i.reason.summary}</span>
        </li>
      ))}
    </ul>
  );
}
