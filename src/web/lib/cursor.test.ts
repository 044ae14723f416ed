import { describe, expect, it } from "vitest";
import { replay } from "../../engine/index.ts";
import { dayFromCivil } from "../../language/index.ts";
import { flagship } from "../test-support/corpus.ts";
import { stepCursor, summarizeDay } from "./cursor.ts";

describe("stepCursor", () => {
  const day = dayFromCivil(1952, 1, 31);
  it("moves by a day, a month, a year, or to the ends", () => {
    expect(stepCursor(day, "ArrowRight", false, undefined)).toBe(day + 1);
    expect(stepCursor(day, "ArrowLeft", false, undefined)).toBe(day - 1);
    expect(stepCursor(day, "ArrowRight", true, undefined)).toBe(dayFromCivil(1952, 2, 29));
    expect(stepCursor(day, "PageUp", false, undefined)).toBe(dayFromCivil(1953, 1, 31));
    expect(stepCursor(day, "Home", false, { first: 5, last: 9 })).toBe(5);
    expect(stepCursor(day, "End", false, { first: 5, last: 9 })).toBe(9);
    expect(stepCursor(day, "x", false, undefined)).toBeUndefined();
  });
});

describe("summarizeDay", () => {
  const { model } = flagship();
  const history = replay(model);

  it("lists what stood on a day, in force first", () => {
    const summary = summarizeDay(model, history, dayFromCivil(1951, 6, 1));
    const ids = summary.instruments.map((i) => i.id);
    expect(ids).toContain("changchun-port-arthur-dalny-1950");
    const firstOther = summary.instruments.findIndex((i) => i.state !== "in-force");
    if (firstOther >= 0)
      expect(summary.instruments.slice(firstOther).every((i) => i.state !== "in-force")).toBe(true);
    expect(summary.provisions.map((p) => p.id)).toContain(
      "changchun-port-arthur-dalny-1950.railway-transfer",
    );
    expect(summary.dueNext.map((d) => d.provision)).toContain(
      "changchun-port-arthur-dalny-1950.railway-transfer",
    );
  });

  it("lists the facts that held on the day, and none before they started", () => {
    const allied = (day: number) =>
      summarizeDay(model, history, day).facts.filter((f) => f.id === "allied(usa,japan)");
    expect(allied(dayFromCivil(1952, 4, 27))).toEqual([]);
    const [fact] = allied(dayFromCivil(1953, 1, 1));
    expect(fact).toMatchObject({ state: "holds", since: dayFromCivil(1952, 4, 28) });
    expect(fact?.summary).toContain("us-japan-security-treaty");
  });

  it("lists the deadlines falling on the day", () => {
    const summary = summarizeDay(model, history, dayFromCivil(1952, 12, 31));
    expect(summary.dueToday.map((d) => d.provision)).toContain(
      "changchun-port-arthur-dalny-1950.railway-transfer",
    );
  });
});
