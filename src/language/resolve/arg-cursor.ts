import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Location } from "../diagnostics/location.ts";
import { type DiagnosticCode, diagnostic } from "../diagnostics/messages.ts";
import { locationOf } from "../syntax/location-of.ts";
import type { Statement } from "../syntax/syntax-tree.ts";
import type { Token, TokenKind } from "../syntax/token.ts";

/**
 * Texts of expressions made so far: a corpus writes the same deadlines and patterns over and over
 * (`90 days after entry-into-force`), and one string serves them all.
 */
const texts = new Map<string, string>();
const TEXT_LIMIT = 65_536;

/**
 * Reads the argument tokens of one statement from left to right. Problems are reported to the
 * shared diagnostics list; readers return undefined and the caller skips the statement's field.
 */
export class ArgCursor {
  private index = 0;
  /** Set once this cursor reported a problem, so that leftovers are not reported again. */
  private reported = false;

  constructor(
    readonly file: string,
    readonly statement: Statement,
    private readonly diagnostics: Diagnostic[],
    private readonly tokens: readonly Token[] = statement.args,
  ) {}

  get position(): number {
    return this.index;
  }

  set position(value: number) {
    this.index = value;
  }

  atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  next(): Token | undefined {
    const token = this.tokens[this.index];
    if (token) this.index += 1;
    return token;
  }

  /** True when the next token is the given word (an identifier). */
  isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.kind === "ident" && token.value === word;
  }

  isKind(kind: TokenKind, offset = 0): boolean {
    return this.peek(offset)?.kind === kind;
  }

  /** Consumes the word if it is next. */
  eatWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.index += 1;
    return true;
  }

  eatKind(kind: TokenKind): Token | undefined {
    if (!this.isKind(kind)) return undefined;
    return this.next();
  }

  /** Consumes a sequence of words such as `not later than`. */
  eatWords(...words: string[]): boolean {
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      if (word === undefined || !this.isWord(word, i)) return false;
    }
    this.index += words.length;
    return true;
  }

  /** The location of a token of this statement. */
  at(token: Token): Location {
    return locationOf(this.file, token);
  }

  /** Where the next token is, or the statement's keyword when none is left. */
  here(): Location {
    const token = this.peek() ?? this.tokens[this.tokens.length - 1] ?? this.statement.keyword;
    return locationOf(this.file, token);
  }

  report(code: DiagnosticCode, message: string, at: Location = this.here()): undefined {
    this.reported = true;
    this.diagnostics.push(diagnostic(code, at, message));
    return undefined;
  }

  expectWord(word: string, what: string): boolean {
    if (this.eatWord(word)) return true;
    this.report("PCT102", `Expected '${word}' ${what}, found ${describe(this.peek())}`);
    return false;
  }

  /** An identifier (an id or a keyword). */
  expectIdent(what: string): Token | undefined {
    const token = this.peek();
    if (token?.kind === "ident") return this.next();
    return this.report("PCT102", `Expected ${what}, found ${describe(token)}`);
  }

  expectString(what: string): Token | undefined {
    const token = this.peek();
    if (token?.kind === "string") return this.next();
    return this.report("PCT102", `Expected ${what} as a quoted string, found ${describe(token)}`);
  }

  /** Text of the tokens from `start` to the current position, as written. */
  textFrom(start: number): string {
    const text = this.tokens
      .slice(start, this.index)
      .map((t) => t.text)
      .join(" ")
      .replace(/\( /g, "(")
      .replace(/ \)/g, ")")
      .replace(/ ,/g, ",");
    const known = texts.get(text);
    if (known !== undefined) return known;
    if (texts.size >= TEXT_LIMIT) texts.clear();
    texts.set(text, text);
    return text;
  }

  tokenAt(index: number): Token | undefined {
    return this.tokens[index];
  }

  /** Reports leftover arguments, once. */
  expectEnd(what: string): void {
    const token = this.peek();
    if (token && !this.reported) {
      this.report(
        "PCT102",
        `Unexpected ${describe(token)} after ${what}: remove it, or check the syntax in docs/language.md`,
      );
      this.index = this.tokens.length;
    }
  }
}

export function describe(token: Token | undefined): string {
  if (!token) return "the end of the statement";
  switch (token.kind) {
    case "string":
      return `string ${token.text.length > 30 ? `${token.text.slice(0, 30)}…"` : token.text}`;
    case "ident":
      return `'${token.text}'`;
    default:
      return `${token.kind} '${token.text}'`;
  }
}
