import type { Location } from "./location.ts";
import type { DiagnosticCode } from "./messages.ts";

export type Severity = "error" | "warning";

/** A problem in a user's document: collected, never thrown. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly at: Location;
}
