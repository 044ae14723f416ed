import { describe, expect, it } from "vitest";
import { explain, replay, stateAt } from "./index.ts";
import { and, buildModel, day, event, fact, holds, instrument, or, some } from "./test-model.ts";
import { rows } from "./test-rows.ts";

const facts = [
  fact("at-war", ["a", "b"], {
    starts: ["attack by ?b to ?a"],
    ends: ["armistice by ?a with ?b", "conclude-peace by ?a with ?b"],
    sources: ["wjpn-1950"],
  }),
  fact("allied", ["a", "b"], { starts: ["alliance by ?a with ?b"] }),
  fact("attacked-by-japan-or-ally", ["p"], {
    derived: or(
      holds("at-war", "p", "japan"),
      some("?x", and(holds("allied", "?x", "japan"), holds("at-war", "p", "?x"))),
    ),
  }),
];

const treaty = instrument("treaty-1950", {
  inForce: "signature",
  provisions: {
    assistance: {
      holder: ["prc", "ussr"],
      counterparty: ["prc", "ussr"],
      when: holds("attacked-by-japan-or-ally", "counterparty"),
      fulfilledBy: "assist by holder to counterparty",
    },
  },
});

function model(events: ReturnType<typeof event>[]) {
  return buildModel({
    instruments: [treaty],
    facts,
    events: [event("signed", "1950-02-14", "sign treaty-1950 by prc, ussr"), ...events],
  });
}

describe("facts and conditions", () => {
  it("primitive facts start and end by patterns that bind their parameters", () => {
    const result = replay(
      model([
        event("attack", "1951-01-01", "attack by japan to prc, ussr", { sources: ["s1"] }),
        event("armistice", "1952-01-01", "armistice by prc with japan"),
      ]),
    );
    expect(rows(result.facts.get("at-war(prc,japan)")?.intervals)).toEqual([
      "holds 1951-01-01..1952-01-01",
    ]);
    expect(rows(result.facts.get("at-war(ussr,japan)")?.intervals)).toEqual(["holds 1951-01-01.."]);
    expect(result.facts.get("at-war(prc,japan)")!.intervals[0]!.reason).toMatchObject({
      kind: "event",
      event: "attack",
      sources: ["s1", "wjpn-1950"],
    });
  });

  it("a provision with `when` is in effect only while its condition holds", () => {
    const result = replay(
      model([
        event("attack", "1951-01-01", "attack by japan to prc"),
        event("peace", "1952-01-01", "conclude-peace by prc with japan"),
      ]),
    );
    const intervals = result.provisions.get("treaty-1950.assistance")!.intervals;
    expect(rows(intervals)).toEqual([
      "pending 1950-02-14..1951-01-01",
      "in-effect 1951-01-01..1952-01-01",
      "pending 1952-01-01..",
    ]);
    expect(intervals[0]!.reason.kind).toBe("condition");
    expect(intervals[1]!.reason).toMatchObject({ kind: "condition", event: "attack" });
    expect(intervals[1]!.reason.summary).toBe(
      "In effect: condition 'attacked-by-japan-or-ally(counterparty)' holds from attack (attack by japan to prc) on 1951-01-01",
    );
    expect(rows(result.facts.get("attacked-by-japan-or-ally(prc)")?.intervals)).toEqual([
      "holds 1951-01-01..1952-01-01",
    ]);
  });

  it("a derived fact with `any`: attacked by an ally of Japan", () => {
    const result = replay(
      model([
        event("pact", "1950-06-01", "alliance by usa with japan"),
        event("attack", "1950-10-01", "attack by usa to prc"),
        event("assist", "1950-10-19", "assist by ussr to prc"),
      ]),
    );
    expect(rows(result.facts.get("attacked-by-japan-or-ally(prc)")?.intervals)).toEqual([
      "holds 1950-10-01..",
    ]);
    expect(rows(result.facts.get("attacked-by-japan-or-ally(ussr)")?.intervals)).toEqual([]);
    expect(rows(result.provisions.get("treaty-1950.assistance")!.intervals)).toEqual([
      "pending 1950-02-14..1950-10-01",
      "in-effect 1950-10-01..1950-10-19",
      "fulfilled 1950-10-19..",
    ]);
    const snapshot = stateAt(result, day("1950-10-05"));
    expect(snapshot.facts.map((f) => f.id)).toEqual([
      "allied(usa,japan)",
      "at-war(prc,usa)",
      "attacked-by-japan-or-ally(prc)",
    ]);
  });

  it("explains a condition through the facts it names", () => {
    const m = model([event("attack", "1951-01-01", "attack by japan to prc")]);
    const explanation = explain(replay(m), m, "assistance", day("1951-06-01"))!;
    const first = explanation.steps[0]!;
    expect(first.state).toBe("in-effect");
    expect(first.because.map((s) => `${s.id} ${s.state}`)).toEqual([
      "attacked-by-japan-or-ally(prc) holds",
      "attacked-by-japan-or-ally(ussr) absent",
      "treaty-1950.assistance pending",
    ]);
  });
});
