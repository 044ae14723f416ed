import { describe, expect, it } from "vitest";
import { formatDay } from "../language/calendar/day.ts";
import {
  applyWhatIf,
  diffReplays,
  diffToJson,
  dueBetween,
  replay,
  replayToJson,
  stateAt,
} from "./index.ts";
import {
  buildModel,
  dateLimb,
  day,
  event,
  instrument,
  notLaterThan,
  on,
  whatIf,
} from "./test-model.ts";
import { rows } from "./test-rows.ts";

function treatyModel() {
  return buildModel({
    instruments: [
      instrument("treaty-1950", {
        inForce: "exchange",
        term: "30 years",
        renewal: "5 years notice 1 year",
      }),
      instrument("cca-1950", {
        inForce: "exchange",
        provisions: {
          "railway-transfer": {
            holder: ["ussr"],
            counterparty: ["prc"],
            due: notLaterThan(on("conclude-peace by ussr with japan"), dateLimb("end of 1952")),
            fulfilledBy: "transfer changchun-railway by ussr to prc",
          },
        },
      }),
    ],
    events: [
      event("treaty-signed", "1950-02-14", "sign treaty-1950 by prc, ussr"),
      event("treaty-exchanged", "1950-04-11", "exchange treaty-1950"),
      event("cca-signed", "1950-02-14", "sign cca-1950 by prc, ussr"),
      event("cca-exchanged", "1950-04-11", "exchange cca-1950"),
      event("railway-handover", "1952-12-31", "transfer changchun-railway by ussr to prc"),
      event("notice-1979", "1979-04-03", "denounce treaty-1950 by prc"),
      event("cow-end-1950", "1980-02-14", "expire treaty-1950", { claim: "ended-february-1980" }),
    ],
    contested: [
      {
        id: "end-of-1950-treaty",
        claims: { "expired-april-1980": [], "ended-february-1980": ["cow-end-1950"] },
      },
    ],
    readings: [
      { id: "default", choose: ["expired-april-1980"] },
      { id: "cow", choose: ["ended-february-1980"] },
    ],
  });
}

describe("readings", () => {
  it("uses the reading named default when none is given", () => {
    const result = replay(treatyModel());
    expect(result.reading).toBe("default");
    expect(rows(result.instruments.get("treaty-1950")!.intervals).slice(-1)).toEqual([
      "expired 1980-04-11..",
    ]);
  });

  it("a reading choosing a claim counts its events", () => {
    const result = replay(treatyModel(), { reading: "cow" });
    expect(result.reading).toBe("cow");
    const intervals = result.instruments.get("treaty-1950")!.intervals;
    expect(rows(intervals).slice(-1)).toEqual(["expired 1980-02-14.."]);
    expect(intervals.at(-1)!.reason.event).toBe("cow-end-1950");
  });

  it("without readings, the first claim of each contested fact counts", () => {
    const base = treatyModel();
    const result = replay({ ...base, readings: new Map() });
    expect(result.reading).toBeNull();
    expect(rows(result.instruments.get("treaty-1950")!.intervals).slice(-1)).toEqual([
      "expired 1980-04-11..",
    ]);
  });

  it("replaying one model again, under other readings and limits, gives what a fresh model gives", () => {
    // The engine keeps per-model selections and sorted arrays: they must never leak across keys.
    const model = treatyModel();
    const runs: [string | undefined, string | undefined][] = [
      [undefined, undefined],
      ["cow", undefined],
      [undefined, "1952-12-31"],
      ["cow", "1980-02-14"],
      ["default", "1980-02-14"],
      [undefined, "1952-12-31"],
      ["cow", undefined],
      [undefined, "1979-04-03"],
      [undefined, undefined],
    ];
    for (const [reading, until] of runs) {
      const options = {
        ...(reading === undefined ? {} : { reading }),
        ...(until === undefined ? {} : { until: day(until) }),
      };
      expect(replayToJson(replay(model, options))).toEqual(
        replayToJson(replay(treatyModel(), options)),
      );
    }
  });

  it("an unknown reading is a RangeError", () => {
    expect(() => replay(treatyModel(), { reading: "nope" })).toThrow(RangeError);
  });
});

describe("what-ifs", () => {
  it("removing the handover makes the transfer violated from 1953-01-01", () => {
    const model = treatyModel();
    const before = replay(model);
    const after = replay(
      applyWhatIf(model, whatIf("no-handover", { remove: ["railway-handover"] })),
    );
    const changes = diffReplays(before, after);
    expect(changes.map((c) => [c.id, c.kind, formatDay(c.from)])).toEqual([
      ["cca-1950.railway-transfer", "provision", "1952-12-31"],
    ]);
    expect(rows(changes[0]!.before)).toEqual(["fulfilled 1952-12-31.."]);
    expect(rows(changes[0]!.after)).toEqual([
      "in-effect 1950-04-11..1953-01-01",
      "violated 1953-01-01..",
    ]);
    expect(diffToJson(changes)[0]).toMatchObject({
      id: "cca-1950.railway-transfer",
      from: "1952-12-31",
      after: [{ state: "in-effect" }, { state: "violated", from: "1953-01-01", until: null }],
    });
  });

  it("adding a peace in 1951 makes the event limb govern; moving an event re-sorts", () => {
    const model = treatyModel();
    const changed = applyWhatIf(
      model,
      whatIf("ussr-signs-san-francisco", {
        add: [event("ussr-peace-1951", "1951-09-08", "conclude-peace by ussr with japan")],
        move: { "railway-handover": "1951-09-08" },
      }),
    );
    expect(changed.events.map((e) => e.id).indexOf("railway-handover")).toBe(
      changed.events.map((e) => e.id).indexOf("ussr-peace-1951") - 1,
    );
    const result = replay(changed);
    const intervals = result.provisions.get("cca-1950.railway-transfer")!.intervals;
    // railway-handover sorts before ussr-peace-1951 on the same day: fulfilled under the date limb.
    expect(rows(intervals).at(-1)).toBe("fulfilled 1951-09-08..");
    expect(intervals.at(-1)!.reason.limb).toBe("end of 1952");
    expect(model.events.find((e) => e.id === "railway-handover")!.date.text).toBe("1952-12-31");
  });

  it("the same replay twice gives no changes", () => {
    expect(diffReplays(replay(treatyModel()), replay(treatyModel()))).toEqual([]);
  });
});

describe("determinism and queries", () => {
  it("shuffled event order gives identical JSON", () => {
    const model = treatyModel();
    const expected = JSON.stringify(replayToJson(replay(model)));
    let seed = 7;
    for (let round = 0; round < 5; round++) {
      const events = [...model.events];
      for (let i = events.length - 1; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const j = seed % (i + 1);
        [events[i], events[j]] = [events[j]!, events[i]!];
      }
      expect(JSON.stringify(replayToJson(replay({ ...model, events })))).toBe(expected);
    }
  });

  it("stateAt and dueBetween", () => {
    const result = replay(treatyModel());
    const snapshot = stateAt(result, day("1952-06-01"));
    expect(snapshot.instruments.map((s) => `${s.id} ${s.state}`)).toEqual([
      "cca-1950 in-force",
      "treaty-1950 in-force",
    ]);
    expect(snapshot.provisions.map((s) => `${s.id} ${s.state}`)).toEqual([
      "cca-1950.railway-transfer in-effect",
    ]);
    expect(stateAt(result, day("1949-01-01")).instruments).toEqual([]);
    expect(dueBetween(result, day("1952-01-01"), day("1952-12-31"))).toEqual([
      {
        provision: "cca-1950.railway-transfer",
        due: day("1952-12-31"),
        limb: "end of 1952",
        outcome: "fulfilled",
      },
    ]);
    expect(dueBetween(result, day("1953-01-01"), day("1960-01-01"))).toEqual([]);
  });
});
