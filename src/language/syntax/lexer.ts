import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Location } from "../diagnostics/location.ts";
import { diagnostic } from "../diagnostics/messages.ts";
import type { Token } from "./token.ts";
import { code, unclosedFlag } from "./token-code.ts";
import { TokenTable } from "./token-table.ts";

/** The tokens of a document (always ending with an `eof` token) and the problems met on the way. */
export interface LexResult {
  readonly tokens: Token[];
  readonly diagnostics: Diagnostic[];
}

const TAB = 0x09;
const LF = 0x0a;
const VT = 0x0b;
const FF = 0x0c;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const HASH = 0x23;
const PERCENT = 0x25;
const LPAREN = 0x28;
const RPAREN = 0x29;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const COLON = 0x3a;
const SEMICOLON = 0x3b;
const EQUALS = 0x3d;
const QUESTION = 0x3f;
const LBRACKET = 0x5b;
const BACKSLASH = 0x5c;
const RBRACKET = 0x5d;
const UNDERSCORE = 0x5f;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const BOM = 0xfeff;

const unicodeLetter = /^[\p{L}]$/u;
const unicodeLetterOrMark = /^[\p{L}\p{M}\p{Nd}]$/u;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** Horizontal whitespace, including the Unicode spaces an editor may slip in. */
function isSpace(c: number): boolean {
  if (c === SPACE || c === TAB) return true;
  if (c < 0x80) return c === VT || c === FF;
  return (
    c === 0xa0 ||
    c === BOM ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** The code point at `pos` (a whole surrogate pair when there is one). */
function codePointAt(text: string, pos: number): number {
  return text.codePointAt(pos) ?? 0;
}

function codeUnits(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** Length in code units of an identifier-starting letter at `pos`, or 0. */
function letterAt(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (isAsciiLetter(c)) return 1;
  if (c < 0x80 || Number.isNaN(c)) return 0;
  const cp = codePointAt(text, pos);
  return unicodeLetter.test(String.fromCodePoint(cp)) ? codeUnits(cp) : 0;
}

/** Length in code units of a character that may continue an identifier at `pos`, or 0. */
function identPartAt(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (isAsciiLetter(c) || isDigit(c) || c === UNDERSCORE || c === MINUS) return 1;
  if (c < 0x80 || Number.isNaN(c)) return 0;
  const cp = codePointAt(text, pos);
  return unicodeLetterOrMark.test(String.fromCodePoint(cp)) ? codeUnits(cp) : 0;
}

/**
 * End of an identifier segment starting with a letter at `pos`: letters, digits, `_`, `-`, and
 * never a final `-` (those are given back).
 */
function identSegmentEnd(text: string, pos: number): number {
  let p = pos + letterAt(text, pos);
  for (;;) {
    const w = identPartAt(text, p);
    if (w === 0) break;
    p += w;
  }
  while (text.charCodeAt(p - 1) === MINUS) p--;
  return p;
}

/** End of a qualified identifier (`a.b-c`) starting with a letter at `pos`. */
function identEnd(text: string, pos: number): number {
  let p = identSegmentEnd(text, pos);
  while (text.charCodeAt(p) === DOT && letterAt(text, p + 1) > 0) {
    p = identSegmentEnd(text, p + 1);
  }
  return p;
}

/** End of digits with single `_` separators, starting at a digit at `pos`. */
function digitsEnd(text: string, pos: number): number {
  let p = pos + 1;
  for (;;) {
    const c = text.charCodeAt(p);
    if (isDigit(c)) p++;
    else if (c === UNDERSCORE && isDigit(text.charCodeAt(p + 1))) p += 2;
    else return p;
  }
}

function digitsAt(text: string, pos: number, count: number): boolean {
  for (let k = 0; k < count; k++) if (!isDigit(text.charCodeAt(pos + k))) return false;
  return true;
}

/** End of a `YYYY-MM-DD` or `YYYY-MM` date at `pos`, or -1. */
function dateEnd(text: string, pos: number): number {
  if (!digitsAt(text, pos, 4) || text.charCodeAt(pos + 4) !== MINUS) return -1;
  if (!digitsAt(text, pos + 5, 2) || isDigit(text.charCodeAt(pos + 7))) return -1;
  if (
    text.charCodeAt(pos + 7) === MINUS &&
    digitsAt(text, pos + 8, 2) &&
    !isDigit(text.charCodeAt(pos + 10))
  ) {
    return pos + 10;
  }
  return pos + 7;
}

/** End of a plain number at `pos`: digits, then optional decimals. */
function numberEnd(text: string, pos: number): number {
  const p = digitsEnd(text, pos);
  return text.charCodeAt(p) === DOT && isDigit(text.charCodeAt(p + 1)) ? digitsEnd(text, p + 1) : p;
}

/** End of a plain number or a date at `pos`. */
function quantityEnd(text: string, pos: number): number {
  const d = dateEnd(text, pos);
  return d >= 0 ? d : numberEnd(text, pos);
}

/** Whether a token (or whitespace) can start at `pos`; anything else is an unexpected character. */
function startsToken(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  switch (c) {
    case LF:
    case CR:
    case HASH:
    case QUOTE:
    case LPAREN:
    case RPAREN:
    case LBRACKET:
    case RBRACKET:
    case LBRACE:
    case RBRACE:
    case COMMA:
    case COLON:
    case SEMICOLON:
    case EQUALS:
      return true;
    case QUESTION:
      return letterAt(text, pos + 1) > 0;
    default:
      return isDigit(c) || isSpace(c) || letterAt(text, pos) > 0;
  }
}

/** Punctuation by character code: its kind code. */
const punctuation: (number | undefined)[] = [];
for (const [kind, char] of [
  ["lparen", "("],
  ["rparen", ")"],
  ["lbracket", "["],
  ["rbracket", "]"],
  ["lbrace", "{"],
  ["rbrace", "}"],
  ["comma", ","],
  ["colon", ":"],
  ["semicolon", ";"],
  ["equals", "="],
] as const) {
  punctuation[char.charCodeAt(0)] = code[kind];
}

/** Whether a letter, a digit or a quote is at `pos`: nothing a closing quote is followed by. */
function startsWord(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  return c === QUOTE || isDigit(c) || letterAt(text, pos) > 0;
}

/** Quotes a piece of source for a message, shortened and with control characters escaped. */
function quote(source: string): string {
  return JSON.stringify(source.length > 24 ? `${source.slice(0, 24)}…` : source);
}

/**
 * Splits a document into tokens. Never throws and runs in linear time: an unexpected character
 * (PCT001) is skipped, a run of them reported once; an unterminated string (PCT002) is cut at the
 * end of the line of its opening quote, and lexing goes on from the next line. So is a string that
 * spans lines and "closes" right before a letter, digit or quote (see `misplacedClose`). A leading byte
 * order mark is skipped; `\r\n` and a lone `\r` are line ends.
 */
export function lex(text: string, file: string): LexResult {
  const { table, diagnostics } = tokenize(text, file);
  return { tokens: table.tokens(), diagnostics };
}

/** A document's tokens as a table, and the problems met on the way: `lex` without token objects. */
export interface Tokenized {
  readonly table: TokenTable;
  readonly diagnostics: Diagnostic[];
}

/** Splits a document into a token table (see `lex` for the rules). */
export function tokenize(text: string, file: string): Tokenized {
  const table = new TokenTable(text, file);
  const diagnostics: Diagnostic[] = [];
  const n = text.length;
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  if (n > 0 && text.charCodeAt(0) === BOM) {
    pos = 1;
    lineStart = 1;
  }
  table.addLine(lineStart);
  // Once a string has run to the end of the file unclosed, no later quote can close (a later
  // opening quote was an escaped one inside that string, after which both readings agree), so
  // later strings are cut at their line end without scanning the rest of the file again.
  let noClosingQuoteAhead = false;
  // A string that spans lines and whose closing quote is directly followed by a letter, a digit or
  // another quote (`"https://x` … `says "closed"`) most likely lacks its own closing quote and ends
  // at the opening quote of a later string: it is reported (PCT002) and cut at the end of its first
  // line. Any string opened before that misplaced close would end at the same place (the readings
  // agree after an escaped quote), so it is cut at its line end too, without rescanning.
  let misplacedClose = -1;

  const at = (from: number, to: number, ln: number, col: number): Location => ({
    file,
    from,
    to,
    line: ln,
    column: col,
  });

  /**
   * Reads the string whose opening quote is at `open`: its end, whether a quote closes it, and how
   * many line ends it spans (the last one ending at `lastLineStart`). It stops at the end of the
   * file or, with `stopAtLineEnd`, of the line.
   */
  const readString = (
    open: number,
    stopAtLineEnd: boolean,
  ): { end: number; closed: boolean; lines: number; lastLineStart: number } => {
    let p = open + 1;
    let lines = 0;
    let lastLineStart = -1;
    while (p < n) {
      const c = text.charCodeAt(p);
      if (c === QUOTE) return { end: p + 1, closed: true, lines, lastLineStart };
      if (c === BACKSLASH) {
        const e = text.charCodeAt(p + 1);
        // A known escape takes two characters; an unknown one keeps its backslash.
        p += e === QUOTE || e === BACKSLASH || e === 0x6e || e === 0x74 ? 2 : 1;
      } else if (c === LF || c === CR) {
        if (stopAtLineEnd) break;
        p += c === CR && text.charCodeAt(p + 1) === LF ? 2 : 1;
        lines++;
        lastLineStart = p;
      } else {
        p++;
      }
    }
    return { end: p, closed: false, lines, lastLineStart };
  };

  /** Records the starts of the lines inside a string that spans lines (no escape is a line end). */
  const stringLines = (from: number, to: number): void => {
    for (let p = from; p < to; p++) {
      const c = text.charCodeAt(p);
      if (c === LF) table.addLine(p + 1);
      else if (c === CR) {
        if (text.charCodeAt(p + 1) === LF) p++;
        table.addLine(p + 1);
      }
    }
  };

  while (pos < n) {
    const c = text.charCodeAt(pos);
    const start = pos;

    if (c === SPACE || c === TAB) {
      pos++;
      continue;
    }
    if (c === LF || c === CR) {
      pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      table.add(code.newline, start, pos);
      line++;
      lineStart = pos;
      table.addLine(pos);
      continue;
    }
    if (c === HASH) {
      let p = pos + 1;
      while (p < n) {
        const d = text.charCodeAt(p);
        if (d === LF || d === CR) break;
        p++;
      }
      table.add(code.comment, start, p);
      pos = p;
      continue;
    }
    if (c === QUOTE) {
      const known = noClosingQuoteAhead || pos < misplacedClose;
      let s = readString(pos, known);
      if (!known && !s.closed) {
        noClosingQuoteAhead = true;
        s = readString(pos, true);
      } else if (!known && s.lines > 0 && startsWord(text, s.end)) {
        misplacedClose = s.end;
        s = readString(pos, true);
      }
      if (!s.closed) {
        diagnostics.push(
          diagnostic(
            "PCT002",
            at(pos, pos + 1, line, pos - lineStart + 1),
            'String is not closed: add a closing quote (") where it should end',
          ),
        );
      }
      table.add(s.closed ? code.string : code.string | unclosedFlag, start, s.end);
      if (s.lines > 0) {
        stringLines(start + 1, s.end);
        line += s.lines;
        lineStart = s.lastLineStart;
      }
      pos = s.end;
      continue;
    }
    const punct = c < 0x80 ? punctuation[c] : undefined;
    if (punct !== undefined) {
      pos++;
      table.add(punct, start, pos);
      continue;
    }
    if (isDigit(c)) {
      const date = dateEnd(text, pos);
      let end = date >= 0 ? date : numberEnd(text, pos);
      if (date < 0 && text.charCodeAt(end) === PERCENT) {
        table.add(code.percent, start, end + 1);
        pos = end + 1;
        continue;
      }
      let kind: number = date >= 0 ? code.date : code.number;
      if (
        text.charCodeAt(end) === DOT &&
        text.charCodeAt(end + 1) === DOT &&
        isDigit(text.charCodeAt(end + 2))
      ) {
        end = quantityEnd(text, end + 2);
        kind = code.range;
      }
      table.add(kind, start, end);
      pos = end;
      continue;
    }
    if (c === QUESTION && letterAt(text, pos + 1) > 0) {
      const end = identSegmentEnd(text, pos + 1);
      table.add(code.var, start, end);
      pos = end;
      continue;
    }
    if (letterAt(text, pos) > 0) {
      const end = identEnd(text, pos);
      table.add(code.ident, start, end);
      pos = end;
      continue;
    }
    if (isSpace(c)) {
      pos++;
      continue;
    }
    // A run of characters that start no token: one diagnostic for the run.
    let p = pos;
    do {
      p += codeUnits(codePointAt(text, p));
    } while (p < n && !startsToken(text, p));
    const run = text.slice(pos, p);
    const many = p - pos > codeUnits(codePointAt(text, pos));
    diagnostics.push(
      diagnostic(
        "PCT001",
        at(pos, p, line, pos - lineStart + 1),
        `Unexpected ${many ? "characters" : "character"} ${quote(run)}: remove ${many ? "them" : "it"} or put the text in a string`,
      ),
    );
    pos = p;
  }
  table.add(code.eof, n, n);
  return { table, diagnostics };
}
