// Places a diagnostic in an editor's document by its line and column (robust to line-end
// differences between the compiled text and the editor's), clamped to the document.
import type { Diagnostic } from "../../language/index.ts";

/** What the placement needs to know of a document. */
export interface LineIndex {
  readonly lines: number;
  readonly length: number;
  /** Offset of the start of a 1-based line, and its length without the line end. */
  line(n: number): { readonly from: number; readonly length: number };
}

export interface Range {
  readonly from: number;
  readonly to: number;
}

export function diagnosticRange(index: LineIndex, diagnostic: Diagnostic): Range {
  const lineNo = Math.min(Math.max(1, diagnostic.at.line), Math.max(1, index.lines));
  const line = index.line(lineNo);
  const column = Math.min(Math.max(0, diagnostic.at.column - 1), line.length);
  const from = line.from + column;
  const span = Math.max(0, diagnostic.at.to - diagnostic.at.from);
  return { from, to: Math.min(index.length, from + span) };
}

/** A line index over a plain string (lines split at \n, \r\n or \r). */
export function lineIndexOf(text: string): LineIndex {
  const starts: number[] = [0];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  ends.push(text.length);
  return {
    lines: starts.length,
    length: text.length,
    line: (n) => {
      const from = starts[n - 1] ?? 0;
      return { from, length: (ends[n - 1] ?? from) - from };
    },
  };
}
