import { describe, expect, it } from "vitest";
import { keepToken, readToken, type TokenStorage } from "./write-token.ts";

function memory(): TokenStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

describe("write token", () => {
  it("is kept trimmed, read back, and forgotten when cleared", () => {
    const store = memory();
    expect(readToken(store)).toBe("");
    keepToken("  abc-123 \n", store);
    expect(readToken(store)).toBe("abc-123");
    keepToken("   ", store);
    expect(readToken(store)).toBe("");
    expect(store.items.size).toBe(0);
  });

  it("survives a storage that refuses access", () => {
    const refusing: TokenStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(() => keepToken("abc", refusing)).not.toThrow();
    expect(readToken(refusing)).toBe("");
    expect(readToken(undefined)).toBe("");
  });
});
