import { describe, expect, it } from "vitest";
import { fetchCorpus, saveDocument } from "./api.ts";

function respond(status: number, body: unknown) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetchImpl = async (url: string, init?: RequestInit) => {
    calls.push(init === undefined ? { url } : { url, init });
    return new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });
  };
  return { calls, fetchImpl };
}

describe("fetchCorpus", () => {
  it("reads the documents", async () => {
    const { fetchImpl, calls } = respond(200, {
      documents: [{ file: "a/b.pacta", version: 2, text: "x" }, { bogus: true }],
    });
    expect(await fetchCorpus(fetchImpl)).toEqual([{ file: "a/b.pacta", version: 2, text: "x" }]);
    expect(calls[0]?.url).toBe("/api/corpus");
  });

  it("throws the server's message", async () => {
    const { fetchImpl } = respond(500, { error: { code: "internal", message: "boom" } });
    await expect(fetchCorpus(fetchImpl)).rejects.toThrow("boom");
  });
});

describe("saveDocument", () => {
  it("puts the text and answers the new version", async () => {
    const { fetchImpl, calls } = respond(200, { file: "a/b.pacta", version: 3 });
    expect(await saveDocument("a/b.pacta", "text", { fetchImpl })).toEqual({
      ok: true,
      file: "a/b.pacta",
      version: 3,
    });
    expect(calls[0]?.url).toBe("/api/documents/a%2Fb.pacta");
    expect(calls[0]?.init?.method).toBe("PUT");
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ text: "text" });
  });

  it("answers the diagnostics of a 422", async () => {
    const diagnostic = {
      code: "PCT104",
      severity: "error",
      message: "unknown id",
      at: { file: "a/b.pacta", from: 3, to: 5, line: 1, column: 4 },
    };
    const { fetchImpl } = respond(422, {
      error: { code: "invalid-document", message: "the document has errors" },
      diagnostics: [diagnostic, { nonsense: 1 }],
    });
    expect(await saveDocument("a/b.pacta", "text", { fetchImpl })).toEqual({
      ok: false,
      status: 422,
      message: "the document has errors",
      diagnostics: [diagnostic],
    });
  });

  it("sends the write token when it has one, and no header otherwise", async () => {
    const { fetchImpl, calls } = respond(200, { file: "f", version: 2 });
    await saveDocument("f", "t", { fetchImpl, token: "  s3cret-token \n" });
    await saveDocument("f", "t", { fetchImpl, token: "   " });
    await saveDocument("f", "t", { fetchImpl });
    const auth = calls.map((c) => new Headers(c.init?.headers).get("authorization"));
    expect(auth).toEqual(["Bearer s3cret-token", null, null]);
  });

  it("answers 401 with the server's message, so the page can ask for the token", async () => {
    const { fetchImpl } = respond(401, {
      error: { code: "unauthorized", message: "This server needs a token for writes" },
    });
    expect(await saveDocument("f", "t", { fetchImpl })).toEqual({
      ok: false,
      status: 401,
      message: "This server needs a token for writes",
      diagnostics: [],
    });
  });

  it("reports a server it cannot reach", async () => {
    const result = await saveDocument("f", "t", {
      fetchImpl: async () => {
        throw new TypeError("network down");
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.status).toBe(0);
  });
});
