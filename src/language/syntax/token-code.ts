/**
 * Every token kind, as a small integer: the one list of kinds (`TokenKind` and `tokenKinds` are
 * made from it). A token table stores kinds this way, and the parser compares them without
 * touching a token object. The codes run from 0 without a gap.
 */
export const code = {
  ident: 0,
  var: 1,
  string: 2,
  number: 3,
  percent: 4,
  date: 5,
  range: 6,
  lparen: 7,
  rparen: 8,
  lbracket: 9,
  rbracket: 10,
  lbrace: 11,
  rbrace: 12,
  comma: 13,
  colon: 14,
  semicolon: 15,
  equals: 16,
  newline: 17,
  comment: 18,
  eof: 19,
} as const;

/** Set on the kind of a string that has no closing quote (its value runs to its end). */
export const unclosedFlag = 0x80;
