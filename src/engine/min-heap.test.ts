import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MinHeap } from "./min-heap.ts";

describe("MinHeap", () => {
  it("pops by key, equal keys in insertion order", () => {
    const heap = new MinHeap<string>();
    heap.push(5, "e");
    heap.push(1, "a1");
    heap.push(3, "c");
    heap.push(1, "a2");
    heap.push(-2, "z");
    expect(heap.peekKey()).toBe(-2);
    const out: (string | undefined)[] = [];
    while (heap.size > 0) out.push(heap.pop());
    expect(out).toEqual(["z", "a1", "a2", "c", "e"]);
    expect(heap.pop()).toBeUndefined();
    expect(heap.peekKey()).toBe(Number.POSITIVE_INFINITY);
  });

  it("agrees with a stable sort", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), (keys) => {
        const heap = new MinHeap<number>();
        for (const [i, k] of keys.entries()) heap.push(k, i);
        const out: number[] = [];
        while (heap.size > 0) out.push(heap.pop()!);
        const expected = keys
          .map((k, i) => [k, i] as const)
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(out).toEqual(expected.map(([, i]) => i));
      }),
    );
  });
});
