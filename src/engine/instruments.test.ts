import { describe, expect, it } from "vitest";
import { replay } from "./index.ts";
import { buildModel, day, event, instrument } from "./test-model.ts";
import { rows } from "./test-rows.ts";

function timelineOf(spec: Parameters<typeof instrument>[1], events: ReturnType<typeof event>[]) {
  const result = replay(buildModel({ instruments: [instrument("t", spec)], events }));
  return result.instruments.get("t")!.intervals;
}

describe("entry into force", () => {
  it("on signature: the day the last party signs", () => {
    const intervals = timelineOf({ inForce: "signature", inForceSources: ["s-rule"] }, [
      event("sign-prc", "1950-02-14", "sign t by prc", { sources: ["s-prc"] }),
      event("sign-ussr", "1950-02-20", "sign t by ussr", { sources: ["s-ussr"] }),
    ]);
    expect(rows(intervals)).toEqual(["signed 1950-02-14..1950-02-20", "in-force 1950-02-20.."]);
    expect(intervals[1]!.reason).toMatchObject({
      kind: "rule",
      event: "sign-ussr",
      rule: "in-force on signature",
      sources: ["s-rule", "s-ussr"],
    });
  });

  it("on signature: a sign event naming nobody counts as every party", () => {
    const intervals = timelineOf({ inForce: "signature" }, [event("s", "1950-02-14", "sign t")]);
    expect(rows(intervals)).toEqual(["in-force 1950-02-14.."]);
  });

  it("on ratification: when every party has ratified", () => {
    const intervals = timelineOf({ inForce: "ratification" }, [
      event("s", "1950-02-14", "sign t by prc, ussr"),
      event("r1", "1950-03-01", "ratify t by ussr"),
      event("r2", "1950-04-11", "ratify t by prc"),
    ]);
    expect(rows(intervals)).toEqual(["signed 1950-02-14..1950-04-11", "in-force 1950-04-11.."]);
    expect(intervals[1]!.reason.event).toBe("r2");
  });

  it("on exchange of ratifications", () => {
    const intervals = timelineOf({ inForce: "exchange" }, [
      event("s", "1950-02-14", "sign t by prc, ussr"),
      event("r", "1950-03-01", "ratify t by prc, ussr"),
      event("x", "1950-04-11", "exchange t by prc, ussr"),
    ]);
    expect(rows(intervals)).toEqual(["signed 1950-02-14..1950-04-11", "in-force 1950-04-11.."]);
  });

  it("on a date", () => {
    const intervals = timelineOf({ inForce: "on 1950-04-11" }, [
      event("s", "1950-02-14", "sign t by prc, ussr"),
    ]);
    expect(rows(intervals)).toEqual(["signed 1950-02-14..1950-04-11", "in-force 1950-04-11.."]);
    expect(intervals[1]!.reason.summary).toBe(
      "Entered into force on 1950-04-11, the date its entry-into-force rule fixes",
    );
  });

  it("a duration after signature", () => {
    const intervals = timelineOf({ inForce: "30 days after signature" }, [
      event("s", "1950-02-14", "sign t by prc, ussr"),
    ]);
    expect(rows(intervals)).toEqual(["signed 1950-02-14..1950-03-16", "in-force 1950-03-16.."]);
    expect(intervals[1]!.reason.event).toBe("s");
  });

  it("by an explicit event, whichever comes first", () => {
    const intervals = timelineOf({ inForce: "ratification" }, [
      event("s", "1950-02-14", "sign t by prc, ussr"),
      event("eif", "1950-03-01", "enter-into-force t"),
      event("r", "1950-04-11", "ratify t by prc, ussr"),
    ]);
    expect(rows(intervals)).toEqual(["signed 1950-02-14..1950-03-01", "in-force 1950-03-01.."]);
    expect(intervals[1]!.reason.kind).toBe("event");
  });

  it("never, without a rule or an explicit event", () => {
    const intervals = timelineOf({}, [event("s", "1950-02-14", "sign t by prc, ussr")]);
    expect(rows(intervals)).toEqual(["signed 1950-02-14.."]);
  });

  it("an instrument with no event at all has an empty timeline", () => {
    expect(timelineOf({ inForce: "signature" }, [])).toEqual([]);
  });
});

describe("term and tacit renewal", () => {
  // Treaty of 1950: 30 years, renewed for 5 years unless notice one year before expiry.
  const treaty = {
    inForce: "exchange",
    term: "30 years",
    renewal: "5 years notice 1 year",
    sources: ["treaty-text"],
  };
  const start = [
    event("s", "1950-02-14", "sign t by prc, ussr"),
    event("x", "1950-04-11", "exchange t by prc, ussr"),
  ];

  it("expires at the end of the term when notice came in time", () => {
    const intervals = timelineOf(treaty, [
      ...start,
      event("notice", "1979-04-03", "denounce t by prc", { sources: ["npc-1979"] }),
    ]);
    expect(rows(intervals)).toEqual([
      "signed 1950-02-14..1950-04-11",
      "in-force 1950-04-11..1980-04-11",
      "expired 1980-04-11..",
    ]);
    expect(intervals[2]!.reason).toMatchObject({
      kind: "event",
      event: "notice",
      sources: ["npc-1979", "treaty-text"],
    });
    expect(intervals[2]!.reason.summary).toContain("no later than 1979-04-11");
  });

  it("a late notice renews it once, and it expires at the next expiry", () => {
    const intervals = timelineOf(treaty, [
      ...start,
      event("late-notice", "1979-06-01", "denounce t by prc"),
    ]);
    expect(rows(intervals)).toEqual([
      "signed 1950-02-14..1950-04-11",
      "in-force 1950-04-11..1980-04-11",
      "in-force 1980-04-11..1985-04-11",
      "expired 1985-04-11..",
    ]);
    expect(intervals[2]!.reason.kind).toBe("rule");
    expect(intervals[2]!.reason.summary).toMatch(
      /^Renewed tacitly for 5 years to 1985-04-11: no notice of non-renewal by 1979-04-11; the notice late-notice of 1979-06-01 came too late/,
    );
    expect(intervals[3]!.reason.event).toBe("late-notice");
  });

  it("with a window, notice before the window opens does not count", () => {
    const windowed = { ...treaty, renewal: "5 years notice 1 year window 2 years" };
    const early = timelineOf(windowed, [...start, event("n", "1977-01-10", "denounce t by prc")]);
    expect(rows(early).slice(1)).toEqual([
      "in-force 1950-04-11..1980-04-11",
      "in-force 1980-04-11..",
    ]);
    const inside = timelineOf(windowed, [...start, event("n", "1978-06-01", "denounce t by prc")]);
    expect(rows(inside).slice(1)).toEqual([
      "in-force 1950-04-11..1980-04-11",
      "expired 1980-04-11..",
    ]);
    expect(inside[2]!.reason.summary).toContain("within the window opening 1978-04-11");
  });

  it("without notice, shows the first renewal, then every renewal up to `until`", () => {
    const model = buildModel({ instruments: [instrument("t", treaty)], events: start });
    expect(rows(replay(model).instruments.get("t")!.intervals).slice(1)).toEqual([
      "in-force 1950-04-11..1980-04-11",
      "in-force 1980-04-11..",
    ]);
    const bounded = replay(model, { until: day("1996-01-01") }).instruments.get("t")!.intervals;
    expect(rows(bounded).slice(1)).toEqual([
      "in-force 1950-04-11..1980-04-11",
      "in-force 1980-04-11..1985-04-11",
      "in-force 1985-04-11..1990-04-11",
      "in-force 1990-04-11..1995-04-11",
      "in-force 1995-04-11..",
    ]);
    expect(bounded[5]!.reason.summary).toBe(
      "Renewed tacitly for 5 years to 2000-04-11: no notice of non-renewal by 1994-04-11",
    );
  });

  it("without renewal it expires at the end of the term", () => {
    const intervals = timelineOf({ inForce: "exchange", term: "30 years" }, start);
    expect(rows(intervals).slice(1)).toEqual([
      "in-force 1950-04-11..1980-04-11",
      "expired 1980-04-11..",
    ]);
  });

  it("stops at `until`", () => {
    const result = replay(buildModel({ instruments: [instrument("t", treaty)], events: start }), {
      until: day("1979-12-31"),
    });
    expect(rows(result.instruments.get("t")!.intervals)).toEqual([
      "signed 1950-02-14..1950-04-11",
      "in-force 1950-04-11..",
    ]);
  });

  it("a denunciation without term ends it the notice period after", () => {
    const intervals = timelineOf({ inForce: "signature", denunciation: "1 year" }, [
      event("s", "1950-02-14", "sign t"),
      event("d", "1960-07-01", "denounce t by ussr"),
    ]);
    expect(rows(intervals)).toEqual(["in-force 1950-02-14..1961-07-01", "terminated 1961-07-01.."]);
    expect(intervals[1]!.reason.event).toBe("d");
  });
});

describe("ends, suspension and relations", () => {
  it("terminate and expire events end it; ended states are final", () => {
    const intervals = timelineOf({ inForce: "signature" }, [
      event("s", "1950-02-14", "sign t"),
      event("end", "1960-01-01", "terminate t by prc"),
      event("again", "1961-01-01", "expire t"),
      event("resume", "1962-01-01", "resume t"),
    ]);
    expect(rows(intervals)).toEqual(["in-force 1950-02-14..1960-01-01", "terminated 1960-01-01.."]);
  });

  it("suspend and resume", () => {
    const intervals = timelineOf({ inForce: "signature" }, [
      event("s", "1950-02-14", "sign t"),
      event("sus", "1955-01-01", "suspend t by prc"),
      event("res", "1956-01-01", "resume t by prc"),
    ]);
    expect(rows(intervals)).toEqual([
      "in-force 1950-02-14..1955-01-01",
      "suspended 1955-01-01..1956-01-01",
      "in-force 1956-01-01..",
    ]);
  });

  it("supersedes and voids from the relating instrument's entry into force", () => {
    const model = buildModel({
      instruments: [
        instrument("old", { inForce: "signature", parties: ["roc", "ussr"] }),
        instrument("older", { inForce: "signature", parties: ["roc", "ussr"] }),
        instrument("new", {
          inForce: "exchange",
          supersedes: ["old"],
          voids: ["older"],
          relationSources: ["notes-1950"],
        }),
      ],
      events: [
        event("s-old", "1945-08-14", "sign old"),
        event("s-older", "1945-08-14", "sign older"),
        event("s-new", "1950-02-14", "sign new"),
        event("x-new", "1950-04-11", "exchange new"),
      ],
    });
    const result = replay(model);
    expect(rows(result.instruments.get("old")!.intervals)).toEqual([
      "in-force 1945-08-14..1950-04-11",
      "superseded 1950-04-11..",
    ]);
    const voided = result.instruments.get("older")!.intervals;
    expect(rows(voided)).toEqual(["in-force 1945-08-14..1950-04-11", "void 1950-04-11.."]);
    expect(voided[1]!.reason).toMatchObject({
      kind: "relation",
      instrument: "new",
      sources: ["notes-1950"],
    });
  });
});
