import { describe, expect, it } from "vitest";
import { flagshipDocuments } from "../test-support/corpus.ts";
import { Compiler } from "./pipeline.ts";
import { runWhatIf } from "./run-what-if.ts";
import { buildWhatIfText } from "./what-if.ts";

describe("runWhatIf", () => {
  const documents = flagshipDocuments();

  it("replays a what-if and lists what it changes", () => {
    const { text } = buildWhatIfText({
      id: "no-handover",
      description: "The railway is never handed over",
      changes: [{ kind: "remove", event: "railway-handover" }],
      reading: "",
    });
    const run = runWhatIf(new Compiler(), documents, text, "no-handover", null);
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    const transfer = run.changes.find(
      (c) => c.id === "changchun-port-arthur-dalny-1950.railway-transfer",
    );
    expect(transfer).toBeDefined();
    expect(transfer?.after.some((i) => i.state === "violated")).toBe(true);
    expect(run.readings).toEqual({ actual: "default", counterfactual: "default" });
  });

  it("answers the diagnostics of a what-if with errors", () => {
    const text = 'what-if bad "x" {\n  remove no-such-event\n}\n';
    const run = runWhatIf(new Compiler(), documents, text, "bad", null);
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.errors).toEqual(["The what-if has errors"]);
    expect(run.diagnostics[0]?.code).toBe("PCT104");
  });

  it("switches reading", () => {
    const run = runWhatIf(
      new Compiler(),
      documents,
      'what-if other-reading "" {\n  reading cow\n}\n',
      "other-reading",
      null,
    );
    expect(run.ok).toBe(true);
    if (run.ok) expect(run.readings.counterfactual).toBe("cow");
  });
});
