import type { Diagnostic } from "./diagnostics/diagnostic.ts";
import type { Model } from "./model/model.ts";
import { resolve } from "./resolve/resolve.ts";
import { parse } from "./syntax/parser.ts";
import type { SyntaxTree } from "./syntax/syntax-tree.ts";

/** A document's text and the name it is reported under. */
export interface DocumentText {
  readonly file: string;
  readonly text: string;
}

export interface Compilation {
  readonly trees: readonly SyntaxTree[];
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
  /** True when some diagnostic is an error. */
  readonly hasErrors: boolean;
}

/**
 * Parses and resolves a set of documents: the whole pipeline from text to a checked model.
 *
 * @example
 * const { model, hasErrors } = compile([{ file: "a.pacta", text: 'party prc "PRC"' }]);
 */
export function compile(documents: readonly DocumentText[]): Compilation {
  const trees = documents.map((d) => parse(d.text, d.file));
  const { model, diagnostics } = resolve(trees);
  return { trees, model, diagnostics, hasErrors: diagnostics.some((d) => d.severity === "error") };
}
