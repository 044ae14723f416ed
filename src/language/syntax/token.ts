import { code } from "./token-code.ts";

export type TokenKind = keyof typeof code;

/** Every kind, at the index of its code: a token table stores a kind as that index. */
export const tokenKinds: readonly TokenKind[] = (() => {
  const kinds: TokenKind[] = [];
  for (const kind of Object.keys(code) as TokenKind[]) kinds[code[kind]] = kind;
  return kinds;
})();

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
