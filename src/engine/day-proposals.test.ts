import { describe, expect, it } from "vitest";
import { DayProposals } from "./day-proposals.ts";

describe("DayProposals", () => {
  it("numbers a day's proposals and lets what the day made go when cleared", () => {
    const day = new DayProposals<string, string, string, object>();
    const origin = {};
    expect(day.add("status(m3)", true, "voting", "rule-1", null, origin)).toBe(0);
    expect(day.add("status(m3)", false, null, "rule-2", "kept", origin)).toBe(1);
    expect(day.count).toBe(2);
    expect(day.value[0]).toBe("voting");
    expect(day.starts[1]).toBe(false);
    expect(day.next[1]).toBe(-1);
    day.clear();
    expect(day.count).toBe(0);
    expect(day.kept[1]).toBeNull();
    expect(day.origin[0]).toBeNull();
    expect(day.add("vote(a1,m3)", true, "aye", "rule-3", null, origin)).toBe(0);
  });

  it("copies a proposal of another day's list as it stands, under a number of its own", () => {
    const from = new DayProposals<string, string, string, object>();
    const to = new DayProposals<string, string, string, object>();
    const origin = {};
    from.add("status(m3)", true, "voting", "rule-1", null, origin);
    from.add("vote(a1,m3)", false, null, "rule-2", "kept", origin);
    to.add("outcome(m3)", true, "carried", "rule-3", null, origin);
    expect(to.copy(from, 1)).toBe(1);
    expect([to.instance[1], to.starts[1], to.value[1], to.rule[1], to.kept[1]]).toEqual([
      "vote(a1,m3)",
      false,
      null,
      "rule-2",
      "kept",
    ]);
    expect(to.origin[1]).toBe(origin);
    expect(to.next[1]).toBe(-1);
  });
});
