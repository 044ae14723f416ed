import { describe, expect, it } from "vitest";
import { formatDay } from "../language/calendar/day.ts";
import { compile } from "../language/compile.ts";
import { replay } from "./index.ts";

/** `term … then indefinite` and `denunciation … after term`, as in the 1945 treaty's article 8. */
function treaty(fields: string, events: readonly string[]) {
  const text = `party a "A" { kind state }
party b "B" { kind state }
instrument t "A treaty" {
  parties a, b
  in-force on signature
  ${fields}
}
event signed 1945-08-24 sign t by a, b
${events.map((e, i) => `event e${i + 1} ${e}`).join("\n")}
`;
  return compile([{ file: "t.pacta", text }]);
}

function states(fields: string, events: readonly string[]): string[] {
  const compiled = treaty(fields, events);
  expect(compiled.diagnostics.map((d) => d.message)).toEqual([]);
  return (replay(compiled.model).instruments.get("t")?.intervals ?? []).map(
    (i) => `${i.state} ${formatDay(i.from)}..${i.until === null ? "" : formatDay(i.until)}`,
  );
}

describe("a term then without limit of time", () => {
  it("stays in force when the term runs out", () => {
    expect(states("term 30 years then indefinite", [])).toEqual(["in-force 1945-08-24.."]);
    // Without `then indefinite` the same term expires.
    expect(states("term 30 years", [])).toEqual([
      "in-force 1945-08-24..1975-08-24",
      "expired 1975-08-24..",
    ]);
  });

  it("ends a year after a notice given once the term has run out", () => {
    expect(
      states("term 30 years then indefinite\n  denunciation 1 year after term", [
        "1980-03-01 denounce t by a",
      ]),
    ).toEqual(["in-force 1945-08-24..1981-03-01", "terminated 1981-03-01.."]);
  });

  it("ignores a notice given during the term, but not the next one after it", () => {
    expect(
      states("term 30 years then indefinite\n  denunciation 1 year after term", [
        "1960-01-01 denounce t by a",
        "1975-08-24 denounce t by b",
      ]),
    ).toEqual(["in-force 1945-08-24..1976-08-24", "terminated 1976-08-24.."]);
  });

  it("lets a plain denunciation clause count at any time", () => {
    expect(
      states("term 30 years then indefinite\n  denunciation 1 year", [
        "1960-01-01 denounce t by a",
      ]),
    ).toEqual(["in-force 1945-08-24..1961-01-01", "terminated 1961-01-01.."]);
  });

  it("refuses what cannot be meant, with the instrument's position", () => {
    const both = treaty("term 30 years then indefinite\n  renewal 5 years notice 1 year", []);
    expect(both.diagnostics.map((d) => [d.code, d.at.line])).toEqual([["PCT102", 3]]);
    expect(both.diagnostics[0]?.message).toContain("not both");
    const noTerm = treaty("denunciation 1 year after term", []);
    expect(noTerm.diagnostics.map((d) => [d.code, d.at.line])).toEqual([["PCT102", 3]]);
    const typo = treaty("term 30 years then forever", []);
    expect(typo.diagnostics.map((d) => d.code)).toEqual(["PCT102"]);
    expect(typo.diagnostics[0]?.message).toContain("then indefinite");
  });
});
