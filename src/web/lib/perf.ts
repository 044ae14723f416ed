// Performance marks the benchmark (bench/web-render.ts) reads: `pacta:NAME` measures, and
// counters of redraws. Cheap enough to leave on.

/** Records a measure named `pacta:NAME` from `start` (a performance.now() time) to now. */
export function markTime(name: string, start: number): void {
  if (typeof performance === "undefined" || typeof performance.measure !== "function") return;
  try {
    performance.measure(`pacta:${name}`, { start, end: performance.now() });
  } catch {
    // Some environments lack the options form of measure; the marks are only for benchmarks.
  }
}

/** Records a mark `pacta:NAME` now. */
export function mark(name: string): void {
  if (typeof performance === "undefined" || typeof performance.mark !== "function") return;
  performance.mark(`pacta:${name}`);
}
