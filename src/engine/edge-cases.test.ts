import { describe, expect, it } from "vitest";
import { explain, explanationToText, replay, replayToJson } from "./index.ts";
import {
  anchors,
  buildModel,
  dateLimb,
  day,
  event,
  fact,
  holds,
  instrument,
  on,
  some,
} from "./test-model.ts";
import { rows } from "./test-rows.ts";

const atWar = fact("at-war", ["a", "b"], {
  starts: ["attack by ?b to ?a"],
  ends: ["armistice by ?a with ?b"],
});

describe("conditions over primitive facts", () => {
  // Each alliance obliges its parties to assist a party at war with anyone.
  const alliance = (id: string, parties: string[]) =>
    instrument(id, {
      inForce: "signature",
      parties,
      provisions: {
        assistance: {
          holder: parties,
          counterparty: parties,
          when: some("?x", holds("at-war", "counterparty", "?x")),
        },
      },
    });
  const model = (events: ReturnType<typeof event>[]) =>
    buildModel({
      instruments: [alliance("ab", ["a", "b"]), alliance("cd", ["c", "d"])],
      facts: [atWar],
      events: [
        event("s-ab", "1950-01-01", "sign ab"),
        event("s-cd", "1950-01-01", "sign cd"),
        ...events,
      ],
    });

  it("only the alliances of the party attacked change", () => {
    const result = replay(
      model([
        event("attack", "1951-01-01", "attack by x to b"),
        event("armistice", "1951-06-01", "armistice by b with x"),
      ]),
    );
    expect(rows(result.provisions.get("ab.assistance")!.intervals)).toEqual([
      "pending 1950-01-01..1951-01-01",
      "in-effect 1951-01-01..1951-06-01",
      "pending 1951-06-01..",
    ]);
    expect(rows(result.provisions.get("cd.assistance")!.intervals)).toEqual([
      "pending 1950-01-01..",
    ]);
    expect(result.provisions.get("ab.assistance")!.intervals[0]!.reason.summary).toBe(
      "Pending: condition 'any ?x: at-war(counterparty, ?x)' does not hold, though its start 'entry-into-force' had come by 1950-01-01",
    );
  });

  it("a war already under way when the provision starts puts it in effect at once", () => {
    const result = replay(model([event("attack", "1949-06-01", "attack by x to c")]));
    expect(rows(result.provisions.get("cd.assistance")!.intervals)).toEqual([
      "in-effect 1950-01-01..",
    ]);
  });

  it("a deadline passing while the condition does not hold violates once it holds again", () => {
    const result = replay(
      buildModel({
        instruments: [
          instrument("t", {
            inForce: "signature",
            provisions: {
              p: {
                holder: ["ussr"],
                counterparty: ["prc"],
                when: holds("at-war", "prc", "japan"),
                due: dateLimb("1952"),
                fulfilledBy: "assist by ussr to prc",
              },
            },
          }),
        ],
        facts: [atWar],
        events: [
          event("s", "1950-01-01", "sign t"),
          event("war", "1951-01-01", "attack by japan to prc"),
          event("truce", "1951-06-01", "armistice by prc with japan"),
          event("war-again", "1953-01-01", "attack by japan to prc"),
        ],
      }),
    );
    const intervals = result.provisions.get("t.p")!.intervals;
    expect(rows(intervals)).toEqual([
      "pending 1950-01-01..1951-01-01",
      "in-effect 1951-01-01..1951-06-01",
      "pending 1951-06-01..1953-01-01",
      "violated 1953-01-01..",
    ]);
    expect(intervals[3]!.reason.kind).toBe("deadline");
  });
});

describe("amendments", () => {
  it("a new deadline whose event came before the amendment is fixed from history", () => {
    const result = replay(
      buildModel({
        instruments: [
          instrument("t", {
            inForce: "signature",
            provisions: { p: { due: dateLimb("1960"), fulfilledBy: "withdraw by ussr" } },
          }),
          instrument("a", {
            inForce: "signature",
            amends: [
              { provision: "t.p", changes: { due: on("conclude-peace by ussr with japan") } },
            ],
          }),
        ],
        events: [
          event("s", "1950-01-01", "sign t"),
          event("peace", "1956-10-19", "conclude-peace by ussr with japan"),
          event("sa", "1957-01-01", "sign a"),
        ],
      }),
    );
    const intervals = result.provisions.get("t.p")!.intervals;
    expect(rows(intervals)).toEqual(["in-effect 1950-01-01..1957-01-01", "violated 1957-01-01.."]);
    expect(intervals[1]!.reason.limb).toBe("on conclude-peace by ussr with japan");
    expect(result.deadlines.map((d) => [d.limb, d.outcome])).toEqual([
      ["on conclude-peace by ussr with japan", "violated"],
      ["1960", "replaced"],
    ]);
  });

  it("a new start before the provision is in effect", () => {
    const result = replay(
      buildModel({
        instruments: [
          instrument("t", { inForce: "ratification", provisions: { p: {} } }),
          instrument("a", {
            inForce: "signature",
            amends: [{ provision: "t.p", changes: { from: anchors.date("1952-01-01") } }],
          }),
        ],
        events: [
          event("s", "1950-01-01", "sign t"),
          event("sa", "1950-06-01", "sign a"),
          event("r", "1951-01-01", "ratify t"),
        ],
      }),
    );
    expect(rows(result.provisions.get("t.p")!.intervals)).toEqual([
      "pending 1950-01-01..1950-06-01",
      "pending 1950-06-01..1952-01-01",
      "in-effect 1952-01-01..",
    ]);
    expect(result.provisions.get("t.p")!.intervals[1]!.reason.summary).toBe(
      "Amended by a from 1950-06-01: start now '1952-01-01'",
    );
  });

  it("an amendment dated before its instrument exists applies when it is signed", () => {
    const result = replay(
      buildModel({
        instruments: [
          instrument("t", { inForce: "signature", provisions: { p: { due: dateLimb("1960") } } }),
          instrument("a", {
            inForce: "ratification",
            amends: [{ provision: "t.p", from: "1951-01-01", changes: { due: dateLimb("1970") } }],
          }),
        ],
        events: [event("s", "1950-01-01", "sign t"), event("sa", "1952-03-01", "sign a")],
      }),
    );
    const intervals = result.provisions.get("t.p")!.intervals;
    expect(rows(intervals)).toEqual([
      "in-effect 1950-01-01..1952-03-01",
      "in-effect 1952-03-01..1971-01-01",
      "violated 1971-01-01..",
    ]);
  });
});

describe("ends and starts", () => {
  it("a power ends on the day after the event that ends it", () => {
    const intervals = replay(
      buildModel({
        instruments: [
          instrument("t", {
            inForce: "signature",
            provisions: {
              p: { modality: "power", until: on("transfer changchun-railway by ussr to prc") },
            },
          }),
        ],
        events: [
          event("s", "1950-01-01", "sign t"),
          event("handover", "1952-12-31", "transfer changchun-railway by ussr to prc"),
        ],
      }),
    ).provisions.get("t.p")!.intervals;
    expect(rows(intervals)).toEqual(["in-effect 1950-01-01..1953-01-01", "expired 1953-01-01.."]);
    expect(intervals[1]!.reason.limb).toBe("on transfer changchun-railway by ussr to prc");
  });

  it("from signature, once in force", () => {
    const intervals = replay(
      buildModel({
        instruments: [
          instrument("t", {
            inForce: "30 days after signature",
            provisions: { p: { from: anchors.signature } },
          }),
        ],
        events: [
          event("s1", "1950-01-01", "sign t by prc"),
          event("s2", "1950-01-10", "sign t by ussr"),
        ],
      }),
    ).provisions.get("t.p")!.intervals;
    expect(rows(intervals)).toEqual(["pending 1950-01-01..1950-02-09", "in-effect 1950-02-09.."]);
  });
});

describe("explanations", () => {
  const model = buildModel({
    instruments: [
      instrument("t", {
        inForce: "signature",
        provisions: { p: { due: dateLimb("1951"), fulfilledBy: "pay" } },
      }),
      instrument("u", { inForce: "signature", provisions: { p: {} } }),
    ],
    events: [
      event("s", "1950-01-01", "sign t", { sources: ["src-1"] }),
      event("pay", "1950-06-01", "pay"),
    ],
  });
  const result = replay(model);

  it("over the whole history, one step per interval", () => {
    const explanation = explain(result, model, "t.p")!;
    expect(explanation.day).toBeNull();
    expect(explanation.steps.map((s) => s.state)).toEqual(["in-effect", "fulfilled"]);
    expect(explanation.steps[0]!.because.map((s) => s.text)).toEqual([
      "t in-force from 1950-01-01: Entered into force on signature: signed by all parties by s (sign t) on 1950-01-01",
    ]);
    expect(explanation.steps[0]!.because[0]!.sources).toEqual(["src-1"]);
    expect(explanationToText(explanation)).toContain("[src-1]");
  });

  it("ambiguous or unknown ids give nothing", () => {
    expect(explain(result, model, "p")).toBeUndefined();
    expect(explain(result, model, "nope")).toBeUndefined();
    expect(explain(result, model, "t", day("1949-01-01"))!.steps).toEqual([]);
  });
});

describe("determinism with facts and conditions", () => {
  it("shuffled events give identical JSON", () => {
    const model = buildModel({
      instruments: [
        instrument("t", {
          inForce: "signature",
          provisions: {
            p: { holder: ["ussr"], counterparty: ["prc"], when: holds("at-war", "prc", "?x") },
          },
        }),
      ],
      facts: [atWar],
      events: [
        event("s", "1950-01-01", "sign t"),
        event("a1", "1951-01-01", "attack by japan to prc"),
        event("a2", "1951-01-01", "attack by usa to prc"),
        event("e1", "1952-01-01", "armistice by prc with japan"),
        event("e2", "1952-01-01", "armistice by prc with usa"),
      ],
    });
    const expected = JSON.stringify(replayToJson(replay(model)));
    const reversed = { ...model, events: [...model.events].reverse() };
    expect(JSON.stringify(replayToJson(replay(reversed)))).toBe(expected);
    expect(rows(replay(model).provisions.get("t.p")!.intervals)).toEqual([
      "pending 1950-01-01..1951-01-01",
      "in-effect 1951-01-01..1952-01-01",
      "pending 1952-01-01..",
    ]);
  });
});

describe("listening starts when a provision comes into effect", () => {
  it("a provision brought into effect by a date is fulfilled by a later event", () => {
    const result = replay(
      buildModel({
        instruments: [
          instrument("loan", {
            inForce: "on 2000-01-01",
            provisions: {
              p: {
                holder: ["ussr"],
                counterparty: ["prc"],
                from: anchors.date("2000-01-11"),
                due: dateLimb("2000-01-16"),
                fulfilledBy: "pay repayment by holder to counterparty",
              },
            },
          }),
        ],
        events: [
          event("early", "2000-01-05", "pay repayment by ussr to prc"),
          event("pay", "2000-01-14", "pay repayment by ussr to prc"),
        ],
      }),
    );
    expect(rows(result.provisions.get("loan.p")!.intervals)).toEqual([
      "pending 2000-01-01..2000-01-11",
      "in-effect 2000-01-11..2000-01-14",
      "fulfilled 2000-01-14..",
    ]);
  });
});

describe("a pattern met twice by one event", () => {
  it("an event naming both holders fulfils a mutual duty once", () => {
    const intervals = replay(
      buildModel({
        instruments: [
          instrument("t", {
            inForce: "signature",
            provisions: {
              p: {
                holder: ["a", "b"],
                counterparty: ["c"],
                fulfilledBy: "pay by holder to counterparty",
              },
            },
          }),
        ],
        events: [
          event("s", "1950-01-01", "sign t"),
          event("pay", "1950-02-01", "pay by a, b to c"),
        ],
      }),
    ).provisions.get("t.p")!.intervals;
    expect(rows(intervals)).toEqual(["in-effect 1950-01-01..1950-02-01", "fulfilled 1950-02-01.."]);
  });
});

describe("starts at another provision's outcome", () => {
  const pay = { due: dateLimb("1950-03-01"), fulfilledBy: "pay by prc" };
  const deliver = { due: dateLimb("1950-04-01"), fulfilledBy: "deliver by ussr" };

  it("start on the day of the violation, or when the violation already came", () => {
    const result = replay(
      buildModel({
        instruments: [
          instrument("t", {
            inForce: "signature",
            provisions: {
              pay,
              late: { from: anchors.violation("t.pay") },
              kept: { from: anchors.fulfilment("t.pay") },
            },
          }),
          instrument("u", {
            inForce: "signature",
            provisions: { after: { from: anchors.violation("t.pay") } },
          }),
        ],
        events: [event("s", "1950-01-01", "sign t"), event("su", "1950-05-01", "sign u")],
      }),
    );
    expect(rows(result.provisions.get("t.late")!.intervals)).toEqual([
      "pending 1950-01-01..1950-03-02",
      "in-effect 1950-03-02..",
    ]);
    expect(rows(result.provisions.get("t.kept")!.intervals)).toEqual(["pending 1950-01-01.."]);
    expect(rows(result.provisions.get("u.after")!.intervals)).toEqual(["in-effect 1950-05-01.."]);
  });

  it("a new start before the outcome: the old one no longer starts it", () => {
    const result = replay(
      buildModel({
        instruments: [
          instrument("t", {
            inForce: "signature",
            provisions: { pay, deliver, late: { from: anchors.violation("t.pay") } },
          }),
          instrument("a", {
            inForce: "signature",
            amends: [{ provision: "t.late", changes: { from: anchors.violation("t.deliver") } }],
          }),
        ],
        events: [event("s", "1950-01-01", "sign t"), event("sa", "1950-02-01", "sign a")],
      }),
    );
    expect(rows(result.provisions.get("t.late")!.intervals)).toEqual([
      "pending 1950-01-01..1950-02-01",
      "pending 1950-02-01..1950-04-02",
      "in-effect 1950-04-02..",
    ]);
  });
});
