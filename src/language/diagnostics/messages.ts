import type { Diagnostic, Severity } from "./diagnostic.ts";
import type { Location } from "./location.ts";

/**
 * The catalog of diagnostics: a stable code, a severity, and how to word it. Tests assert codes
 * and positions, never the wording, so messages may be improved freely.
 */
export const diagnosticCatalog = {
  PCT001: { severity: "error", title: "unexpected character" },
  PCT002: { severity: "error", title: "unterminated string" },
  PCT003: { severity: "error", title: "unexpected token" },
  PCT004: { severity: "error", title: "unclosed block or parenthesis" },
  PCT005: { severity: "error", title: "unexpected closing bracket" },
  PCT006: { severity: "error", title: "unreadable file" },
  PCT101: { severity: "error", title: "unknown keyword" },
  PCT102: { severity: "error", title: "missing or malformed argument" },
  PCT103: { severity: "error", title: "duplicate id" },
  PCT104: { severity: "error", title: "unknown id" },
  PCT105: { severity: "error", title: "wrong kind of reference" },
  PCT106: { severity: "error", title: "impossible date" },
  PCT107: { severity: "error", title: "deadline before its trigger" },
  PCT108: { severity: "error", title: "circular relation" },
  PCT109: { severity: "error", title: "bad reading" },
  PCT110: { severity: "error", title: "unknown party in event" },
  PCT111: { severity: "warning", title: "empty reading" },
  PCT112: { severity: "warning", title: "unknown field" },
  PCT113: { severity: "warning", title: "uncited source" },
  PCT114: { severity: "error", title: "value not among the fact's values" },
  PCT115: { severity: "error", title: "fact parameter bound by nothing" },
  PCT116: { severity: "error", title: "circular fact triggers" },
  PCT117: { severity: "error", title: "misplaced fact rule" },
  PCT118: { severity: "error", title: "timer of no length" },
  PCT119: { severity: "warning", title: "timers that cycle without events" },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type DiagnosticCode = keyof typeof diagnosticCatalog;

/** Builds a diagnostic; `message` says what is wrong and what to do. */
export function diagnostic(code: DiagnosticCode, at: Location, message: string): Diagnostic {
  return { code, severity: diagnosticCatalog[code].severity, message, at };
}
