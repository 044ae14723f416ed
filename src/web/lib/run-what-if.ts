// Runs a what-if in the page: the corpus and the what-if's text compiled together, the changed
// model replayed, and the difference from history.
import { applyWhatIf, type Change, diffReplays, type Replay, replay } from "../../engine/index.ts";
import type { Diagnostic, DocumentText, Model, WhatIf } from "../../language/index.ts";
import type { Compiler } from "./pipeline.ts";
import { whatIfFile } from "./what-if.ts";

export type WhatIfRun =
  | {
      readonly ok: true;
      readonly whatIf: WhatIf;
      readonly model: Model;
      readonly actual: Replay;
      readonly counterfactual: Replay;
      readonly changes: readonly Change[];
      /** The reading of history, and the one the what-if was replayed under. */
      readonly readings: { readonly actual: string | null; readonly counterfactual: string | null };
    }
  | {
      readonly ok: false;
      readonly errors: readonly string[];
      readonly diagnostics: readonly Diagnostic[];
    };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Compiles `documents` with the what-if `text` (or, when `text` is empty, finds the what-if `id`
 * among the documents) and compares its replay with history under `reading`.
 */
export function runWhatIf(
  compiler: Compiler,
  documents: readonly DocumentText[],
  text: string,
  id: string,
  reading: string | null,
): WhatIfRun {
  const all = text === "" ? documents : [...documents, { file: whatIfFile, text }];
  const compilation = compiler.compile(all);
  const errors = compilation.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    const own = errors.filter((d) => d.at.file === whatIfFile);
    return {
      ok: false,
      errors:
        own.length === errors.length
          ? ["The what-if has errors"]
          : ["The corpus has errors: fix them in the editor first"],
      diagnostics: errors,
    };
  }
  const model = compilation.model;
  const whatIf = model.whatIfs.get(id);
  if (whatIf === undefined)
    return { ok: false, errors: [`No what-if named '${id}'`], diagnostics: [] };
  const actualReading =
    reading !== null && model.readings.has(reading)
      ? reading
      : model.readings.has("default")
        ? "default"
        : null;
  const counterfactualReading = whatIf.reading ?? actualReading;
  try {
    const actual = replay(model, actualReading === null ? {} : { reading: actualReading });
    const changed = applyWhatIf(model, whatIf);
    const counterfactual = replay(
      changed,
      counterfactualReading === null ? {} : { reading: counterfactualReading },
    );
    return {
      ok: true,
      whatIf,
      model: changed,
      actual,
      counterfactual,
      changes: diffReplays(actual, counterfactual),
      readings: { actual: actualReading, counterfactual: counterfactualReading },
    };
  } catch (error) {
    return { ok: false, errors: [message(error)], diagnostics: [] };
  }
}
