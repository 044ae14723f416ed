import type { Diagnostic } from "./diagnostics/diagnostic.ts";
import type { Model } from "./model/model.ts";
import { inFileOrder, Resolver } from "./resolve/resolve.ts";
import { parse } from "./syntax/parser.ts";
import type { SyntaxTree } from "./syntax/syntax-tree.ts";

/** A document's text and the name it is reported under. */
export interface DocumentText {
  readonly file: string;
  readonly text: string;
}

export interface Compilation {
  /**
   * The documents' syntax trees, in the order of the documents. `compile` lets each tree go once
   * it is resolved and parses the documents again when this is first read.
   */
  readonly trees: readonly SyntaxTree[];
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
  /** True when some diagnostic is an error. */
  readonly hasErrors: boolean;
}

/**
 * Parses and resolves a set of documents: the whole pipeline from text to a checked model. The
 * documents are parsed and resolved one top-level statement at a time, so that no syntax tree of a
 * whole document is held.
 *
 * @example
 * const { model, hasErrors } = compile([{ file: "a.pacta", text: 'party prc "PRC"' }]);
 */
export function compile(documents: readonly DocumentText[]): Compilation {
  const resolver = new Resolver();
  for (const d of inFileOrder(documents)) resolver.addDocument(d.text, d.file);
  const { model, diagnostics } = resolver.finish();
  let trees: readonly SyntaxTree[] | undefined;
  return {
    get trees(): readonly SyntaxTree[] {
      if (trees === undefined) trees = documents.map((d) => parse(d.text, d.file));
      return trees;
    },
    model,
    diagnostics,
    hasErrors: diagnostics.some((d) => d.severity === "error"),
  };
}
