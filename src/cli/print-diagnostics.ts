import type { DocumentText } from "../language/compile.ts";
import type { Diagnostic } from "../language/diagnostics/diagnostic.ts";
import type { Style } from "./style.ts";

/**
 * `file:line:column: error PCT104: message`, then the line with a caret under the column, the
 * way compilers print it.
 */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  documents: readonly DocumentText[],
  style: Style,
): string {
  const texts = new Map(documents.map((d) => [d.file, d.text]));
  const lines: string[] = [];
  for (const d of diagnostics) {
    const severity = d.severity === "error" ? style.red("error") : style.yellow("warning");
    lines.push(
      `${style.bold(`${d.at.file}:${d.at.line}:${d.at.column}`)}: ${severity} ${style.dim(d.code)}: ${d.message}`,
    );
    const text = texts.get(d.at.file);
    const line = text?.split(/\r?\n/, d.at.line)[d.at.line - 1];
    if (line !== undefined && line.length <= 300 && d.code !== "PCT006") {
      const gutter = String(d.at.line).padStart(5);
      lines.push(`${style.dim(`${gutter} |`)} ${line.replace(/\t/g, " ")}`);
      const width = Math.max(1, Math.min(d.at.to - d.at.from, line.length - d.at.column + 1));
      lines.push(
        `${style.dim(`${" ".repeat(5)} |`)} ${" ".repeat(d.at.column - 1)}${style.red("^".repeat(width))}`,
      );
    }
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  lines.push(
    `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
  );
  return `${lines.join("\n")}\n`;
}
