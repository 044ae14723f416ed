import { describe, expect, it } from "vitest";
import { formatDay } from "../calendar/day.ts";
import { compile } from "../compile.ts";
import type { Model } from "../model/model.ts";

const preamble = `
source s "A source"
party prc "PRC"
party ussr "USSR"
party japan "Japan"
asset railway "The railway"
`;

function model(body: string): Model {
  const result = compile([{ file: "t.pacta", text: preamble + body }]);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  expect(errors.map((d) => `${d.code} ${d.at.line}:${d.at.column} ${d.message}`)).toEqual([]);
  return result.model;
}

function provision(body: string) {
  const m = model(`instrument i "I" [s] {\n  parties prc, ussr\n  duty d "D" {\n${body}\n  }\n}\n`);
  const p = m.provisions.get("i.d");
  if (!p) throw new Error("provision i.d was not resolved");
  return p;
}

describe("resolving provisions", () => {
  it("reads a composite deadline as the earliest of its limbs, keeping each limb's text", () => {
    const p = provision(
      "holder ussr\ndue on conclude-peace by ussr with japan but not later than end of 1952",
    );
    expect(p.due?.kind).toBe("earliest");
    if (p.due?.kind !== "earliest") return;
    expect(p.due.limbs.map((l) => l.text)).toEqual([
      "on conclude-peace by ussr with japan",
      "end of 1952",
    ]);
    const [on, end] = p.due.limbs;
    expect(on?.kind === "on" && on.pattern.actors).toEqual([{ kind: "id", id: "ussr" }]);
    expect(on?.kind === "on" && on.pattern.targets).toEqual([{ kind: "id", id: "japan" }]);
    expect(end?.kind === "date" && formatDay(end.date.last)).toBe("1952-12-31");
  });

  it("separates the limbs of 'latest of' even when patterns list several parties", () => {
    const p = provision(
      "holder ussr\ndue latest of (on conclude-peace by prc, ussr with japan, on withdraw railway by ussr)",
    );
    expect(p.due?.kind).toBe("latest");
    if (p.due?.kind !== "latest") return;
    expect(p.due.limbs).toHaveLength(2);
    const first = p.due.limbs[0];
    expect(first?.kind === "on" && first.pattern.actors.length).toBe(2);
  });

  it("reads durations after anchors", () => {
    const p = provision("holder ussr\ndue within 3 months of entry-into-force");
    expect(p.due).toMatchObject({
      kind: "after",
      duration: { amount: 3, unit: "month" },
      anchor: { kind: "entry-into-force" },
    });
  });

  it("derives the fulfilling pattern of a duty from its act", () => {
    const p = provision("holder ussr\ncounterparty prc\nact transfer railway");
    expect(p.fulfilledBy).toMatchObject({
      type: "transfer",
      objects: [{ kind: "id", id: "railway" }],
      actors: [{ kind: "holder" }],
    });
  });

  it("reads consequences as anchors on another provision of the same instrument", () => {
    const m = model(`instrument i "I" [s] {
  parties prc, ussr
  duty a "A" { holder ussr }
  duty b "B" {
    holder prc
    from fulfilment of a
  }
}`);
    expect(m.provisions.get("i.b")?.from).toEqual({ kind: "fulfilment", provision: "i.a" });
  });

  it("reads money and ranges as quantities with units", () => {
    const m = model(
      "event e 1949-12 request 100 aircraft 100..200 helicopters 300_000_000 USD 1% by prc to ussr [s]",
    );
    const [event] = m.events;
    expect(event?.objects).toEqual([
      { kind: "quantity", amount: 100, unit: "aircraft" },
      { kind: "range", min: 100, max: 200, unit: "helicopters" },
      { kind: "quantity", amount: 300_000_000, unit: "USD" },
      { kind: "percent", value: 1 },
    ]);
    expect(event?.date.precision).toBe("month");
  });
});

describe("resolving conditions and facts", () => {
  it("binds a derived fact's parameters and reads 'any' with nested conditions", () => {
    const m = model(`fact at-war(a, b) {
  starts attack by ?b to ?a
}
fact allied(a, b) {
  starts alliance by ?a with ?b
}
fact attacked(p) = at-war(p, japan) or any ?x: (allied(?x, japan) and at-war(p, ?x))`);
    const fact = m.facts.get("attacked");
    expect(fact?.derived).toEqual({
      kind: "or",
      operands: [
        {
          kind: "fact",
          fact: "at-war",
          args: [
            { kind: "var", name: "p" },
            { kind: "id", id: "japan" },
          ],
        },
        {
          kind: "any",
          variable: "x",
          body: {
            kind: "and",
            operands: [
              {
                kind: "fact",
                fact: "allied",
                args: [
                  { kind: "var", name: "x" },
                  { kind: "id", id: "japan" },
                ],
              },
              {
                kind: "fact",
                fact: "at-war",
                args: [
                  { kind: "var", name: "p" },
                  { kind: "var", name: "x" },
                ],
              },
            ],
          },
        },
      ],
    });
  });
});

describe("resolution does not depend on file order", () => {
  it("gives the same model whichever file comes first", () => {
    const a = { file: "a.pacta", text: `${preamble}\nevent e1 1950-02-14 sign i by prc [s]` };
    const b = {
      file: "b.pacta",
      text: 'instrument i "I" [s] {\n  parties prc, ussr\n}\nevent e0 1950-02-14 ratify i by ussr [s]',
    };
    const one = compile([a, b]);
    const two = compile([b, a]);
    expect(one.diagnostics).toEqual(two.diagnostics);
    expect(one.model.events.map((e) => e.id)).toEqual(["e0", "e1"]);
    expect(two.model.events.map((e) => e.id)).toEqual(["e0", "e1"]);
  });
});
