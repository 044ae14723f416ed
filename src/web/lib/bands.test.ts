import { describe, expect, it } from "vitest";
import { extentOf, intervalIndexOn, layoutBands } from "./bands.ts";
import { makeScale } from "./scale.ts";

const scale = makeScale({ start: 0, end: 100 }, 1000);

describe("layoutBands", () => {
  it("places intervals and runs an open one to the later of the data's end and the view's", () => {
    const bands = layoutBands(
      [
        { state: "signed", from: 10, until: 20 },
        { state: "in-force", from: 20, until: null },
      ],
      scale,
      50,
    );
    expect(bands).toEqual([
      { index: 0, state: "signed", x: 100, width: 100, open: false },
      { index: 1, state: "in-force", x: 200, width: 800, open: true },
    ]);
  });

  it("clips to the view and drops what is outside", () => {
    const bands = layoutBands(
      [
        { state: "a", from: -50, until: -10 },
        { state: "b", from: -10, until: 30 },
        { state: "c", from: 90, until: 200 },
      ],
      scale,
      200,
    );
    expect(bands.map((b) => [b.state, b.x, b.width])).toEqual([
      ["b", 0, 300],
      ["c", 900, 100],
    ]);
  });

  it("keeps a one-day state visible when zoomed out", () => {
    const wide = makeScale({ start: 0, end: 100_000 }, 500);
    const [band] = layoutBands([{ state: "signed", from: 500, until: 501 }], wide, 0, 2);
    expect(band?.width).toBe(2);
  });
});

describe("intervalIndexOn", () => {
  const intervals = [
    { state: "a", from: 0, until: 10 },
    { state: "b", from: 15, until: null },
  ];
  it("finds the interval holding on a day, or none in a gap", () => {
    expect(intervalIndexOn(intervals, 0)).toBe(0);
    expect(intervalIndexOn(intervals, 10)).toBe(-1);
    expect(intervalIndexOn(intervals, 99)).toBe(1);
    expect(intervalIndexOn(intervals, -1)).toBe(-1);
  });
});

describe("extentOf", () => {
  it("spans every interval and day, or is undefined for nothing", () => {
    expect(extentOf([[{ state: "a", from: 5, until: 9 }]], [2, 20])).toEqual({
      first: 2,
      last: 20,
    });
    expect(extentOf([], [])).toBeUndefined();
  });
});
