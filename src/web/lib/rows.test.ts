import { describe, expect, it } from "vitest";
import { chooseReading, replay, selectEvents } from "../../engine/index.ts";
import { flagship } from "../test-support/corpus.ts";
import {
  eventsByInstrument,
  factRows,
  instrumentRows,
  marksFor,
  withChangedProvisions,
} from "./rows.ts";

const { model } = flagship();
const history = replay(model);
const events = selectEvents(model, chooseReading(model, undefined));

describe("instrumentRows", () => {
  it("gives every instrument a row, ordered by the start of its first state", () => {
    const rows = instrumentRows(model, history, events);
    expect(rows.map((r) => r.id).sort()).toEqual([...model.instruments.keys()].sort());
    const starts = rows.map((r) => r.intervals[0]?.from ?? Number.MAX_SAFE_INTEGER);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const changchun = rows.find((r) => r.id === "changchun-port-arthur-dalny-1950");
    expect(changchun?.intervals.some((i) => i.state === "in-force")).toBe(true);
    expect(changchun?.ticks.length).toBeGreaterThan(0);
  });

  it("marks rows and compares only marked ones", () => {
    const marks = marksFor(model, [
      "changchun-port-arthur-dalny-1950.railway-transfer",
      "prc-ussr-treaty-1950",
    ]);
    expect(marks.get("changchun-port-arthur-dalny-1950")).toBe("provisions");
    expect(marks.get("prc-ussr-treaty-1950")).toBe("changed");
    const rows = instrumentRows(model, history, events, { marks, compare: history });
    expect(
      rows
        .filter((r) => r.compare !== undefined)
        .map((r) => r.id)
        .sort(),
    ).toEqual(["changchun-port-arthur-dalny-1950", "prc-ussr-treaty-1950"]);
  });

  it("puts changed provisions under their instrument", () => {
    const rows = withChangedProvisions(
      instrumentRows(model, history, events),
      model,
      ["changchun-port-arthur-dalny-1950.railway-transfer"],
      history,
      history,
    );
    const i = rows.findIndex((r) => r.id === "changchun-port-arthur-dalny-1950");
    expect(rows[i + 1]?.id).toBe("changchun-port-arthur-dalny-1950.railway-transfer");
    expect(rows[i + 1]?.mark).toBe("changed");
  });
});

describe("eventsByInstrument", () => {
  it("collects the events whose first object is an instrument", () => {
    const ticks = eventsByInstrument(model, events);
    for (const [id, list] of ticks) {
      expect(model.instruments.has(id)).toBe(true);
      expect(list.length).toBeGreaterThan(0);
    }
  });
});

describe("factRows", () => {
  it("gives each fact that held a row of its intervals, in key order", () => {
    const reason = { summary: "why" };
    const rows = factRows({
      facts: new Map([
        ["b(x)", { intervals: [{ state: "holds", from: 5, until: null, reason }] }],
        ["a(y)=on", { intervals: [{ state: "holds", from: 1, until: 3, reason }] }],
        ["never(z)", { intervals: [] }],
      ]),
    });
    expect(rows.map((r) => [r.id, r.intervals.map((i) => [i.from, i.until])])).toEqual([
      ["a(y)=on", [[1, 3]]],
      ["b(x)", [[5, null]]],
    ]);
  });
});
