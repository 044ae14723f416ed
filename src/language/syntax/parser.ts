import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Location } from "../diagnostics/location.ts";
import { type DiagnosticCode, diagnostic } from "../diagnostics/messages.ts";
import { lex } from "./lexer.ts";
import { locationOf } from "./location-of.ts";
import type { Block, Statement, SyntaxTree, Trivia } from "./syntax-tree.ts";
import type { Token } from "./token.ts";

/** Documents larger than this (in UTF-16 code units, about bytes for Pacta text) are refused. */
export const maxDocumentLength = 5 * 1024 * 1024;

/** Blocks nested deeper than this are parsed (to keep braces balanced) but dropped, with PCT006. */
export const maxBlockDepth = 256;

type MutableStatement = { -readonly [K in keyof Statement]: Statement[K] };
type MutableBlock = { -readonly [K in keyof Block]: Block[K] };

/** An open list of statements: the document itself, or a block. */
interface Frame {
  readonly statements: Statement[];
  /** Trivia seen since the last statement of this list. */
  pending: Trivia[];
  /** The `{` that opened the block; undefined for the document. */
  readonly open: Token | undefined;
  readonly block: MutableBlock | undefined;
  readonly owner: MutableStatement | undefined;
  /** Contents are parsed (to find the matching `}`) but kept nowhere. */
  readonly discard: boolean;
}

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
  const refused = unreadable(text, file);
  if (refused !== undefined) {
    return { file, text, statements: [], dangling: [], diagnostics: [refused] };
  }
  const { tokens, diagnostics } = lex(text, file);
  const statements = new StatementParser(tokens, file, diagnostics).run();
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
function matchParentheses(tokens: readonly Token[]): Uint8Array {
  const matched = new Uint8Array(tokens.length);
  const open: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    switch (tokens[k]!.kind) {
      case "lparen":
        open.push(k);
        break;
      case "rparen": {
        const o = open.pop();
        if (o !== undefined) matched[o] = 1;
        break;
      }
      case "lbrace":
      case "rbrace":
      case "lbracket":
      case "rbracket":
      case "semicolon":
      case "eof":
        open.length = 0;
        break;
      default:
        break;
    }
  }
  return matched;
}

class StatementParser {
  private readonly tokens: readonly Token[];
  private readonly file: string;
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

  constructor(tokens: readonly Token[], file: string, diagnostics: Diagnostic[]) {
    this.tokens = tokens;
    this.file = file;
    this.diagnostics = diagnostics;
    this.parenMatched = matchParentheses(tokens);
    this.frames = [
      {
        statements: [],
        pending: [],
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
      const t = this.token();
      const frame = this.frames[this.frames.length - 1]!;
      switch (t.kind) {
        case "newline":
          if (this.atLineStart) this.addTrivia(frame, { kind: "blank" });
          this.atLineStart = true;
          this.trailingTarget = undefined;
          this.i++;
          break;
        case "comment":
          if (this.trailingTarget !== undefined) {
            this.trailingTarget.trailing = commentText(t);
            this.trailingTarget = undefined;
          } else {
            this.addTrivia(frame, { kind: "comment", text: commentText(t) });
          }
          this.atLineStart = false;
          this.i++;
          break;
        case "semicolon":
          this.atLineStart = false;
          this.i++;
          break;
        case "rbrace":
          this.atLineStart = false;
          this.trailingTarget = undefined;
          if (this.frames.length > 1) {
            this.closeFrame(t);
          } else {
            this.report(
              "PCT005",
              t,
              'Unexpected "}": no block is open here; remove it or add the "{" it closes',
            );
          }
          this.i++;
          break;
        case "eof":
          while (this.frames.length > 1) {
            const open = this.frames[this.frames.length - 1]!.open;
            if (open !== undefined) {
              this.report("PCT004", open, 'Block is not closed: add a "}" to end it');
            }
            this.closeFrame(undefined);
          }
          return { statements: root.statements, dangling: root.pending };
        case "ident":
          this.statement(frame);
          break;
        default:
          this.skipBadLine(t);
          break;
      }
    }
  }

  private token(): Token {
    return this.tokens[Math.min(this.i, this.tokens.length - 1)]!;
  }

  private report(code: DiagnosticCode, t: Token, message: string): void {
    this.diagnostics.push(diagnostic(code, locationOf(this.file, t), message));
  }

  private addTrivia(frame: Frame, trivia: Trivia): void {
    const last = frame.pending[frame.pending.length - 1];
    if (trivia.kind === "blank" && last?.kind === "blank") return;
    frame.pending.push(trivia);
  }

  /** PCT003: skip what cannot start a statement, up to the end of the line. */
  private skipBadLine(first: Token): void {
    this.report(
      "PCT003",
      first,
      `Unexpected ${quote(first.text)}: a statement starts with a keyword, such as "source", "party" or "instrument"`,
    );
    this.atLineStart = false;
    this.trailingTarget = undefined;
    this.i++;
    for (;;) {
      const t = this.token();
      switch (t.kind) {
        case "newline":
        case "rbrace":
        case "eof":
          return;
        case "semicolon":
          this.i++;
          return;
        case "lbrace":
          this.i++;
          this.frames.push({
            statements: [],
            pending: [],
            open: t,
            block: undefined,
            owner: undefined,
            discard: true,
          });
          return;
        default:
          this.i++;
      }
    }
  }

  private statement(frame: Frame): void {
    const keyword = this.token();
    const stmt: MutableStatement = {
      kind: "statement",
      keyword,
      args: [],
      citations: [],
      leading: frame.pending,
      from: keyword.from,
      to: keyword.to,
    };
    frame.pending = [];
    this.i++;
    this.lastEnd = keyword.to;
    const end = this.header(stmt);
    const nested = this.frames.length >= maxBlockDepth + 1;
    const discard = frame.discard || (end === "block" && nested);
    if (!discard) frame.statements.push(stmt);
    this.trailingTarget = end === "semicolon" ? stmt : undefined;
    this.atLineStart = end === "newline";
    if (end !== "block") return;

    const open = this.tokens[this.i - 1]!;
    if (nested && !frame.discard && !this.reportedDepth) {
      this.reportedDepth = true;
      this.report(
        "PCT006",
        open,
        `Blocks are nested more than ${maxBlockDepth} levels deep: flatten the document`,
      );
    }
    const statements: Statement[] = [];
    const block: MutableBlock = { open, statements, dangling: [] };
    if (!discard) stmt.block = block;
    this.frames.push({ statements, pending: [], open, block, owner: stmt, discard });
    this.trailingTarget = stmt;
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

  private consume(stmt: MutableStatement, t: Token): void {
    stmt.to = t.to;
    this.lastEnd = t.to;
    this.i++;
  }

  /** Reads arguments and citations, up to and including the terminator or the `{`. */
  private header(stmt: MutableStatement): HeaderEnd {
    const args: Token[] = [];
    stmt.args = args;
    const open: number[] = [];
    const closeParens = (): void => {
      for (const k of open) {
        this.report(
          "PCT004",
          this.tokens[k]!,
          'Parenthesis is not closed: add a ")" before the end of the statement',
        );
      }
      open.length = 0;
    };
    for (;;) {
      const t = this.token();
      switch (t.kind) {
        case "lparen":
          open.push(this.i);
          args.push(t);
          this.consume(stmt, t);
          break;
        case "rparen":
          if (open.length > 0) {
            open.pop();
            args.push(t);
            this.consume(stmt, t);
          } else {
            this.report(
              "PCT005",
              t,
              'Unexpected ")": no parenthesis is open here; remove it or add the "(" it closes',
            );
            this.i++;
          }
          break;
        case "newline":
          this.i++;
          if (open.length > 0 && this.parenMatched[open[0]!] === 1) break;
          closeParens();
          return "newline";
        case "comment":
          this.i++;
          if (open.length > 0 && this.parenMatched[open[0]!] === 1) break;
          stmt.trailing = commentText(t);
          break;
        case "semicolon":
          closeParens();
          this.i++;
          return "semicolon";
        case "rbrace":
          closeParens();
          return "brace";
        case "eof":
          closeParens();
          return "eof";
        case "lbrace":
          closeParens();
          this.consume(stmt, t);
          return "block";
        case "lbracket":
          closeParens();
          return this.citations(stmt);
        case "rbracket":
          this.report(
            "PCT005",
            t,
            'Unexpected "]": no citation list is open here; remove it or add the "[" it closes',
          );
          this.i++;
          break;
        default:
          args.push(t);
          this.consume(stmt, t);
      }
    }
  }

  /** Reads `[id, id, …]` and what may follow it: a block or the end of the statement. */
  private citations(stmt: MutableStatement): HeaderEnd {
    const bracket = this.token();
    const citations: Token[] = [];
    stmt.citations = citations;
    this.consume(stmt, bracket);
    let reported = false;
    const malformed = (t: Token, message: string): void => {
      if (!reported) this.report("PCT102", t, message);
      reported = true;
    };
    let expectId = true;
    list: for (;;) {
      const t = this.token();
      switch (t.kind) {
        case "ident":
          if (!expectId) {
            malformed(t, `Citations are separated by commas: add a "," before ${quote(t.text)}`);
          }
          citations.push(t);
          expectId = false;
          this.consume(stmt, t);
          break;
        case "comma":
          if (expectId) malformed(t, 'Unexpected ",": write a source id between commas');
          expectId = true;
          this.consume(stmt, t);
          break;
        case "rbracket":
          if (expectId && citations.length > 0) {
            malformed(t, "Citation list ends with a comma: remove it or add a source id");
          }
          this.consume(stmt, t);
          break list;
        case "newline":
        case "comment":
        case "eof":
        case "semicolon":
        case "lbrace":
        case "rbrace":
          malformed(bracket, 'Citation list is not closed: add a "]" on the same line');
          break list;
        default:
          malformed(t, `Citations are source ids: ${quote(t.text)} is not one; remove it`);
          this.i++;
      }
    }
    for (;;) {
      const t = this.token();
      switch (t.kind) {
        case "newline":
          this.i++;
          return "newline";
        case "semicolon":
          this.i++;
          return "semicolon";
        case "rbrace":
          return "brace";
        case "eof":
          return "eof";
        case "lbrace":
          this.consume(stmt, t);
          return "block";
        case "comment":
          stmt.trailing = commentText(t);
          this.i++;
          break;
        default:
          malformed(t, `Citations come last in a statement: move ${quote(t.text)} before the "["`);
          this.i++;
      }
    }
  }
}

/** A comment as kept in trivia: its source text without trailing whitespace. */
function commentText(t: Token): string {
  return t.text.trimEnd();
}
