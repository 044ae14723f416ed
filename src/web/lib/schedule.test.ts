import { describe, expect, it } from "vitest";
import { coalesce } from "./schedule.ts";

function fakeClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  return {
    now: () => now,
    set: (fn: () => void, ms: number) => {
      const id = next++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clear: (id: unknown) => {
      timers = timers.filter((t) => t.id !== id);
    },
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
  };
}

describe("coalesce", () => {
  it("runs the first call at once, then the latest call once per delay", () => {
    const clock = fakeClock();
    const seen: string[] = [];
    const run = coalesce((v: string) => seen.push(v), 50, clock);
    run("a");
    expect(seen).toEqual(["a"]);
    clock.advance(10);
    run("b");
    clock.advance(10);
    run("c");
    expect(seen).toEqual(["a"]);
    clock.advance(29);
    expect(seen).toEqual(["a"]);
    clock.advance(1);
    expect(seen).toEqual(["a", "c"]);
    // Typing on: the next run comes a delay after the previous one, not after the last key.
    run("d");
    clock.advance(30);
    run("e");
    clock.advance(20);
    expect(seen).toEqual(["a", "c", "e"]);
    clock.advance(100);
    run("f");
    expect(seen).toEqual(["a", "c", "e", "f"]);
  });

  it("flushes and cancels a pending call", () => {
    const clock = fakeClock();
    const seen: number[] = [];
    const run = coalesce((v: number) => seen.push(v), 50, clock);
    run(1);
    run(2);
    run.flush();
    expect(seen).toEqual([1, 2]);
    clock.advance(10);
    run(3);
    run.cancel();
    clock.advance(100);
    expect(seen).toEqual([1, 2]);
  });
});
