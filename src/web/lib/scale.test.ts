import { describe, expect, it } from "vitest";
import { dayFromCivil } from "../../language/index.ts";
import {
  chooseStep,
  clampView,
  fitView,
  limitsFor,
  makeScale,
  panView,
  revealDay,
  ticks,
  zoomView,
} from "./scale.ts";

const limits = { min: 0, max: 10_000, minSpan: 10, maxSpan: 5_000 };

describe("makeScale", () => {
  it("maps the view onto the width and back", () => {
    const s = makeScale({ start: 100, end: 200 }, 500);
    expect(s.k).toBe(5);
    expect(s.x(100)).toBe(0);
    expect(s.x(200)).toBe(500);
    expect(s.day(250)).toBe(150);
  });
});

describe("zoomView", () => {
  it("keeps the focus day at the same place on screen", () => {
    const view = { start: 1000, end: 2000 };
    const zoomed = zoomView(view, 2, 1250, limits);
    expect(zoomed.end - zoomed.start).toBe(500);
    const before = makeScale(view, 800).x(1250);
    const after = makeScale(zoomed, 800).x(1250);
    expect(after).toBeCloseTo(before);
  });

  it("stops at the narrowest and widest spans", () => {
    expect(zoomView({ start: 1000, end: 1020 }, 100, 1010, limits).end).toBeCloseTo(1015);
    const wide = zoomView({ start: 1000, end: 4000 }, 0.01, 2500, limits);
    expect(wide.end - wide.start).toBe(5000);
  });

  it("stays inside the limits", () => {
    const v = zoomView({ start: 0, end: 1000 }, 0.5, 0, limits);
    expect(v.start).toBeGreaterThanOrEqual(0);
  });
});

describe("panView and clampView", () => {
  it("pans by days and stops at the edges", () => {
    expect(panView({ start: 100, end: 200 }, 50, limits)).toEqual({ start: 150, end: 250 });
    expect(panView({ start: 100, end: 200 }, -500, limits)).toEqual({ start: 0, end: 100 });
    expect(panView({ start: 9800, end: 9900 }, 500, limits)).toEqual({ start: 9900, end: 10_000 });
  });

  it("widens a too narrow view around its middle", () => {
    expect(clampView({ start: 100, end: 102 }, limits)).toEqual({ start: 96, end: 106 });
  });
});

describe("revealDay", () => {
  it("leaves a view that shows the day alone, and shifts one that does not", () => {
    const view = { start: 0, end: 100 };
    expect(revealDay(view, 50)).toBe(view);
    const later = revealDay(view, 150);
    expect(later.end - later.start).toBe(100);
    expect(later.start).toBeLessThan(150);
    expect(later.end).toBeGreaterThan(151);
  });
});

describe("ticks", () => {
  it("marks years when zoomed out and months when zoomed in", () => {
    const decades = makeScale(
      { start: dayFromCivil(1945, 1, 1), end: dayFromCivil(1981, 1, 1) },
      700,
    );
    expect(chooseStep(decades).unit).toBe("year");
    const years = ticks(decades).map((t) => t.label);
    expect(years).toContain("1950");
    expect(years.every((l) => /^\d{4}$/.test(l))).toBe(true);

    const months = makeScale(
      { start: dayFromCivil(1952, 1, 1), end: dayFromCivil(1953, 1, 1) },
      1200,
    );
    const labels = ticks(months).map((t) => t.label);
    expect(labels).toContain("Jun");
    expect(labels[0]).toBe("1952");
  });

  it("puts every tick inside the view", () => {
    const s = makeScale({ start: 1000.5, end: 1030.2 }, 900);
    for (const t of ticks(s)) {
      expect(t.day).toBeGreaterThanOrEqual(1000.5);
      expect(t.day).toBeLessThanOrEqual(1030.2);
    }
  });
});

describe("fitView and limitsFor", () => {
  it("frames the data with a margin and leaves room to pan", () => {
    const v = fitView(0, 1000);
    expect(v.start).toBeLessThan(0);
    expect(v.end).toBeGreaterThan(1001);
    const l = limitsFor(0, 1000);
    expect(l.min).toBeLessThan(v.start);
    expect(l.max).toBeGreaterThan(v.end);
  });
});
