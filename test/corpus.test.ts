import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  applyWhatIf,
  diffReplays,
  explain,
  type Replay,
  replay,
  stateAt,
} from "../src/engine/index.ts";
import { formatDay, parseDay } from "../src/language/calendar/day.ts";
import { compile, type DocumentText } from "../src/language/compile.ts";

function load(folder: string): DocumentText[] {
  const dir = join(import.meta.dirname, "..", folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".pacta"))
    .map((f) => ({ file: `${folder}/${f}`, text: readFileSync(join(dir, f), "utf8") }));
}

const corpus = compile(load("corpus/sino-soviet"));
const model = corpus.model;

function rows(result: Replay, kind: "instruments" | "provisions", id: string): string[] {
  const timeline = result[kind].get(id);
  if (!timeline) throw new Error(`no timeline for ${id}`);
  return timeline.intervals.map(
    (i) => `${i.state} ${formatDay(i.from)}..${i.until === null ? "" : formatDay(i.until)}`,
  );
}

function day(text: string): number {
  const value = parseDay(text);
  if (value === undefined) throw new Error(text);
  return value;
}

const treaty = "prc-ussr-treaty-1950";
const railway = "changchun-port-arthur-dalny-1950.railway-transfer";
const portArthur = "changchun-port-arthur-dalny-1950.port-arthur-withdrawal";

describe("the flagship corpus under the default reading", () => {
  const actual = replay(model);

  it("checks without errors or warnings", () => {
    expect(corpus.diagnostics).toEqual([]);
  });

  it("uses the reading named default", () => {
    expect(actual.reading).toBe("default");
  });

  it("has the 1950 treaty signed, in force from its ratification and expired in April 1980", () => {
    expect(rows(actual, "instruments", treaty)).toEqual([
      "signed 1950-02-14..1950-04-11",
      "in-force 1950-04-11..1980-04-11",
      "expired 1980-04-11..",
    ]);
  });

  it("explains the expiry by the notice of 3 April 1979, inside the window", () => {
    const expired = actual.instruments.get(treaty)?.intervals.at(-1);
    expect(expired?.reason.event).toBe("non-renewal-notice-1979");
    expect(expired?.reason.summary).toContain("1979-04-03");
    expect(expired?.reason.summary).toContain("1979-04-11");
    expect(expired?.reason.sources.length).toBeGreaterThan(0);
  });

  it("has the railway transfer in effect from entry into force and fulfilled on 31 Dec 1952 by the end-of-1952 limb", () => {
    expect(rows(actual, "provisions", railway).slice(-2)).toEqual([
      "in-effect 1950-04-11..1952-12-31",
      "fulfilled 1952-12-31..",
    ]);
    const fulfilled = actual.provisions.get(railway)?.intervals.at(-1);
    expect(fulfilled?.reason.limb).toBe("end of 1952");
    expect(fulfilled?.reason.event).toBe("railway-handover");
    expect(fulfilled?.reason.sources).toContain("harbin-1952");
  });

  it("has the Port Arthur deadline replaced by the 1952 notes, fixed by the 1954 communiqué, and met on 26 May 1955", () => {
    const intervals = actual.provisions.get(portArthur)?.intervals ?? [];
    expect(intervals.map((i) => i.state)).not.toContain("violated");
    const amendments = intervals.filter((i) => i.reason.kind === "amendment");
    expect(amendments.map((i) => [i.reason.instrument, formatDay(i.from)])).toEqual([
      ["port-arthur-notes-1952", "1952-09-15"],
      ["port-arthur-communique-1954", "1954-10-12"],
    ]);
    expect(rows(actual, "provisions", portArthur).at(-1)).toBe("fulfilled 1955-05-26..");
  });

  it("has the 1945 treaty void from 14 Feb 1950", () => {
    expect(rows(actual, "instruments", "roc-ussr-treaty-1945").at(-1)).toBe("void 1950-02-14..");
  });

  it("records no violation at all", () => {
    const violated = [...actual.provisions].filter(([, t]) =>
      t.intervals.some((i) => i.state === "violated"),
    );
    expect(violated.map(([id]) => id)).toEqual([]);
  });

  it("shows on 1 Jan 1953 the railway transferred and Port Arthur still held", () => {
    const snapshot = stateAt(actual, day("1953-01-01"));
    const state = (id: string) => snapshot.provisions.find((p) => p.id === id)?.state;
    expect(state(railway)).toBe("fulfilled");
    expect(state(portArthur)).toBe("in-effect");
    expect(snapshot.instruments.find((i) => i.id === treaty)?.state).toBe("in-force");
  });

  it("explains the railway transfer with its limb, event and sources", () => {
    const explanation = explain(actual, model, "railway-transfer", day("1953-01-01"));
    const text = JSON.stringify(explanation);
    expect(text).toContain("end of 1952");
    expect(text).toContain("railway-handover");
    expect(text).toContain("harbin-1952");
  });
});

describe("the flagship corpus under other readings", () => {
  it("ends the 1950 treaty on 14 Feb 1980 under cow, and on 11 Apr 1980 under atop", () => {
    expect(rows(replay(model, { reading: "cow" }), "instruments", treaty).at(-1)).toMatch(
      / 1980-02-14\.\.$/,
    );
    expect(rows(replay(model, { reading: "atop" }), "instruments", treaty).at(-1)).toBe(
      "expired 1980-04-11..",
    );
  });

  it("ends the 1945 treaty on 1 Oct 1949 under cow", () => {
    expect(
      rows(replay(model, { reading: "cow" }), "instruments", "roc-ussr-treaty-1945").at(-1),
    ).toMatch(/ 1949-10-01\.\.$/);
  });

  it("under the Wikipedia infobox, ends the 1950 treaty on 16 Feb 1979", () => {
    expect(rows(replay(model, { reading: "wikipedia" }), "instruments", treaty).at(-1)).toMatch(
      / 1979-02-16\.\.$/,
    );
  });
});

describe("the what-if in which the USSR signed at San Francisco", () => {
  const both = compile([...load("corpus/sino-soviet"), ...load("corpus/sino-soviet-what-if")]);
  const whatIf = [...both.model.whatIfs.values()][0];

  it("compiles with the corpus", () => {
    expect(both.hasErrors).toBe(false);
    expect(whatIf).toBeDefined();
  });

  it("makes the railway transfer and the Port Arthur withdrawal fall due on 28 Apr 1952, and violated after", () => {
    if (!whatIf) return;
    const changes = diffReplays(replay(both.model), replay(applyWhatIf(both.model, whatIf)));
    const changed = new Map(changes.map((c) => [c.id, c]));
    for (const id of [railway, portArthur]) {
      const after = changed.get(id)?.after ?? [];
      expect(after.find((i) => i.state === "violated")?.from).toBe(day("1952-04-29"));
    }
    expect(changed.get(railway)?.from).toBeLessThanOrEqual(day("1952-04-29"));
  });
});
