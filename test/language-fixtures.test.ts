import { describe, expect, it } from "vitest";
import { compile } from "../src/language/compile.ts";
import { expectedText, fixtures } from "./fixture-files.ts";

/** One line per diagnostic: `CODE line:column`, in the order reported. */
function dump(file: string, text: string): string {
  const { diagnostics } = compile([{ file, text }]);
  return `${diagnostics.map((d) => `${d.code} ${d.at.line}:${d.at.column}`).join("\n")}\n`;
}

describe("language fixtures: each document reports exactly its expected diagnostics", () => {
  for (const fixture of fixtures("language")) {
    it(fixture.name, () => {
      const actual = dump(fixture.file, fixture.text);
      const expected = expectedText(fixture.path, "diagnostics", actual);
      expect(
        expected,
        `missing ${fixture.name}.diagnostics (run with UPDATE_FIXTURES=1)`,
      ).toBeDefined();
      expect(actual).toBe(expected);
    });
  }
});
