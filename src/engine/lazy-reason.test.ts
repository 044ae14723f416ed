import { describe, expect, it } from "vitest";
import { LazyReason, plainReason } from "./lazy-reason.ts";

describe("a reason written when read", () => {
  it("writes its summary from what it captured, each time it is read", () => {
    let calls = 0;
    const reason = new LazyReason(
      "deadline",
      (day: number) => {
        calls++;
        return `Violated on day ${day}`;
      },
      12,
      ["s1"],
      undefined,
      "3 months after entry-into-force",
    );
    expect(calls).toBe(0);
    expect(reason.summary).toBe("Violated on day 12");
    expect(reason.summary).toBe("Violated on day 12");
    expect(calls).toBe(2);
  });

  it("is, as JSON, the plain reason with its fields in the usual order and none undefined", () => {
    const reason = new LazyReason(
      "rule",
      (id: string) => `In effect from the entry into force of ${id}`,
      "t",
      ["s1", "s2"],
      undefined,
      undefined,
      "t",
      "from entry-into-force",
      [{ kind: "instrument", id: "t", day: 3 }],
    );
    expect(JSON.stringify(reason)).toBe(
      JSON.stringify({
        kind: "rule",
        summary: "In effect from the entry into force of t",
        instrument: "t",
        rule: "from entry-into-force",
        sources: ["s1", "s2"],
        because: [{ kind: "instrument", id: "t", day: 3 }],
      }),
    );
    expect(plainReason(reason)).toEqual(JSON.parse(JSON.stringify(reason)));
  });

  it("keeps an empty list of causes, as a plain reason would", () => {
    const reason = new LazyReason(
      "condition",
      () => "Pending",
      null,
      [],
      "e",
      undefined,
      undefined,
      undefined,
      [],
    );
    expect(JSON.stringify(reason)).toBe(
      '{"kind":"condition","summary":"Pending","event":"e","sources":[],"because":[]}',
    );
  });
});
