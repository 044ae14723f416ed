import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Token } from "./token.ts";

/** A comment or a blank line kept for the formatter. */
export type Trivia =
  | { readonly kind: "comment"; readonly text: string }
  | { readonly kind: "blank" };

/**
 * One statement: `keyword args… [citations] { block }`. Arguments are raw tokens (identifiers,
 * strings, numbers, dates, ranges, variables, parentheses, commas, colons, `=`); the resolver
 * gives them meaning by keyword.
 */
export interface Statement {
  readonly kind: "statement";
  readonly keyword: Token;
  readonly args: readonly Token[];
  /** Identifier tokens inside the trailing `[…]`, if any. */
  readonly citations: readonly Token[];
  readonly block?: Block;
  /** Comments and blank lines before the statement. */
  readonly leading: readonly Trivia[];
  /** A comment on the same line after the statement (or after its opening brace). */
  readonly trailing?: string;
  readonly from: number;
  readonly to: number;
}

export interface Block {
  readonly open: Token;
  readonly statements: readonly Statement[];
  /** Comments and blank lines after the last statement, before `}`. */
  readonly dangling: readonly Trivia[];
  /** Missing when the block is unclosed (a PCT004 diagnostic says so). */
  readonly close?: Token;
}

/** The concrete syntax of one document. Parsing never throws: problems are diagnostics. */
export interface SyntaxTree {
  readonly file: string;
  readonly text: string;
  readonly statements: readonly Statement[];
  /** Comments and blank lines after the last statement. */
  readonly dangling: readonly Trivia[];
  readonly diagnostics: readonly Diagnostic[];
}
