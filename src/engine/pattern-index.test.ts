import { describe, expect, it } from "vitest";
import { PatternIndex, type Subscription } from "./pattern-index.ts";
import { event, pattern } from "./test-model.ts";

function collected(index: PatternIndex<string>, e: ReturnType<typeof event>): string[] {
  const out: Subscription<string>[] = [];
  const n = index.collect(e, out);
  return out.slice(0, n).map((s) => s.payload);
}

describe("PatternIndex", () => {
  it("files a pattern under an object, else an actor, else a target, else as wild", () => {
    const index = new PatternIndex<string>();
    index.add(
      pattern("pay credit-1 by holder"),
      { holders: ["ussr"], counterparties: [] },
      "object",
    );
    index.add(pattern("pay by ussr"), null, "actor");
    index.add(pattern("pay to prc"), null, "target");
    index.add(pattern("pay by ?x"), null, "wild");
    expect(
      collected(index, event("e", "1950-01-01", "pay credit-1 by ussr to prc")).sort(),
    ).toEqual(["actor", "object", "target", "wild"]);
    expect(collected(index, event("e", "1950-01-01", "pay credit-2 by usa"))).toEqual(["wild"]);
    expect(collected(index, event("e", "1950-01-01", "visit by ussr"))).toEqual([]);
  });

  it("files a pattern keyed by several holders once per holder, and removes them together", () => {
    const index = new PatternIndex<string>();
    const roles = { holders: ["a", "b"], counterparties: ["a", "b"] };
    const sub = index.add(pattern("assist by holder to counterparty"), roles, "assist");
    index.add(pattern("assist by c"), null, "other");
    expect(collected(index, event("e", "1950-01-01", "assist by a to b"))).toEqual(["assist"]);
    expect(collected(index, event("e", "1950-01-01", "assist by b to a"))).toEqual(["assist"]);
    expect(collected(index, event("e", "1950-01-01", "assist by c to a"))).toEqual(["other"]);
    index.remove(sub);
    expect(collected(index, event("e", "1950-01-01", "assist by a to b"))).toEqual([]);
    expect(collected(index, event("e", "1950-01-01", "assist by c to a"))).toEqual(["other"]);
  });

  it("removal keeps the other filings of a list", () => {
    const index = new PatternIndex<string>();
    const subs = ["x", "y", "z"].map((p) => index.add(pattern("pay by ussr"), null, p));
    index.remove(subs[0]!);
    expect(collected(index, event("e", "1950-01-01", "pay by ussr")).sort()).toEqual(["y", "z"]);
    index.remove(subs[2]!);
    expect(collected(index, event("e", "1950-01-01", "pay by ussr"))).toEqual(["y"]);
  });
});
