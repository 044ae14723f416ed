/** Every kind, in a fixed order: a token table stores a kind as its index here. */
export const tokenKinds = [
  "ident",
  "var",
  "string",
  "number",
  "percent",
  "date",
  "range",
  "lparen",
  "rparen",
  "lbracket",
  "rbracket",
  "lbrace",
  "rbrace",
  "comma",
  "colon",
  "semicolon",
  "equals",
  "newline",
  "comment",
  "eof",
] as const;

export type TokenKind = (typeof tokenKinds)[number];

/**
 * A token with its position. `text` is the source text; `value` is the decoded content of a
 * string (without quotes, escapes resolved), a number without `_`/`%`, or the identifier itself.
 */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly value: string;
  readonly from: number;
  readonly to: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
}
