import { describe, expect, it } from "vitest";
import { type ArgOption, FactStore } from "./fact-store.ts";
import type { Reason } from "./reason.ts";

const reason: Reason = { kind: "event", summary: "test", sources: [] };

/** The store's lookups as plain scans over the holding instances, in the order they started. */
class Reference {
  readonly holding: (readonly string[])[] = [];

  start(args: readonly string[]): boolean {
    if (this.holding.some((v) => v.every((x, i) => x === args[i]))) return false;
    this.holding.push(args);
    return true;
  }

  end(args: readonly (string | null)[]): (readonly string[])[] {
    const ended = this.holding.filter((v) => args.every((a, i) => a === null || a === v[i]));
    for (const v of ended) this.holding.splice(this.holding.indexOf(v), 1);
    return ended;
  }

  accepts(option: ArgOption, value: string): boolean {
    return (
      option === null || (typeof option === "string" ? option === value : option.includes(value))
    );
  }

  holds(options: readonly ArgOption[]): boolean {
    return this.holding.some((v) => options.every((o, i) => this.accepts(o, v[i]!)));
  }

  valuesAt(options: readonly ArgOption[], position: number): string[] {
    const out: string[] = [];
    for (const v of this.holding)
      if (
        !out.includes(v[position]!) &&
        options.every((o, i) => i === position || this.accepts(o, v[i]!))
      )
        out.push(v[position]!);
    return out;
  }
}

/** mulberry32: a small seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("FactStore", () => {
  it("ends the instances a partially bound pattern matches, in the order they started", () => {
    const store = new FactStore([]);
    for (const [a, b, c] of [
      ["x", "1", "p"],
      ["y", "1", "p"],
      ["x", "2", "q"],
      ["x", "1", "q"],
    ])
      store.start("f", [a!, b!, c!], 1, reason);
    expect(store.end("f", ["x", null, null], 2)).toEqual([
      ["x", "1", "p"],
      ["x", "2", "q"],
      ["x", "1", "q"],
    ]);
    expect(store.holds("f", ["x", null, null])).toBe(false);
    expect(store.holds("f", [null, "1", "p"])).toBe(true);
    expect(store.end("f", [null, "1", null], 3)).toEqual([["y", "1", "p"]]);
    expect(store.end("f", ["y", "1", "p"], 3)).toEqual([]);
    // Started again after it ended: it comes after the others in the order.
    store.start("f", ["a", "1", "p"], 4, reason);
    store.start("f", ["b", "1", "p"], 4, reason);
    store.start("f", ["a", "2", "p"], 4, reason);
    expect(store.valuesAt("f", ["a", null, "p"], 1)).toEqual(["1", "2"]);
    expect(store.valuesAt("f", [null, "1", ["p", "q"]], 0)).toEqual(["a", "b"]);
    expect(store.end("f", [null, null, "p"], 5)).toEqual([
      ["a", "1", "p"],
      ["b", "1", "p"],
      ["a", "2", "p"],
    ]);
    const timelines = store.timelines();
    expect(timelines.get("f(x,1,p)")?.map((i) => [i.from, i.until])).toEqual([[1, 2]]);
    expect(timelines.get("f(y,1,p)")?.map((i) => [i.from, i.until])).toEqual([[1, 3]]);
    expect(timelines.get("f(a,2,p)")?.map((i) => [i.from, i.until])).toEqual([[4, 5]]);
  });

  it.each([1, 2, 3])("answers every lookup as a scan would, with %i arguments", (arity) => {
    const next = random(0x5eed + arity);
    const values = ["a", "b", "c", "d"];
    const pick = (): string => values[Math.floor(next() * values.length)]!;
    const option = (): ArgOption => {
      const r = next();
      if (r < 0.35) return null;
      if (r < 0.8) return pick();
      return [pick(), pick()];
    };
    const positions = Array.from({ length: arity }, (_, i) => i);
    const store = new FactStore([]);
    const reference = new Reference();
    for (let step = 0; step < 4000; step++) {
      const r = next();
      const day = step;
      if (r < 0.45) {
        const args = positions.map(() => pick());
        expect(store.start("g", args, day, reason)).toBe(reference.start(args));
      } else if (r < 0.7) {
        const args = positions.map(() => (next() < 0.5 ? null : pick()));
        expect(store.end("g", args, day)).toEqual(reference.end(args));
      } else if (r < 0.85) {
        const options = positions.map(() => option());
        expect(store.holds("g", options)).toBe(reference.holds(options));
      } else {
        const options = positions.map(() => option());
        const position = Math.floor(next() * arity);
        expect(store.valuesAt("g", options, position)).toEqual(
          reference.valuesAt(options, position),
        );
      }
    }
  });
});

describe("a fact with values in the store", () => {
  const store = () => new FactStore([], new Set(["status"]), new Map([["status", "null"]]));

  it("keys an instance by its value, and answers lookups with or without it", () => {
    const s = store();
    s.start("status", ["m3", "voting"], 10, reason);
    expect([...s.timelines().keys()]).toEqual(["status(m3)=voting"]);
    expect(s.holds("status", ["m3", "voting"])).toBe(true);
    expect(s.holds("status", ["m3", null])).toBe(true);
    expect(s.holdsGround("status", "status(m3)", "voting")).toBe(true);
    expect(s.holdsGround("status", "status(m3)", "voted")).toBe(false);
    expect(s.valuesAt("status", [null, "voting"], 0)).toEqual(["m3"]);
  });

  it("gives an instance nothing has changed its initial value, until it is touched", () => {
    const s = store();
    expect(s.holds("status", ["m6", "null"])).toBe(true);
    expect(s.holds("status", ["m6", null])).toBe(true);
    expect(s.holdsGround("status", "status(m6)", "null")).toBe(true);
    expect(s.holds("status", ["m6", "voting"])).toBe(false);
    // Arguments not all known: only instances in the store count.
    expect(s.holds("status", [null, "null"])).toBe(false);
    s.touch("status", ["m6"]);
    expect(s.holds("status", ["m6", "null"])).toBe(false);
    expect(s.holdsGround("status", "status(m6)", "null")).toBe(false);
  });
});
