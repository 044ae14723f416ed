// Diagnostics as a list; each one moves the editor to its line and column.
import type { Diagnostic } from "../../language/index.ts";

export function DiagnosticList(props: {
  readonly diagnostics: readonly Diagnostic[];
  readonly onGo?: (d: Diagnostic) => void;
}) {
  if (props.diagnostics.length === 0) return <p class="muted diagnostics-empty">No problems.</p>;
  return (
    <ul class="diagnostics">
      {props.diagnostics.map((d, i) => (
        <li key={`${d.at.from}-${d.code}-${i}`} class={`diagnostic ${d.severity}`}>
          <button type="button" class="link-button" onClick={() => props.onGo?.(d)}>
            line {d.at.line}, column {d.at.column}
          </button>{" "}
          <span class={`severity ${d.severity}`}>{d.severity}</span> <code>{d.code}</code>{" "}
          <span class="diagnostic-message">{d.message}</span>
        </li>
      ))}
    </ul>
  );
}
