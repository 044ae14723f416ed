import { describe, expect, it } from "vitest";
import { formatDay } from "../language/calendar/day.ts";
import { compile } from "../language/compile.ts";
import { replay } from "./index.ts";

/** Timers of facts with rules that cycle, or have no length: diagnosed, and replays end. */
function light(red: string, green: string, events: string) {
  const text = `asset m "A lamp"
party p "Someone"
fact light(m) "The lamp's colour" {
  values red, green
  becomes red on switch ?m
  becomes green ${green} after red
  becomes red ${red} after green
}
${events}
`;
  return compile([{ file: "t.pacta", text }]);
}

function intervals(result: ReturnType<typeof replay>, key: string): string[] {
  return (result.facts.get(key)?.intervals ?? []).map(
    (i) => `${formatDay(i.from)}..${i.until === null ? "" : formatDay(i.until)}`,
  );
}

describe("fact timers", () => {
  it("warn of a cycle with no event, and a replay stops it once every timer has run after the last event", () => {
    const compiled = light("2 days", "1 day", "event e1 2000-01-01 switch m by p");
    expect(compiled.diagnostics.map((d) => [d.code, d.at.line, d.severity])).toEqual([
      ["PCT119", 3, "warning"],
    ]);
    expect(compiled.diagnostics[0]?.message).toContain("red → green → red");
    const result = replay(compiled.model);
    // Red on the 1st, green a day later, red again two days after that, … up to the horizon:
    // the last event's day plus every timer of the model once (1 + 2 days), so the 4th.
    expect(intervals(result, "light(m)=red")).toEqual(["2000-01-01..2000-01-02", "2000-01-04.."]);
    expect(intervals(result, "light(m)=green")).toEqual(["2000-01-02..2000-01-04"]);
  });

  it("keep cycling while events come, and stop after the last", () => {
    const compiled = light(
      "1 day",
      "1 day",
      "event e1 2000-01-01 switch m by p\nevent e2 2000-01-06 look m by p",
    );
    const result = replay(compiled.model);
    expect(intervals(result, "light(m)=red")).toEqual([
      "2000-01-01..2000-01-02",
      "2000-01-03..2000-01-04",
      "2000-01-05..2000-01-06",
      "2000-01-07..2000-01-08",
    ]);
    expect(intervals(result, "light(m)=green").at(-1)).toBe("2000-01-08..");
  });

  it("of no length are errors, and a replay of such a model (errors and all) still ends", () => {
    const compiled = light("0 days", "0 days", "event e1 2000-01-01 switch m by p");
    expect(compiled.diagnostics.map((d) => [d.code, d.at.line])).toEqual([
      ["PCT118", 6],
      ["PCT118", 7],
    ]);
    const result = replay(compiled.model);
    expect(intervals(result, "light(m)=red")).toEqual(["2000-01-01.."]);
  });

  it("that do not cycle run to the end, however long after the last event", () => {
    const text = `asset m "A motion"
party p "Someone"
fact status(m) "The motion's stage" {
  values idle, open, closed
  initially idle
  becomes open on open ?m
  becomes closed 3 years after open
  becomes idle 10 days after closed
}
event e1 2000-01-01 open m by p
`;
    const compiled = compile([{ file: "t.pacta", text }]);
    expect(compiled.diagnostics).toEqual([]);
    const result = replay(compiled.model);
    expect(intervals(result, "status(m)=closed")).toEqual(["2003-01-01..2003-01-11"]);
    expect(intervals(result, "status(m)=idle").at(-1)).toBe("2003-01-11..");
  });
});
