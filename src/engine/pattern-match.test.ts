import { describe, expect, it } from "vitest";
import { Bindings, matchPattern } from "./pattern-match.ts";
import { event, pattern } from "./test-model.ts";

const roles = { holders: ["ussr"], counterparties: ["prc"] };

function matches(p: string, e: string): boolean {
  return matchPattern(pattern(p), event("e", "1950-01-01", e), roles, new Bindings());
}

describe("event patterns", () => {
  it("type, objects, actors and targets", () => {
    expect(
      matches(
        "transfer changchun-railway by ussr to prc",
        "transfer changchun-railway by ussr to prc",
      ),
    ).toBe(true);
    expect(matches("transfer changchun-railway", "transfer changchun-railway by ussr to prc")).toBe(
      true,
    );
    expect(matches("transfer port-arthur", "transfer changchun-railway by ussr to prc")).toBe(
      false,
    );
    expect(matches("withdraw", "transfer")).toBe(false);
  });

  it("a list matches an event naming all of them", () => {
    expect(matches("sign t by prc, ussr", "sign t by ussr, prc")).toBe(true);
    expect(matches("sign t by prc, ussr", "sign t by prc")).toBe(false);
  });

  it("holder, counterparty and any", () => {
    expect(matches("transfer by holder to counterparty", "transfer x by ussr to prc")).toBe(true);
    expect(matches("transfer by holder to counterparty", "transfer x by prc to ussr")).toBe(false);
    expect(matches("transfer by any", "transfer x by usa")).toBe(true);
    expect(matches("transfer by any", "transfer x")).toBe(false);
  });

  it("variables bind on first use and must match consistently", () => {
    expect(matches("exchange by ?a to ?a", "exchange by prc to prc")).toBe(true);
    expect(matches("exchange by ?a to ?a", "exchange by prc to ussr")).toBe(false);
    expect(matches("exchange by ?a to ?a", "exchange by prc, ussr to ussr")).toBe(true);
  });

  it("offers every consistent binding", () => {
    const found: string[] = [];
    matchPattern(
      pattern("attack by ?b to ?a"),
      event("e", "1950-01-01", "attack by japan to prc, ussr"),
      null,
      new Bindings(),
      (b) => {
        found.push(`${b.get("a")}/${b.get("b")}`);
        return false;
      },
    );
    expect(found).toEqual(["prc/japan", "ussr/japan"]);
  });
});
