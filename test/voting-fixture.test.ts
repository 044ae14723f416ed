import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { replay } from "../src/engine/index.ts";
import { formatDay } from "../src/language/calendar/day.ts";
import { compile } from "../src/language/compile.ts";
import { expectedText, fixtures } from "./fixture-files.ts";

/**
 * The voting protocol (examples/voting/protocol.pacta) on small meetings of our own: each
 * `test/fixtures/voting/NAME.pacta` (members and events) replays to exactly the fact intervals in
 * `NAME.intervals`, one line per interval: the fact, its days, and what started it.
 */
const protocol = readFileSync(
  join(import.meta.dirname, "..", "examples", "voting", "protocol.pacta"),
  "utf8",
);

function dump(file: string, text: string): string {
  const { model, diagnostics } = compile([
    { file: "protocol.pacta", text: protocol },
    { file, text },
  ]);
  const lines = diagnostics.map(
    (d) => `diagnostic ${d.code} ${d.at.file} ${d.at.line}:${d.at.column}`,
  );
  for (const [key, timeline] of replay(model).facts)
    for (const i of timeline.intervals) {
      const until = i.until === null ? "" : formatDay(i.until);
      const by = i.reason.event === undefined ? i.reason.kind : `event ${i.reason.event}`;
      lines.push(`${key} ${formatDay(i.from)}..${until} ${by}`);
    }
  return `${lines.join("\n")}\n`;
}

describe("the voting protocol on small meetings", () => {
  for (const fixture of fixtures("voting")) {
    it(fixture.name, () => {
      const actual = dump(fixture.file, fixture.text);
      const expected = expectedText(fixture.path, "intervals", actual);
      expect(
        expected,
        `missing ${fixture.name}.intervals (run with UPDATE_FIXTURES=1)`,
      ).toBeDefined();
      expect(actual).toBe(expected);
    });
  }
});
