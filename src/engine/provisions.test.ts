import { describe, expect, it } from "vitest";
import { formatDay } from "../language/calendar/day.ts";
import { replay, violations } from "./index.ts";
import {
  anchors,
  buildModel,
  dateLimb,
  durationAfter,
  event,
  type InstrumentSpec,
  instrument,
  latest,
  notLaterThan,
  on,
} from "./test-model.ts";
import { rows } from "./test-rows.ts";

const signed = event("s", "1950-02-14", "sign t by prc, ussr");

function run(spec: InstrumentSpec, events: ReturnType<typeof event>[]) {
  return replay(
    buildModel({ instruments: [instrument("t", { inForce: "signature", ...spec })], events }),
  );
}

function provision(spec: InstrumentSpec, events: ReturnType<typeof event>[], id = "t.p") {
  return run(spec, events).provisions.get(id)!.intervals;
}

describe("deadlines", () => {
  const railway = {
    holder: ["ussr"],
    counterparty: ["prc"],
    due: notLaterThan(on("conclude-peace by ussr with japan"), dateLimb("end of 1952")),
    fulfilledBy: "transfer changchun-railway by ussr to prc",
  };

  it("the event limb fires first and governs", () => {
    const result = run({ provisions: { p: railway } }, [
      signed,
      event("peace", "1951-09-08", "conclude-peace by ussr with japan"),
      // Same day: events apply in id order, so the peace (p…) comes before the handover (r…).
      event("railway-handover", "1951-09-08", "transfer changchun-railway by ussr to prc"),
    ]);
    const intervals = result.provisions.get("t.p")!.intervals;
    expect(rows(intervals)).toEqual(["in-effect 1950-02-14..1951-09-08", "fulfilled 1951-09-08.."]);
    expect(intervals[1]!.reason.limb).toBe("on conclude-peace by ussr with japan");
    expect(result.deadlines.map((d) => [formatDay(d.due), d.limb, d.outcome])).toEqual([
      ["1951-09-08", "on conclude-peace by ussr with japan", "fulfilled"],
      ["1952-12-31", "end of 1952", "replaced"],
    ]);
  });

  it("the event limb fires first and is missed: violated the next day", () => {
    const intervals = provision({ provisions: { p: railway } }, [
      signed,
      event("peace", "1951-09-08", "conclude-peace by ussr with japan"),
      event("handover", "1952-06-01", "transfer changchun-railway by ussr to prc"),
    ]);
    expect(rows(intervals)).toEqual(["in-effect 1950-02-14..1951-09-09", "violated 1951-09-09.."]);
    expect(intervals[1]!.reason).toMatchObject({
      kind: "deadline",
      limb: "on conclude-peace by ussr with japan",
      summary:
        "Violated: the deadline 1951-09-08 passed without performance; the governing limb was 'on conclude-peace by ussr with japan'",
    });
  });

  it("a fulfilment on the deadline day counts", () => {
    const intervals = provision(
      { provisions: { p: { due: dateLimb("1952-12-31"), fulfilledBy: "pay" } } },
      [signed, event("pay", "1952-12-31", "pay")],
    );
    expect(rows(intervals)).toEqual(["in-effect 1950-02-14..1952-12-31", "fulfilled 1952-12-31.."]);
  });

  it("a deadline counted from entry into force", () => {
    const intervals = provision(
      {
        provisions: {
          p: { due: durationAfter("3 months", anchors.entryIntoForce), fulfilledBy: "pay" },
        },
      },
      [signed],
    );
    expect(rows(intervals)).toEqual(["in-effect 1950-02-14..1950-05-15", "violated 1950-05-15.."]);
    expect(intervals[1]!.reason.limb).toBe("3 months after entry-into-force");
  });

  it("latest of two events: due when both have come", () => {
    const p = {
      due: latest(on("conclude-peace by prc with japan"), on("conclude-peace by ussr with japan")),
      fulfilledBy: "withdraw port-arthur by ussr",
    };
    const result = run({ provisions: { p } }, [
      signed,
      event("peace-ussr", "1956-10-19", "conclude-peace by ussr with japan"),
      event("peace-prc", "1972-09-29", "conclude-peace by prc with japan"),
    ]);
    expect(rows(result.provisions.get("t.p")!.intervals)).toEqual([
      "in-effect 1950-02-14..1972-09-30",
      "violated 1972-09-30..",
    ]);
    expect(result.deadlines).toHaveLength(1);
    expect(result.deadlines[0]!.limb).toBe("on conclude-peace by prc with japan");
  });

  it("a violating event breaches a prohibition", () => {
    const intervals = provision(
      {
        provisions: {
          p: {
            modality: "prohibition",
            holder: ["prc", "ussr"],
            counterparty: ["prc", "ussr"],
            violatedBy: "alliance by holder against counterparty",
          },
        },
      },
      [
        signed,
        event("unrelated", "1955-01-01", "alliance by usa against ussr"),
        event("breach", "1960-01-01", "alliance by ussr against prc", { sources: ["x"] }),
      ],
    );
    expect(rows(intervals)).toEqual(["in-effect 1950-02-14..1960-01-01", "violated 1960-01-01.."]);
    expect(intervals[1]!.reason).toMatchObject({ kind: "event", event: "breach", sources: ["x"] });
  });

  it("a permission expires at its end", () => {
    const intervals = provision(
      {
        provisions: {
          p: { modality: "permission", until: durationAfter("2 years", anchors.entryIntoForce) },
        },
      },
      [signed],
    );
    expect(rows(intervals)).toEqual(["in-effect 1950-02-14..1952-02-15", "expired 1952-02-15.."]);
  });

  it("an amendment after the provision is final changes nothing", () => {
    const result = replay(
      buildModel({
        instruments: [
          instrument("t", {
            inForce: "signature",
            provisions: { p: { due: dateLimb("1951"), fulfilledBy: "pay" } },
          }),
          instrument("a", {
            inForce: "signature",
            amends: [{ provision: "t.p", changes: { due: dateLimb("1953") } }],
          }),
        ],
        events: [signed, event("pay", "1950-06-01", "pay"), event("sa", "1952-01-01", "sign a")],
      }),
    );
    expect(rows(result.provisions.get("t.p")!.intervals)).toEqual([
      "in-effect 1950-02-14..1950-06-01",
      "fulfilled 1950-06-01..",
    ]);
  });

  it("an amendment to a date already past violates at once", () => {
    const result = replay(
      buildModel({
        instruments: [
          instrument("t", {
            inForce: "signature",
            provisions: { p: { due: dateLimb("1955"), fulfilledBy: "pay" } },
          }),
          instrument("a", {
            inForce: "signature",
            amends: [{ provision: "t.p", changes: { due: dateLimb("1951") } }],
          }),
        ],
        events: [signed, event("sa", "1952-01-01", "sign a")],
      }),
    );
    const intervals = result.provisions.get("t.p")!.intervals;
    expect(rows(intervals)).toEqual(["in-effect 1950-02-14..1952-01-01", "violated 1952-01-01.."]);
    expect(intervals[1]!.reason.limb).toBe("1951");
  });
});

describe("starts", () => {
  it("from a date, never before entry into force", () => {
    const intervals = provision(
      { inForce: "on 1950-04-11", provisions: { p: { from: anchors.date("1950-03-01") } } },
      [signed],
    );
    expect(rows(intervals)).toEqual(["pending 1950-02-14..1950-04-11", "in-effect 1950-04-11.."]);
    expect(intervals[1]!.reason.summary).toBe(
      "In effect from the entry into force of t on 1950-04-11; its start '1950-03-01' had come on 1950-03-01",
    );
  });

  it("from a later date", () => {
    const intervals = provision({ provisions: { p: { from: anchors.date("1951-01-01") } } }, [
      signed,
    ]);
    expect(rows(intervals)).toEqual(["pending 1950-02-14..1951-01-01", "in-effect 1951-01-01.."]);
  });

  it("from an event", () => {
    const intervals = provision({ provisions: { p: { from: anchors.event("withdraw by usa") } } }, [
      signed,
      event("w", "1953-01-01", "withdraw by usa"),
    ]);
    expect(rows(intervals)).toEqual(["pending 1950-02-14..1953-01-01", "in-effect 1953-01-01.."]);
    expect(intervals[1]!.reason).toMatchObject({ kind: "event", event: "w" });
  });

  it("consequences: from the violation or fulfilment of another provision", () => {
    const result = run(
      {
        provisions: {
          pay: { due: dateLimb("1951"), fulfilledBy: "pay by ussr" },
          penalty: {
            from: anchors.violation("t.pay"),
            due: durationAfter("1 year", anchors.violation("t.pay")),
          },
          thanks: { from: anchors.fulfilment("t.pay") },
        },
      },
      [signed],
    );
    expect(rows(result.provisions.get("t.penalty")!.intervals)).toEqual([
      "pending 1950-02-14..1952-01-01",
      "in-effect 1952-01-01..1953-01-02",
      "violated 1953-01-02..",
    ]);
    expect(result.provisions.get("t.penalty")!.intervals[1]!.reason).toMatchObject({
      summary: "In effect from the violation of t.pay on 1952-01-01",
      because: [
        { kind: "provision", id: "t.pay", day: result.provisions.get("t.pay")!.intervals[1]!.from },
      ],
    });
    expect(rows(result.provisions.get("t.thanks")!.intervals)).toEqual(["pending 1950-02-14.."]);
    expect(violations(result).map((v) => v.id)).toEqual(["t.pay", "t.penalty"]);
  });
});

describe("provisions follow their instrument", () => {
  const spec: InstrumentSpec = {
    term: "10 years",
    provisions: { p: {}, q: { due: dateLimb("1970") } },
  };

  it("expire with it", () => {
    const result = run(spec, [signed]);
    expect(rows(result.provisions.get("t.p")!.intervals)).toEqual([
      "in-effect 1950-02-14..1960-02-14",
      "expired 1960-02-14..",
    ]);
    expect(result.deadlines[0]!.outcome).toBe("open");
  });

  it("are discharged when it is terminated", () => {
    const intervals = provision(spec, [signed, event("t", "1955-01-01", "terminate t")]);
    expect(rows(intervals)).toEqual([
      "in-effect 1950-02-14..1955-01-01",
      "discharged 1955-01-01..",
    ]);
  });

  it("are suspended with it; a deadline passing meanwhile violates on resumption", () => {
    const result = run(spec, [
      signed,
      event("sus", "1955-01-01", "suspend t"),
      event("res", "1971-01-01", "resume t"),
    ]);
    expect(rows(result.provisions.get("t.p")!.intervals)).toEqual([
      "in-effect 1950-02-14..1955-01-01",
      "suspended 1955-01-01..1960-02-14",
      "expired 1960-02-14..",
    ]);
    const short = run({ provisions: { q: { due: dateLimb("1960") } } }, [
      signed,
      event("sus", "1955-01-01", "suspend t"),
      event("res", "1961-01-01", "resume t"),
    ]);
    const q = short.provisions.get("t.q")!.intervals;
    expect(rows(q)).toEqual([
      "in-effect 1950-02-14..1955-01-01",
      "suspended 1955-01-01..1961-01-01",
      "violated 1961-01-01..",
    ]);
    expect(q[2]!.reason.summary).toContain("had already passed while it was not in effect");
  });

  it("a discharge event releases one provision", () => {
    const intervals = provision(spec, [signed, event("d", "1952-01-01", "discharge t.p")]);
    expect(rows(intervals)).toEqual([
      "in-effect 1950-02-14..1952-01-01",
      "discharged 1952-01-01..",
    ]);
  });

  it("a provision of a voided instrument is discharged", () => {
    const result = replay(
      buildModel({
        instruments: [
          instrument("t", { inForce: "signature", provisions: { p: {} } }),
          instrument("v", { inForce: "signature", voids: ["t"] }),
        ],
        events: [signed, event("sv", "1950-03-01", "sign v")],
      }),
    );
    const p = result.provisions.get("t.p")!.intervals;
    expect(rows(p)).toEqual(["in-effect 1950-02-14..1950-03-01", "discharged 1950-03-01.."]);
    expect(p[1]!.reason.summary).toBe("Discharged: t was void on 1950-03-01");
  });
});
