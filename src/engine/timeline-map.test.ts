import { describe, expect, it } from "vitest";
import type { Reason } from "./reason.ts";
import type { Interval } from "./timeline.ts";
import { type Intervals, TimelineMap } from "./timeline-map.ts";

const reason: Reason = { kind: "rule", summary: "because", sources: [] };
const interval = (from: number): Interval<string> => ({ state: "s", from, until: null, reason });

describe("TimelineMap", () => {
  const subjects = [{ id: "a" }, { id: "b" }, { id: "c" }];
  const at = new Map([
    ["a", 0],
    ["b", 1],
    ["c", 2],
  ]);
  const finished = (list: readonly Interval<string>[]): Intervals<string> => {
    let calls = 0;
    return {
      finish: () => {
        calls++;
        if (calls > 1) throw new Error("finished twice");
        return list;
      },
    };
  };
  const lists = () => [finished([interval(1)]), undefined, finished([])];

  it("reads as the map filled in the subjects' order, leaving out those without intervals", () => {
    const map = new TimelineMap(subjects, at, lists());
    const plain = new Map([
      ["a", { id: "a", intervals: [interval(1)] }],
      ["c", { id: "c", intervals: [] }],
    ]);
    expect(map.size).toBe(2);
    expect([...map]).toEqual([...plain]);
    expect([...map.keys()]).toEqual(["a", "c"]);
    expect([...map.values()]).toEqual([...plain.values()]);
    expect([...map.entries()]).toEqual([...plain.entries()]);
    const seen: string[] = [];
    map.forEach((timeline, key, self) => {
      expect(self).toBe(map);
      expect(timeline.id).toBe(key);
      seen.push(key);
    });
    expect(seen).toEqual(["a", "c"]);
    expect(map.has("a")).toBe(true);
    expect(map.has("b")).toBe(false);
    expect(map.has("z")).toBe(false);
    expect(map.get("b")).toBeUndefined();
    expect(map.get("z")).toBeUndefined();
    expect(map.get("c")).toEqual({ id: "c", intervals: [] });
    expect(JSON.stringify(map)).toBe(JSON.stringify(plain));
  });

  it("gives the same timeline object each time it is read", () => {
    const map = new TimelineMap(subjects, at, lists());
    const first = map.get("a");
    expect(map.get("a")).toBe(first);
    expect([...map.values()][0]).toBe(first);
  });
});
