import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { replay, replayToJson } from "../src/engine/index.ts";
import { compile, type DocumentText } from "../src/language/compile.ts";

const dir = join(import.meta.dirname, "..", "corpus", "sino-soviet");
const corpus: DocumentText[] = readdirSync(dir)
  .filter((f) => f.endsWith(".pacta"))
  .map((f) => ({ file: f, text: readFileSync(join(dir, f), "utf8") }));

/** Splits each document into top-level chunks (at blank lines before a statement at column 1). */
function chunks(documents: readonly DocumentText[]): DocumentText[] {
  return documents.flatMap((d) =>
    d.text
      .split(/\n(?=(?:source|party|asset|instrument|fact|event|contested|reading) )/)
      .map((text, i) => ({ file: `${d.file}#${i}`, text })),
  );
}

function replayJson(documents: readonly DocumentText[], reading: string): string {
  const { model, hasErrors } = compile(documents);
  expect(hasErrors).toBe(false);
  return JSON.stringify(replayToJson(replay(model, { reading })));
}

describe("replay is deterministic and independent of file order", () => {
  const readings = ["default", "cow", "atop", "wikipedia"];
  const expected = new Map(readings.map((r) => [r, replayJson(corpus, r)]));
  const pieces = chunks(corpus);

  it("gives the same JSON for the flagship corpus when run twice", () => {
    expect(replayJson(corpus, "default")).toBe(expected.get("default"));
  });

  it("gives the same JSON whatever the order of files, and when the statements are spread over many files", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(pieces, { minLength: pieces.length, maxLength: pieces.length }),
        fc.constantFrom(...readings),
        (shuffled, reading) => {
          const renamed = shuffled.map((d, i) => ({
            file: `part-${String(i).padStart(3, "0")}.pacta`,
            text: d.text,
          }));
          expect(replayJson(renamed, reading)).toBe(expected.get(reading));
        },
      ),
      { numRuns: 25 },
    );
  });
});
