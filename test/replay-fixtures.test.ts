import { describe, expect, it } from "vitest";
import { replay } from "../src/engine/index.ts";
import { formatDay } from "../src/language/calendar/day.ts";
import { compile } from "../src/language/compile.ts";
import { expectedText, fixtures } from "./fixture-files.ts";

/**
 * A readable dump of a replay: each instrument and provision, then one line per interval with its
 * state, its days, the kind of reason, and the limb or event that decided it.
 */
function dump(file: string, text: string): string {
  const { model, diagnostics } = compile([{ file, text }]);
  const lines = diagnostics.map((d) => `diagnostic ${d.code} ${d.at.line}:${d.at.column}`);
  const readings = model.readings.size > 0 ? [...model.readings.keys()] : [undefined];
  for (const reading of readings) {
    const result = replay(model, reading === undefined ? {} : { reading });
    if (reading !== undefined) lines.push(`reading ${reading}`);
    const section = (
      kind: string,
      timelines: typeof result.instruments | typeof result.provisions,
    ) => {
      for (const [id, timeline] of timelines) {
        lines.push(`${kind} ${id}`);
        for (const i of timeline.intervals) {
          const until = i.until === null ? "" : formatDay(i.until);
          const detail = [
            i.reason.event && `event ${i.reason.event}`,
            i.reason.limb && `limb '${i.reason.limb}'`,
            i.reason.instrument && `by ${i.reason.instrument}`,
          ]
            .filter(Boolean)
            .join(" ");
          lines.push(
            `  ${i.state} ${formatDay(i.from)}..${until} ${i.reason.kind}${detail ? ` ${detail}` : ""}`,
          );
        }
      }
    };
    section("instrument", result.instruments);
    section("provision", result.provisions);
  }
  return `${lines.join("\n")}\n`;
}

describe("replay fixtures: each document replays to exactly its expected timelines", () => {
  for (const fixture of fixtures("replay")) {
    it(fixture.name, () => {
      const actual = dump(fixture.file, fixture.text);
      const expected = expectedText(fixture.path, "replay", actual);
      expect(expected, `missing ${fixture.name}.replay (run with UPDATE_FIXTURES=1)`).toBeDefined();
      expect(actual).toBe(expected);
    });
  }
});
