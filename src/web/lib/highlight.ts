// Classifies the tokens of Pacta's own lexer for syntax highlighting. Keywords are ordinary
// identifiers given meaning by position, so the class of an identifier depends on where it stands.
import type { Token } from "../../language/index.ts";

export type HighlightClass =
  | "keyword"
  | "definition"
  | "operator"
  | "citation"
  | "string"
  | "number"
  | "date"
  | "variable"
  | "comment"
  | "punctuation";

export interface HighlightSpan {
  readonly from: number;
  readonly to: number;
  readonly cls: HighlightClass;
}

/** Keywords whose first argument declares an id. */
const declaring = new Set([
  "source",
  "party",
  "asset",
  "instrument",
  "duty",
  "prohibition",
  "permission",
  "power",
  "fact",
  "event",
  "contested",
  "claim",
  "reading",
  "what-if",
]);

/** Words with a fixed meaning inside arguments (patterns, time expressions, conditions). */
const operators = new Set([
  "by",
  "to",
  "with",
  "against",
  "on",
  "after",
  "within",
  "of",
  "but",
  "not",
  "later",
  "than",
  "end",
  "earliest",
  "latest",
  "and",
  "or",
  "any",
  "where",
  "when",
  "unless",
  "start",
  "count",
  "least",
  "most",
  "notice",
  "window",
  "holder",
  "counterparty",
  "entry-into-force",
  "signature",
  "ratification",
  "exchange",
  "fulfilment",
  "violation",
  "day",
  "days",
  "week",
  "weeks",
  "month",
  "months",
  "year",
  "years",
]);

const punctuation = new Set([
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
]);

/** One span per highlighted token, in document order. */
export function classifyTokens(tokens: readonly Token[]): HighlightSpan[] {
  const out: HighlightSpan[] = [];
  let atStart = true;
  let parens = 0;
  let inCitations = false;
  let keyword: string | undefined;
  let argIndex = 0;
  for (const token of tokens) {
    const span = (cls: HighlightClass) => out.push({ from: token.from, to: token.to, cls });
    switch (token.kind) {
      case "eof":
        break;
      case "comment":
        span("comment");
        break;
      case "newline":
        if (parens === 0) {
          atStart = true;
          inCitations = false;
        }
        break;
      case "ident":
        if (atStart) {
          span("keyword");
          keyword = token.value;
          argIndex = 0;
          atStart = false;
        } else {
          argIndex += 1;
          if (inCitations) span("citation");
          else if (argIndex === 1 && keyword !== undefined && declaring.has(keyword))
            span("definition");
          else if (operators.has(token.value)) span("operator");
        }
        break;
      case "string":
        argIndex += 1;
        span("string");
        atStart = false;
        break;
      case "number":
      case "percent":
        argIndex += 1;
        span("number");
        atStart = false;
        break;
      case "date":
      case "range":
        argIndex += 1;
        span("date");
        atStart = false;
        break;
      case "var":
        argIndex += 1;
        span("variable");
        atStart = false;
        break;
      default:
        if (punctuation.has(token.kind)) span("punctuation");
        if (token.kind === "lparen") parens += 1;
        else if (token.kind === "rparen") parens = Math.max(0, parens - 1);
        else if (token.kind === "lbracket") inCitations = true;
        else if (token.kind === "rbracket") inCitations = false;
        else if (token.kind === "lbrace" || token.kind === "rbrace" || token.kind === "semicolon") {
          atStart = true;
          inCitations = false;
          parens = 0;
        }
        break;
    }
  }
  return out;
}
