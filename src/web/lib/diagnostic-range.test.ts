import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../language/index.ts";
import { diagnosticRange, lineIndexOf } from "./diagnostic-range.ts";

function diag(line: number, column: number, length: number): Diagnostic {
  return {
    code: "PCT104",
    severity: "error",
    message: "m",
    at: { file: "f", from: 1000, to: 1000 + length, line, column },
  };
}

describe("diagnosticRange", () => {
  const text = "first line\r\nsecond\n\nfourth";
  const index = lineIndexOf(text);

  it("places by line and column, whatever the line ends", () => {
    expect(index.lines).toBe(4);
    expect(diagnosticRange(index, diag(2, 3, 2))).toEqual({ from: 14, to: 16 });
    expect(text.slice(14, 16)).toBe("co");
    expect(diagnosticRange(index, diag(4, 1, 6))).toEqual({ from: 20, to: 26 });
  });

  it("clamps what lies past the end", () => {
    expect(diagnosticRange(index, diag(9, 1, 3))).toEqual({ from: 20, to: 23 });
    expect(diagnosticRange(index, diag(2, 50, 0))).toEqual({ from: 18, to: 18 });
    expect(diagnosticRange(index, diag(4, 6, 100))).toEqual({ from: 25, to: 26 });
  });
});
