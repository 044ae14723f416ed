import { describe, expect, it } from "vitest";
import { safeHttpUrl } from "./safe-url.ts";

describe("safeHttpUrl", () => {
  it("keeps web addresses and refuses other schemes", () => {
    expect(safeHttpUrl("https://history.state.gov/x")).toBe("https://history.state.gov/x");
    expect(safeHttpUrl(" http://example.org ")).toBe("http://example.org/");
    expect(safeHttpUrl("javascript:alert(1)")).toBeUndefined();
    expect(safeHttpUrl("data:text/html,<b>x</b>")).toBeUndefined();
    expect(safeHttpUrl("soolun.net periodical 719a6edb")).toBeUndefined();
  });
});
