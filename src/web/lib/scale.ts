// The time scale of the timelines: a window of days mapped onto a width in pixels, with zoom,
// pan and tick marks. Days are integers (see language/calendar/day.ts); a window's bounds may be
// fractional while zooming smoothly.
import { civilFromDay, dayFromCivil } from "../../language/index.ts";

/** The days shown: from `start` to `end` (both fractional days; `end > start`). */
export interface View {
  readonly start: number;
  readonly end: number;
}

/** How far a view may go: its bounds and the narrowest and widest spans, in days. */
export interface ViewLimits {
  readonly min: number;
  readonly max: number;
  readonly minSpan: number;
  readonly maxSpan: number;
}

export interface Scale {
  readonly view: View;
  readonly width: number;
  /** Pixels per day. */
  readonly k: number;
  x(day: number): number;
  day(x: number): number;
}

export function makeScale(view: View, width: number): Scale {
  const w = Math.max(1, width);
  const k = w / Math.max(1e-9, view.end - view.start);
  return {
    view,
    width: w,
    k,
    x: (day) => (day - view.start) * k,
    day: (x) => view.start + x / k,
  };
}

/** A view kept inside the limits: its span clamped, then shifted back inside [min, max]. */
export function clampView(view: View, limits: ViewLimits): View {
  const room = limits.max - limits.min;
  let span = Math.min(Math.max(view.end - view.start, limits.minSpan), limits.maxSpan, room);
  if (!(span > 0)) span = Math.max(1, limits.minSpan);
  let start = view.start;
  if (view.end - view.start !== span) start = (view.start + view.end) / 2 - span / 2;
  if (start < limits.min) start = limits.min;
  if (start + span > limits.max) start = limits.max - span;
  return { start, end: start + span };
}

/**
 * Zooms by `factor` (above 1 zooms in) keeping `focus` (a day) at the same place on screen.
 */
export function zoomView(view: View, factor: number, focus: number, limits: ViewLimits): View {
  const span = view.end - view.start;
  const newSpan = Math.min(Math.max(span / factor, limits.minSpan), limits.maxSpan);
  const ratio = span > 0 ? (focus - view.start) / span : 0.5;
  const start = focus - ratio * newSpan;
  const zoomed = { start, end: start + newSpan };
  // Clamping must not recentre the view: shift only.
  const shiftedStart = Math.min(
    Math.max(zoomed.start, limits.min),
    limits.max - (zoomed.end - zoomed.start),
  );
  return clampView({ start: shiftedStart, end: shiftedStart + newSpan }, limits);
}

/** Moves the view by `days` (positive: later). */
export function panView(view: View, days: number, limits: ViewLimits): View {
  const span = view.end - view.start;
  let start = view.start + days;
  if (start < limits.min) start = limits.min;
  if (start + span > limits.max) start = limits.max - span;
  return clampView({ start, end: start + span }, limits);
}

/** The view shifted (not zoomed) so that `day` stands inside it, a margin away from the edges. */
export function revealDay(view: View, day: number, margin = 0.1): View {
  const span = view.end - view.start;
  const pad = span * margin;
  if (day < view.start + pad) return { start: day - pad, end: day - pad + span };
  if (day + 1 > view.end - pad) return { start: day + 1 + pad - span, end: day + 1 + pad };
  return view;
}

/** The view that shows [first, last] with a margin on either side. */
export function fitView(first: number, last: number, margin = 0.04): View {
  const span = Math.max(last - first, 30);
  const pad = span * margin;
  return { start: first - pad, end: last + 1 + pad };
}

/** The limits for data spanning [first, last]: a generous margin, a week to two centuries. */
export function limitsFor(first: number, last: number): ViewLimits {
  const span = Math.max(last - first, 365);
  return {
    min: first - span,
    max: last + 1 + span,
    minSpan: 14,
    maxSpan: Math.max(span * 3, 365 * 10),
  };
}

export interface Tick {
  readonly day: number;
  readonly label: string;
  /** Year boundaries (or decade boundaries when years are too dense) are major. */
  readonly major: boolean;
}

type Step = { readonly unit: "year" | "month" | "day"; readonly n: number };

const steps: readonly Step[] = [
  { unit: "day", n: 1 },
  { unit: "day", n: 2 },
  { unit: "day", n: 7 },
  { unit: "day", n: 14 },
  { unit: "month", n: 1 },
  { unit: "month", n: 2 },
  { unit: "month", n: 3 },
  { unit: "month", n: 6 },
  { unit: "year", n: 1 },
  { unit: "year", n: 2 },
  { unit: "year", n: 5 },
  { unit: "year", n: 10 },
  { unit: "year", n: 20 },
  { unit: "year", n: 50 },
  { unit: "year", n: 100 },
];

const approxDays = (s: Step) => (s.unit === "year" ? 365.25 : s.unit === "month" ? 30.44 : 1) * s.n;

const monthNames = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

/** The month's short English name (1-based month). */
export function monthName(month: number): string {
  return monthNames[month - 1] ?? "?";
}

/** The step whose ticks stand at least `minPx` apart. */
export function chooseStep(scale: Scale, minPx = 70): Step {
  for (const s of steps) if (approxDays(s) * scale.k >= minPx) return s;
  return steps[steps.length - 1]!;
}

/** Tick marks for the axis: dates aligned to the chosen step, inside the view. */
export function ticks(scale: Scale, minPx = 70): Tick[] {
  const step = chooseStep(scale, minPx);
  const { start, end } = scale.view;
  const first = civilFromDay(Math.floor(start));
  const out: Tick[] = [];
  const limit = 1000;
  if (step.unit === "year") {
    let y = Math.floor(first.year / step.n) * step.n;
    for (let i = 0; i < limit; i++, y += step.n) {
      const day = dayFromCivil(y, 1, 1);
      if (day > end) break;
      if (day >= start) out.push({ day, label: String(y), major: y % (step.n * 5) === 0 });
    }
  } else if (step.unit === "month") {
    let index = first.year * 12 + (first.month - 1);
    index = Math.floor(index / step.n) * step.n;
    for (let i = 0; i < limit; i++, index += step.n) {
      const y = Math.floor(index / 12);
      const m = index - y * 12 + 1;
      const day = dayFromCivil(y, m, 1);
      if (day > end) break;
      if (day >= start)
        out.push({ day, label: m === 1 ? String(y) : monthName(m), major: m === 1 });
    }
  } else {
    let day = Math.ceil(start);
    if (step.n === 7 || step.n === 14) {
      // Mondays: 1970-01-01 was a Thursday, so day 4 is a Monday.
      day += (((4 - day) % 7) + 7) % 7;
    }
    for (let i = 0; i < limit && day <= end; i++, day += step.n) {
      const c = civilFromDay(day);
      out.push({
        day,
        label: c.day === 1 ? `${monthName(c.month)} ${c.year}` : String(c.day),
        major: c.day === 1,
      });
    }
  }
  return out;
}
