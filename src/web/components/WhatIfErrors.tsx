// Why a what-if could not be run: the form's problems or the compiler's diagnostics.
import type { WhatIfRun } from "../lib/run-what-if.ts";
import { DiagnosticList } from "./DiagnosticList.tsx";

export function WhatIfErrors(props: { readonly run: Extract<WhatIfRun, { ok: false }> }) {
  return (
    <div class="notice error" role="alert">
      <ul>
        {props.run.errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
      {props.run.diagnostics.length > 0 ? (
        <DiagnosticList diagnostics={props.run.diagnostics} />
      ) : null}
    </div>
  );
}
