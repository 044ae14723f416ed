import { describe, expect, it } from "vitest";
import { formatRoute, parseRoute, type Route } from "./route.ts";

describe("routes", () => {
  it("round-trips every view", () => {
    const routes: Route[] = [
      { view: "corpus" },
      { view: "instrument", id: "changchun-port-arthur-dalny-1950" },
      { view: "edit", file: "sino-soviet/events 1950.pacta" },
      { view: "edit" },
      { view: "what-if" },
    ];
    for (const route of routes) expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it("encodes a file's slash and reads anything unknown as the corpus", () => {
    expect(formatRoute({ view: "edit", file: "a/b.pacta" })).toBe("#/edit/a%2Fb.pacta");
    expect(parseRoute("")).toEqual({ view: "corpus" });
    expect(parseRoute("#main")).toEqual({ view: "corpus" });
    expect(parseRoute("#/instrument/")).toEqual({ view: "corpus" });
    expect(parseRoute("#/instrument/%E0%A4%A")).toEqual({ view: "corpus" });
  });
});
