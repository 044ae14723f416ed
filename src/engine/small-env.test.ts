import { describe, expect, it } from "vitest";
import { SmallEnv } from "./small-env.ts";

describe("SmallEnv", () => {
  it("binds, rebinds, reads and unbinds as a map does", () => {
    const env = new SmallEnv();
    env.set("m", "m3").set("v", "a1");
    expect(env.get("m")).toBe("m3");
    expect(env.has("v")).toBe(true);
    expect(env.get("c")).toBeUndefined();
    env.set("m", "m6");
    expect(env.size).toBe(2);
    expect(new Map(env)).toEqual(
      new Map([
        ["m", "m6"],
        ["v", "a1"],
      ]),
    );
    expect(env.delete("m")).toBe(true);
    expect(env.delete("m")).toBe(false);
    expect([...env.keys()]).toEqual(["v"]);
    env.clear();
    expect(env.size).toBe(0);
  });
});
