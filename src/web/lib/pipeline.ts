// The language and the engine, run in the page: compile the working documents (re-parsing only
// the ones whose text changed), replay under a reading (cached per reading), and what-ifs.
import { type Change, diffReplays, type Replay, replay } from "../../engine/index.ts";
import {
  type Compilation,
  type Diagnostic,
  type DocumentText,
  type Model,
  parse,
  resolve,
  type SyntaxTree,
} from "../../language/index.ts";

/** Parses with a cache: a document whose text did not change keeps its syntax tree. */
export class Compiler {
  private readonly trees = new Map<string, SyntaxTree>();

  compile(documents: readonly DocumentText[]): Compilation {
    const trees = documents.map((d) => {
      const cached = this.trees.get(d.file);
      if (cached !== undefined && cached.text === d.text) return cached;
      const tree = parse(d.text, d.file);
      this.trees.set(d.file, tree);
      return tree;
    });
    const live = new Set(documents.map((d) => d.file));
    for (const file of [...this.trees.keys()]) if (!live.has(file)) this.trees.delete(file);
    const { model, diagnostics } = resolve(trees);
    return {
      trees,
      model,
      diagnostics,
      hasErrors: diagnostics.some((d) => d.severity === "error"),
    };
  }
}

export type ReplayOutcome =
  | { readonly ok: true; readonly replay: Replay }
  | { readonly ok: false; readonly message: string };

/** A compiled corpus with its replays, computed when first asked for, per reading. */
export class Workbench {
  private readonly replays = new Map<string, ReplayOutcome>();

  constructor(readonly compilation: Compilation) {}

  get model(): Model {
    return this.compilation.model;
  }

  /** The reading a replay without a named reading uses (`default` if the model has one). */
  defaultReading(): string | null {
    return this.model.readings.has("default") ? "default" : null;
  }

  /** The reading to use: the named one if the model has it, else the default. */
  effectiveReading(reading: string | null): string | null {
    return reading !== null && this.model.readings.has(reading) ? reading : this.defaultReading();
  }

  replay(reading: string | null): ReplayOutcome {
    const name = this.effectiveReading(reading);
    const key = name ?? "";
    let outcome = this.replays.get(key);
    if (outcome === undefined) {
      try {
        outcome = {
          ok: true,
          replay: replay(this.model, name === null ? {} : { reading: name }),
        };
      } catch (error) {
        outcome = { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
      this.replays.set(key, outcome);
    }
    return outcome;
  }
}

/** What switching from one reading to another changes. */
export function readingDiff(
  bench: Workbench,
  from: string | null,
  to: string | null,
): readonly Change[] {
  const a = bench.replay(from);
  const b = bench.replay(to);
  if (!a.ok || !b.ok) return [];
  return diffReplays(a.replay, b.replay);
}

/** The diagnostics of one file. */
export function diagnosticsOf(diagnostics: readonly Diagnostic[], file: string): Diagnostic[] {
  return diagnostics.filter((d) => d.at.file === file);
}
