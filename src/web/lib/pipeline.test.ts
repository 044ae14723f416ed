import { describe, expect, it } from "vitest";
import { flagshipDocuments } from "../test-support/corpus.ts";
import { Compiler, diagnosticsOf, readingDiff, Workbench } from "./pipeline.ts";

describe("Compiler", () => {
  it("compiles like compile() and re-parses only changed documents", () => {
    const docs = flagshipDocuments();
    const compiler = new Compiler();
    const first = compiler.compile(docs);
    expect(first.hasErrors).toBe(false);
    expect(first.model.instruments.has("changchun-port-arthur-dalny-1950")).toBe(true);
    const edited = docs.map((d, i) => (i === 0 ? { ...d, text: `${d.text}\n# edited\n` } : d));
    const second = compiler.compile(edited);
    expect(second.trees[0]).not.toBe(first.trees[0]);
    for (let i = 1; i < docs.length; i++) expect(second.trees[i]).toBe(first.trees[i]);
  });

  it("reports errors with their file", () => {
    const docs = flagshipDocuments();
    const broken = [...docs, { file: "x.pacta", text: "instrument oops {\n  kind nonsense\n}\n" }];
    const result = new Compiler().compile(broken);
    expect(result.hasErrors).toBe(true);
    expect(diagnosticsOf(result.diagnostics, "x.pacta").length).toBeGreaterThan(0);
  });
});

describe("Workbench", () => {
  const bench = new Workbench(new Compiler().compile(flagshipDocuments()));

  it("replays once per reading and falls back to the default for unknown ones", () => {
    const a = bench.replay(null);
    expect(a.ok).toBe(true);
    expect(bench.replay("default")).toBe(a);
    expect(bench.replay("no-such-reading")).toBe(a);
    expect(bench.effectiveReading("no-such-reading")).toBe("default");
  });

  it("says what a change of reading moves", () => {
    const readings = [...bench.model.readings.keys()].filter((r) => r !== "default");
    expect(readings.length).toBeGreaterThan(0);
    const moved = readings.map((r) => readingDiff(bench, "default", r));
    expect(moved.some((changes) => changes.length > 0)).toBe(true);
    expect(readingDiff(bench, "default", "default")).toEqual([]);
  });
});
