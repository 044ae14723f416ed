import { describe, expect, it } from "vitest";
import { initialState, reducer, workingDocuments } from "./store.ts";

const loaded = reducer(initialState({ view: "corpus" }, 100), {
  type: "loaded",
  documents: [
    { file: "a.pacta", version: 1, text: "A" },
    { file: "b.pacta", version: 4, text: "B" },
  ],
});

describe("reducer", () => {
  it("keeps drafts apart from saved documents, and drops a draft equal to the saved text", () => {
    const edited = reducer(loaded, { type: "draft", file: "a.pacta", text: "A2" });
    expect(workingDocuments(edited)).toEqual([
      { file: "a.pacta", text: "A2" },
      { file: "b.pacta", text: "B" },
    ]);
    const back = reducer(edited, { type: "draft", file: "a.pacta", text: "A" });
    expect(back.drafts).toEqual({});
  });

  it("saves: a new version, and the draft gone unless typing went on", () => {
    const edited = reducer(loaded, { type: "draft", file: "a.pacta", text: "A2" });
    const saved = reducer(edited, { type: "saved", file: "a.pacta", version: 2, text: "A2" });
    expect(saved.documents[0]).toEqual({ file: "a.pacta", version: 2, text: "A2" });
    expect(saved.drafts).toEqual({});
    expect(saved.save).toEqual({ status: "saved", file: "a.pacta", version: 2 });
    const typedOn = reducer(reducer(edited, { type: "draft", file: "a.pacta", text: "A3" }), {
      type: "saved",
      file: "a.pacta",
      version: 2,
      text: "A2",
    });
    expect(typedOn.drafts).toEqual({ "a.pacta": "A3" });
  });

  it("moves the cursor, revealing it when asked", () => {
    const withView = reducer(loaded, { type: "view", view: { start: 0, end: 200 } });
    const moved = reducer(withView, { type: "cursor", day: 150.4 });
    expect(moved.cursor).toBe(150);
    expect(moved.view).toEqual({ start: 0, end: 200 });
    const revealed = reducer(withView, { type: "cursor", day: 1000, reveal: true });
    expect(revealed.view!.end).toBeGreaterThan(1000);
    expect(revealed.view!.end - revealed.view!.start).toBe(200);
  });

  it("edits the what-if form", () => {
    let s = reducer(loaded, { type: "what-if-add", change: { kind: "remove", event: "" } });
    s = reducer(s, { type: "what-if-change", index: 0, change: { kind: "remove", event: "e1" } });
    expect(s.whatIf.changes).toEqual([{ kind: "remove", event: "e1" }]);
    s = reducer(s, { type: "what-if-remove", index: 0 });
    expect(s.whatIf.changes).toEqual([]);
  });
});
