import { describe, expect, it } from "vitest";
import { OpenedReason } from "./opened-reason.ts";
import type { Reason } from "./reason.ts";
import { day } from "./test-model.ts";

describe("OpenedReason", () => {
  it("reads, and is as JSON, the plain reason of a provision opened with its instrument", () => {
    const because = [{ kind: "instrument" as const, id: "t", day: day("1950-02-14") }];
    const opening = { id: "t", how: "was signed" as const, day: day("1950-02-14"), because };
    const reason: Reason = new OpenedReason(opening, { kind: "violation", provision: "t.pay" }, [
      "s1",
    ]);
    const plain = {
      kind: "rule",
      summary: "Pending: t was signed on 1950-02-14; in effect from violation of t.pay",
      instrument: "t",
      sources: ["s1"],
      because,
    };
    expect(JSON.stringify(reason)).toBe(JSON.stringify(plain));
    expect(reason.kind).toBe("rule");
    expect(reason.summary).toBe(plain.summary);
    expect(reason.instrument).toBe("t");
    expect(reason.because).toBe(because);
    expect(reason.event).toBeUndefined();
    expect(reason.rule).toBeUndefined();
    expect(reason.limb).toBeUndefined();
  });
});
