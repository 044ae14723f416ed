// Pacta diagnostics as CodeMirror lint diagnostics, placed by line and column.
import type { Diagnostic as CmDiagnostic } from "@codemirror/lint";
import type { Text } from "@codemirror/state";
import type { Diagnostic } from "../../language/index.ts";
import { diagnosticRange, type LineIndex } from "../lib/diagnostic-range.ts";

export function lineIndexOfDoc(doc: Text): LineIndex {
  return {
    lines: doc.lines,
    length: doc.length,
    line: (n) => {
      const line = doc.line(n);
      return { from: line.from, length: line.length };
    },
  };
}

export function toCmDiagnostics(doc: Text, diagnostics: readonly Diagnostic[]): CmDiagnostic[] {
  const index = lineIndexOfDoc(doc);
  return diagnostics.map((d) => {
    const range = diagnosticRange(index, d);
    return {
      from: range.from,
      to: range.to,
      severity: d.severity === "error" ? "error" : "warning",
      message: `${d.message} (${d.code})`,
      source: d.code,
    };
  });
}
