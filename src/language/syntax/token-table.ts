import type { Location } from "../diagnostics/location.ts";
import { wordAt } from "./interned-word.ts";
import { TableToken } from "./table-token.ts";
import { type Token, type TokenKind, tokenKinds } from "./token.ts";
import { code, unclosedFlag } from "./token-code.ts";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The tokens of one document as three parallel arrays (kind, start, end) over its text, and the
 * offsets where its lines start. A token's text, value, line and column are computed when asked
 * for, so that lexing a document allocates a few arrays and no object or string per token.
 */
export class TokenTable {
  /** Tokens written so far; the last one of a finished table is `eof`. */
  count = 0;
  private kinds: Uint8Array;
  private starts: Int32Array;
  private ends: Int32Array;
  /** Offset of the first character of each line, in order; the first line starts after a BOM. */
  private lineStarts: Int32Array;
  private lines = 0;

  constructor(
    readonly text: string,
    readonly file: string,
  ) {
    const capacity = 16 + (text.length >> 3);
    this.kinds = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.lineStarts = new Int32Array(16 + (text.length >> 5));
  }

  /** Appends a token: `kindCode` from `code`, possibly with `unclosedFlag`. */
  add(kindCode: number, from: number, to: number): void {
    if (this.count === this.kinds.length) this.grow();
    this.kinds[this.count] = kindCode;
    this.starts[this.count] = from;
    this.ends[this.count] = to;
    this.count++;
  }

  /** Records that a line starts at `offset` (offsets must come in increasing order). */
  addLine(offset: number): void {
    if (this.lines === this.lineStarts.length) {
      const bigger = new Int32Array(this.lineStarts.length * 2);
      bigger.set(this.lineStarts);
      this.lineStarts = bigger;
    }
    this.lineStarts[this.lines++] = offset;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    this.kinds = kinds;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    this.starts = starts;
    const ends = new Int32Array(size);
    ends.set(this.ends);
    this.ends = ends;
  }

  /** The kind of token `i` as a number from `code`. */
  code(i: number): number {
    return (this.kinds[i] ?? code.eof) & ~unclosedFlag;
  }

  kind(i: number): TokenKind {
    return tokenKinds[this.code(i)] ?? "eof";
  }

  from(i: number): number {
    return this.starts[i] ?? this.text.length;
  }

  to(i: number): number {
    return this.ends[i] ?? this.text.length;
  }

  /** The source text of token `i`. */
  textOf(i: number): string {
    return this.text.slice(this.from(i), this.to(i));
  }

  /**
   * The value of token `i`: a string's decoded content (without quotes, escapes resolved, line
   * ends as `\n`), a number, percentage, date or range without `_` (and `%`), a variable without
   * `?`, a comment without `#`, `\n` for any line end, the source text for the rest.
   */
  valueOf(i: number): string {
    const from = this.from(i);
    const to = this.to(i);
    switch (this.code(i)) {
      case code.string:
        return this.decode(from + 1, (this.kinds[i] ?? 0) & unclosedFlag ? to : to - 1);
      case code.number:
      case code.date:
      case code.range:
        return withoutSeparators(this.text.slice(from, to));
      case code.percent:
        return withoutSeparators(this.text.slice(from, to - 1));
      case code.var:
      case code.comment:
        return this.text.slice(from + 1, to);
      case code.newline:
        return "\n";
      case code.ident:
        return wordAt(this.text, from, to);
      default:
        return this.text.slice(from, to);
    }
  }

  /** The content of a string between `from` and `to`, escapes resolved and line ends as `\n`. */
  private decode(from: number, to: number): string {
    const text = this.text;
    let value = "";
    let chunk = from;
    let p = from;
    while (p < to) {
      const c = text.charCodeAt(p);
      if (c === BACKSLASH) {
        const e = text.charCodeAt(p + 1);
        const decoded =
          e === QUOTE ? '"' : e === BACKSLASH ? "\\" : e === 0x6e ? "\n" : e === 0x74 ? "\t" : null;
        if (decoded !== null && p + 1 < to) {
          value += text.slice(chunk, p) + decoded;
          p += 2;
          chunk = p;
        } else {
          p++;
        }
      } else if (c === LF || c === CR) {
        value += `${text.slice(chunk, p)}\n`;
        p += c === CR && text.charCodeAt(p + 1) === LF && p + 1 < to ? 2 : 1;
        chunk = p;
      } else {
        p++;
      }
    }
    return chunk === from ? text.slice(from, to) : value + text.slice(chunk, to);
  }

  /** The 1-based line of an offset. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.lines - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** The 1-based column (in UTF-16 code units) of an offset on the given line. */
  columnAt(offset: number, line: number): number {
    return offset - (this.lineStarts[line - 1] ?? 0) + 1;
  }

  line(i: number): number {
    return this.lineAt(this.from(i));
  }

  column(i: number): number {
    const from = this.from(i);
    return this.columnAt(from, this.lineAt(from));
  }

  /** Where token `i` is. */
  location(i: number): Location {
    return this.locationIn(i, this.file);
  }

  /** Where token `i` is, reported under the name `file`. */
  locationIn(i: number, file: string): Location {
    const from = this.from(i);
    const line = this.lineAt(from);
    return { file, from, to: this.to(i), line, column: this.columnAt(from, line) };
  }

  /** Token `i` as an object (its text and value are read from the table when asked for). */
  token(i: number): Token {
    return new TableToken(this, i);
  }

  /** Every token as an object, in order. */
  tokens(): Token[] {
    const tokens: Token[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) tokens[i] = new TableToken(this, i);
    return tokens;
  }
}

function withoutSeparators(source: string): string {
  return source.includes("_") ? source.replaceAll("_", "") : source;
}
