import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Location } from "../diagnostics/location.ts";
import { type DiagnosticCode, diagnostic } from "../diagnostics/messages.ts";
import { tokenize } from "./lexer.ts";
import { locationOf } from "./location-of.ts";
import type { Block, Statement, SyntaxTree, Trivia } from "./syntax-tree.ts";
import type { Token } from "./token.ts";
import { code } from "./token-code.ts";
import type { TokenTable } from "./token-table.ts";

/** Documents larger than this (in UTF-16 code units, about bytes for Pacta text) are refused. */
export const maxDocumentLength = 5 * 1024 * 1024;

/** Blocks nested deeper than this are parsed (to keep braces balanced) but dropped, with PCT006. */
export const maxBlockDepth = 256;

type MutableStatement = { -readonly [K in keyof Statement]: Statement[K] };
type MutableBlock = { -readonly [K in keyof Block]: Block[K] };

/** An open list of statements: the document itself, or a block. */
interface Frame {
  readonly statements: Statement[];
  /** Trivia seen since the last statement of this list (`noTrivia` until there is some). */
  pending: Trivia[];
  /** The `{` that opened the block; undefined for the document. */
  readonly open: Token | undefined;
  readonly block: MutableBlock | undefined;
  readonly owner: MutableStatement | undefined;
  /** Contents are parsed (to find the matching `}`) but kept nowhere. */
  readonly discard: boolean;
}

/**
 * Shared by every statement, block and document that has none (never changed: the parser gives a
 * frame a list of its own before adding to it).
 */
const noTrivia: Trivia[] = [];
const noTokens: readonly Token[] = [];
const blank: Trivia = { kind: "blank" };

/** How a statement header ended. */
type HeaderEnd = "newline" | "semicolon" | "brace" | "eof" | "block";

const startOfFile = (file: string, text: string): Location => ({
  file,
  from: 0,
  to: Math.min(text.length, 1),
  line: 1,
  column: 1,
});

function quote(source: string): string {
  return JSON.stringify(source.length > 24 ? `${source.slice(0, 24)}…` : source);
}

/** PCT006 when the text is not a document worth parsing: too large, binary, or empty. */
function unreadable(text: string, file: string): Diagnostic | undefined {
  if (text.length > maxDocumentLength) {
    const mb = (text.length / (1024 * 1024)).toFixed(1);
    return diagnostic(
      "PCT006",
      startOfFile(file, text),
      `File is too large (${mb} MB, the limit is 5 MB): split it into several files`,
    );
  }
  if (looksBinary(text)) {
    return diagnostic(
      "PCT006",
      startOfFile(file, text),
      "File looks like a binary file: check that it is a Pacta text document saved as UTF-8",
    );
  }
  if (/^\s*$/.test(text)) {
    return diagnostic(
      "PCT006",
      startOfFile(file, text),
      "File is empty: write at least one statement, such as a source or an instrument",
    );
  }
  return undefined;
}

/**
 * A file is binary when it contains a NUL, or when more than a third of its first 8192 characters
 * are control characters (other than tab, line ends and form feeds) or replacement characters.
 */
function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  const sample = Math.min(text.length, 8192);
  let suspicious = 0;
  for (let k = 0; k < sample; k++) {
    const c = text.charCodeAt(k);
    if (
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) ||
      c === 0x7f ||
      c === 0xfffd
    ) {
      suspicious++;
    }
  }
  return sample > 0 && suspicious * 3 > sample;
}

/**
 * Parses a document into statements. Never throws, runs in linear time and uses an explicit stack
 * of open blocks (no recursion). Recovery rules:
 *
 * - A statement that starts with anything but an identifier: PCT003, skip to the end of the line
 *   (or `;`, or a `}` that closes the enclosing block). A `{` met while skipping opens a block
 *   whose contents are parsed, so that its braces balance, and then dropped.
 * - Parentheses: line ends inside a pair of parentheses are ignored. Matching is decided by a
 *   first pass over the tokens, in which `{ } [ ] ;` and the end of the file close every open
 *   parenthesis. A `(` with no match: PCT004 at it, and its statement ends at the end of that
 *   line (so one missing `)` cannot swallow the rest of the file). A `)` with nothing to close:
 *   PCT005, dropped.
 * - Citations `[a, b]` must be identifiers separated by commas on one line: otherwise PCT102 (once
 *   per list) and the identifiers found are kept. Tokens after the `]` other than `{`: PCT102,
 *   dropped.
 * - A block `{` not closed by the end of the file: PCT004 at the `{`; the block keeps what it has.
 *   A `}` at top level: PCT005, skipped. A `]` outside citations: PCT005, dropped.
 * - A block's closing `}` also ends its statement: what follows on the same line starts a new one.
 * - A comment after a `}` goes to the leading trivia of what comes next (the formatter puts it
 *   back after the `}`).
 */
export function parse(text: string, file: string): SyntaxTree {
  return parseWith(text, file, undefined);
}

/**
 * `parse`, handing each top-level statement to `each` once it is complete (when the next one
 * starts, or at the end of the file) instead of keeping it: the tree returned has no statements.
 * A caller that resolves statements as they come holds one statement at a time, not a document.
 */
export function parseEach(
  text: string,
  file: string,
  each: (statement: Statement) => void,
): SyntaxTree {
  return parseWith(text, file, each);
}

function parseWith(
  text: string,
  file: string,
  each: ((statement: Statement) => void) | undefined,
): SyntaxTree {
  const refused = unreadable(text, file);
  if (refused !== undefined) {
    return { file, text, statements: [], dangling: [], diagnostics: [refused] };
  }
  const { table, diagnostics } = tokenize(text, file);
  const statements = new StatementParser(table, diagnostics, each).run();
  diagnostics.sort((a, b) => a.at.from - b.at.from);
  return {
    file,
    text,
    statements: statements.statements,
    dangling: statements.dangling,
    diagnostics,
  };
}

/** For each `(`, whether a `)` closes it before a brace, bracket, `;` or the end of the file. */
function matchParentheses(table: TokenTable): Uint8Array {
  const matched = new Uint8Array(table.count);
  const open: number[] = [];
  for (let k = 0; k < table.count; k++) {
    switch (table.code(k)) {
      case code.lparen:
        open.push(k);
        break;
      case code.rparen: {
        const o = open.pop();
        if (o !== undefined) matched[o] = 1;
        break;
      }
      case code.lbrace:
      case code.rbrace:
      case code.lbracket:
      case code.rbracket:
      case code.semicolon:
      case code.eof:
        open.length = 0;
        break;
      default:
        break;
    }
  }
  return matched;
}

class StatementParser {
  private readonly table: TokenTable;
  private readonly file: string;
  private readonly last: number;
  private readonly diagnostics: Diagnostic[];
  private readonly parenMatched: Uint8Array;
  private readonly frames: Frame[];
  private i = 0;
  /** Whether nothing but whitespace came since the last line end (a newline now is blank). */
  private atLineStart = true;
  /** The statement a comment on the current line would trail. */
  private trailingTarget: MutableStatement | undefined;
  /** End offset of the last token that belongs to a statement. */
  private lastEnd = 0;
  private reportedDepth = false;
  /** Indices of the parentheses open in the current header. */
  private readonly openParens: number[] = [];
  /** The arguments of the statement being read. */
  private readonly scratch: Token[] = [];
  /** The citations of the statement being read. */
  private readonly citationScratch: Token[] = [];
  /** Whether the current citation list was reported malformed. */
  private reportedCitations = false;

  /** Takes complete top-level statements, when the caller does not want them kept. */
  private readonly each: ((statement: Statement) => void) | undefined;
  /** The last top-level statement, handed to `each` once the next one starts. */
  private held: Statement | undefined;

  constructor(
    table: TokenTable,
    diagnostics: Diagnostic[],
    each: ((statement: Statement) => void) | undefined,
  ) {
    this.each = each;
    this.table = table;
    this.file = table.file;
    this.last = table.count - 1;
    this.diagnostics = diagnostics;
    this.parenMatched = matchParentheses(table);
    this.frames = [
      {
        statements: [],
        pending: noTrivia,
        open: undefined,
        block: undefined,
        owner: undefined,
        discard: false,
      },
    ];
  }

  run(): { statements: Statement[]; dangling: Trivia[] } {
    const root = this.frames[0]!;
    for (;;) {
      const frame = this.frames[this.frames.length - 1]!;
      switch (this.code()) {
        case code.newline:
          if (this.atLineStart) this.addTrivia(frame, blank);
          this.atLineStart = true;
          this.trailingTarget = undefined;
          this.i++;
          break;
        case code.comment:
          if (this.trailingTarget !== undefined) {
            this.trailingTarget.trailing = this.commentText();
            this.trailingTarget = undefined;
          } else {
            this.addTrivia(frame, { kind: "comment", text: this.commentText() });
          }
          this.atLineStart = false;
          this.i++;
          break;
        case code.semicolon:
          this.atLineStart = false;
          this.i++;
          break;
        case code.rbrace:
          this.atLineStart = false;
          this.trailingTarget = undefined;
          if (this.frames.length > 1) {
            this.closeFrame(this.token());
          } else {
            this.report(
              "PCT005",
              this.at(),
              'Unexpected "}": no block is open here; remove it or add the "{" it closes',
            );
          }
          this.i++;
          break;
        case code.eof:
          while (this.frames.length > 1) {
            const open = this.frames[this.frames.length - 1]!.open;
            if (open !== undefined) {
              this.report(
                "PCT004",
                locationOf(this.file, open),
                'Block is not closed: add a "}" to end it',
              );
            }
            this.closeFrame(undefined);
          }
          this.release();
          return { statements: root.statements, dangling: root.pending };
        case code.ident:
          this.statement(frame);
          break;
        default:
          this.skipBadLine();
          break;
      }
    }
  }

  /** The index of the current token (the last, `eof`, once past it). */
  private index(): number {
    return Math.min(this.i, this.last);
  }

  /** The kind code of the current token. */
  private code(): number {
    return this.table.code(this.index());
  }

  /** The current token as an object, for the tree. */
  private token(): Token {
    return this.table.token(this.index());
  }

  /** Where the current token is. */
  private at(): Location {
    return this.table.location(this.index());
  }

  /** The current token's source text. */
  private text(): string {
    return this.table.textOf(this.index());
  }

  /** The end offset of the current token. */
  private end(): number {
    return this.table.to(this.index());
  }

  /** The current comment as kept in trivia: its source text without trailing whitespace. */
  private commentText(): string {
    return this.text().trimEnd();
  }

  private report(code: DiagnosticCode, at: Location, message: string): void {
    this.diagnostics.push(diagnostic(code, at, message));
  }

  private addTrivia(frame: Frame, trivia: Trivia): void {
    const last = frame.pending[frame.pending.length - 1];
    if (trivia.kind === "blank" && last?.kind === "blank") return;
    if (frame.pending === noTrivia) frame.pending = [trivia];
    else frame.pending.push(trivia);
  }

  /** PCT003: skip what cannot start a statement, up to the end of the line. */
  private skipBadLine(): void {
    this.report(
      "PCT003",
      this.at(),
      `Unexpected ${quote(this.text())}: a statement starts with a keyword, such as "source", "party" or "instrument"`,
    );
    this.atLineStart = false;
    this.trailingTarget = undefined;
    this.i++;
    for (;;) {
      switch (this.code()) {
        case code.newline:
        case code.rbrace:
        case code.eof:
          return;
        case code.semicolon:
          this.i++;
          return;
        case code.lbrace:
          this.frames.push({
            statements: [],
            pending: noTrivia,
            open: this.token(),
            block: undefined,
            owner: undefined,
            discard: true,
          });
          this.i++;
          return;
        default:
          this.i++;
      }
    }
  }

  private statement(frame: Frame): void {
    const keyword = this.token();
    const from = this.table.from(this.i);
    const to = this.end();
    const stmt: MutableStatement = {
      kind: "statement",
      keyword,
      args: noTokens,
      citations: noTokens,
      leading: frame.pending,
      from,
      to,
    };
    frame.pending = noTrivia;
    this.i++;
    this.lastEnd = to;
    const end = this.header(stmt);
    const nested = this.frames.length >= maxBlockDepth + 1;
    const discard = frame.discard || (end === "block" && nested);
    if (discard) {
      // Parsed only to keep braces balanced.
    } else if (this.each !== undefined && this.frames.length === 1) {
      this.release();
      this.held = stmt;
    } else {
      frame.statements.push(stmt);
    }
    this.trailingTarget = end === "semicolon" ? stmt : undefined;
    this.atLineStart = end === "newline";
    if (end !== "block") return;

    const open = this.table.token(this.i - 1);
    if (nested && !frame.discard && !this.reportedDepth) {
      this.reportedDepth = true;
      this.report(
        "PCT006",
        this.table.location(this.i - 1),
        `Blocks are nested more than ${maxBlockDepth} levels deep: flatten the document`,
      );
    }
    const statements: Statement[] = [];
    const block: MutableBlock = { open, statements, dangling: noTrivia };
    if (!discard) stmt.block = block;
    this.frames.push({ statements, pending: noTrivia, open, block, owner: stmt, discard });
    this.trailingTarget = stmt;
  }

  /** Hands the held top-level statement, now complete, to `each`. */
  private release(): void {
    if (this.held !== undefined && this.each !== undefined) this.each(this.held);
    this.held = undefined;
  }

  private closeFrame(close: Token | undefined): void {
    const frame = this.frames.pop()!;
    if (frame.block !== undefined) {
      frame.block.dangling = frame.pending;
      if (close !== undefined) frame.block.close = close;
    }
    if (close !== undefined) this.lastEnd = close.to;
    if (frame.owner !== undefined) frame.owner.to = this.lastEnd;
  }

  /** Makes the current token part of the statement and moves past it. */
  private consume(stmt: MutableStatement): void {
    const to = this.end();
    stmt.to = to;
    this.lastEnd = to;
    this.i++;
  }

  /** PCT004 for each parenthesis of the header still open. */
  private closeParens(): void {
    for (const k of this.openParens) {
      this.report(
        "PCT004",
        this.table.location(k),
        'Parenthesis is not closed: add a ")" before the end of the statement',
      );
    }
    this.openParens.length = 0;
  }

  /** PCT102 for a malformed citation list, once per list. */
  private malformed(at: Location, message: string): void {
    if (!this.reportedCitations) this.report("PCT102", at, message);
    this.reportedCitations = true;
  }

  /** Reads arguments and citations, up to and including the terminator or the `{`. */
  private header(stmt: MutableStatement): HeaderEnd {
    const args = this.scratch;
    args.length = 0;
    const end = this.readArguments(stmt);
    // Kept lists are copied at their size (a list grown by pushing reserves room for about 17).
    if (args.length > 0) stmt.args = args.slice();
    return end;
  }

  /** Reads arguments into `scratch`, then the citations and what ends the statement. */
  private readArguments(stmt: MutableStatement): HeaderEnd {
    const args = this.scratch;
    const open = this.openParens;
    open.length = 0;
    for (;;) {
      switch (this.code()) {
        case code.lparen:
          open.push(this.i);
          args.push(this.token());
          this.consume(stmt);
          break;
        case code.rparen:
          if (open.length > 0) {
            open.pop();
            args.push(this.token());
            this.consume(stmt);
          } else {
            this.report(
              "PCT005",
              this.at(),
              'Unexpected ")": no parenthesis is open here; remove it or add the "(" it closes',
            );
            this.i++;
          }
          break;
        case code.newline:
          this.i++;
          if (open.length > 0 && this.parenMatched[open[0]!] === 1) break;
          this.closeParens();
          return "newline";
        case code.comment:
          if (open.length > 0 && this.parenMatched[open[0]!] === 1) {
            this.i++;
            break;
          }
          stmt.trailing = this.commentText();
          this.i++;
          break;
        case code.semicolon:
          this.closeParens();
          this.i++;
          return "semicolon";
        case code.rbrace:
          this.closeParens();
          return "brace";
        case code.eof:
          this.closeParens();
          return "eof";
        case code.lbrace:
          this.closeParens();
          this.consume(stmt);
          return "block";
        case code.lbracket:
          this.closeParens();
          return this.citations(stmt);
        case code.rbracket:
          this.report(
            "PCT005",
            this.at(),
            'Unexpected "]": no citation list is open here; remove it or add the "[" it closes',
          );
          this.i++;
          break;
        default:
          args.push(this.token());
          this.consume(stmt);
      }
    }
  }

  /** Reads `[id, id, …]` and what may follow it: a block or the end of the statement. */
  private citations(stmt: MutableStatement): HeaderEnd {
    const bracket = this.index();
    const citations = this.citationScratch;
    citations.length = 0;
    this.consume(stmt);
    this.reportedCitations = false;
    let expectId = true;
    list: for (;;) {
      switch (this.code()) {
        case code.ident:
          if (!expectId) {
            this.malformed(
              this.at(),
              `Citations are separated by commas: add a "," before ${quote(this.text())}`,
            );
          }
          citations.push(this.token());
          expectId = false;
          this.consume(stmt);
          break;
        case code.comma:
          if (expectId)
            this.malformed(this.at(), 'Unexpected ",": write a source id between commas');
          expectId = true;
          this.consume(stmt);
          break;
        case code.rbracket:
          if (expectId && citations.length > 0) {
            this.malformed(
              this.at(),
              "Citation list ends with a comma: remove it or add a source id",
            );
          }
          this.consume(stmt);
          break list;
        case code.newline:
        case code.comment:
        case code.eof:
        case code.semicolon:
        case code.lbrace:
        case code.rbrace:
          this.malformed(
            this.table.location(bracket),
            'Citation list is not closed: add a "]" on the same line',
          );
          break list;
        default:
          this.malformed(
            this.at(),
            `Citations are source ids: ${quote(this.text())} is not one; remove it`,
          );
          this.i++;
      }
    }
    if (citations.length > 0) stmt.citations = citations.slice();
    for (;;) {
      switch (this.code()) {
        case code.newline:
          this.i++;
          return "newline";
        case code.semicolon:
          this.i++;
          return "semicolon";
        case code.rbrace:
          return "brace";
        case code.eof:
          return "eof";
        case code.lbrace:
          this.consume(stmt);
          return "block";
        case code.comment:
          stmt.trailing = this.commentText();
          this.i++;
          break;
        default:
          this.malformed(
            this.at(),
            `Citations come last in a statement: move ${quote(this.text())} before the "["`,
          );
          this.i++;
      }
    }
  }
}
