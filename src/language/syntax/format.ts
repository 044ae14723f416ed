import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { parse } from "./parser.ts";
import type { Block, Statement, SyntaxTree, Trivia } from "./syntax-tree.ts";
import type { Token } from "./token.ts";

const indentUnit = "  ";

/**
 * Prints a syntax tree in the canonical layout: two spaces per block level, single spaces between
 * tokens (none after `(` or before `)`, `,`, `:`; none before a `(` written right after an
 * identifier), citations as `[a, b]`, `{` on the statement's line and `}` on its own, an empty
 * block as `{}`, comments kept, at most one blank line in a row and none at the start or end of a
 * block. Line breaks inside parentheses are kept, the continuation indented one level per open
 * parenthesis. Strings keep their source text (line ends normalised to `\n`).
 *
 * Meant for trees without syntax errors; on others it prints what the tree holds.
 */
export function format(tree: SyntaxTree): string {
  const printer = new Printer(tree.text);
  printer.list(tree.statements, tree.dangling, "");
  return printer.lines.length > 0 ? `${printer.lines.join("\n")}\n` : "";
}

/** Formats a document, or returns it unchanged when it has syntax errors. */
export function formatText(
  text: string,
  file = "document.pacta",
): { text: string; diagnostics: readonly Diagnostic[] } {
  const tree = parse(text, file);
  if (tree.diagnostics.some((d) => d.severity === "error")) {
    return { text, diagnostics: tree.diagnostics };
  }
  return { text: format(tree), diagnostics: tree.diagnostics };
}

class Printer {
  readonly lines: string[] = [];
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  /** Prints statements and the trivia after them, at one indentation. */
  list(statements: readonly Statement[], dangling: readonly Trivia[], indent: string): void {
    let started = false;
    let blank = false;
    const emit = (line: string): void => {
      if (blank && started) this.lines.push("");
      blank = false;
      started = true;
      this.lines.push(line);
    };
    const trivia = (items: readonly Trivia[], from: number): void => {
      for (let k = from; k < items.length; k++) {
        const item = items[k]!;
        if (item.kind === "blank") blank = true;
        else emit(indent + item.text);
      }
    };
    let skip = 0;
    for (let k = 0; k < statements.length; k++) {
      const s = statements[k]!;
      trivia(s.leading, skip);
      const next = k + 1 < statements.length ? statements[k + 1]!.leading[0] : dangling[0];
      skip = this.statement(s, indent, next, emit) ? 1 : 0;
    }
    trivia(dangling, skip);
  }

  /** Prints one statement; true when it printed `next` (a comment after its `}`). */
  private statement(
    s: Statement,
    indent: string,
    next: Trivia | undefined,
    emit: (line: string) => void,
  ): boolean {
    const head = this.header(s, indent);
    let last = head.pop()!;
    for (const line of head) emit(line);
    if (s.citations.length > 0) last += ` [${s.citations.map((c) => c.text).join(", ")}]`;
    const trailing = s.trailing !== undefined ? ` ${s.trailing}` : "";
    const block = s.block;
    if (block === undefined) {
      emit(last + trailing);
      return false;
    }
    const after = this.commentAfterClose(block, next);
    const close = after !== undefined ? ` ${after}` : "";
    const empty =
      block.statements.length === 0 && !block.dangling.some((t) => t.kind === "comment");
    if (empty && trailing === "") {
      emit(`${last} {}${close}`);
    } else {
      emit(`${last} {${trailing}`);
      this.list(block.statements, block.dangling, indent + indentUnit);
      emit(`${indent}}${close}`);
    }
    return after !== undefined;
  }

  /**
   * The comment written after a block's `}` on the same line. The parser files it as the first
   * trivia of whatever follows (`next`); it is printed after the `}` again.
   */
  private commentAfterClose(block: Block, next: Trivia | undefined): string | undefined {
    if (block.close === undefined || next?.kind !== "comment") return undefined;
    let p = block.close.to;
    while (this.text.charCodeAt(p) === 0x20 || this.text.charCodeAt(p) === 0x09) p++;
    if (this.text.charCodeAt(p) !== 0x23) return undefined;
    let end = p;
    while (end < this.text.length) {
      const c = this.text.charCodeAt(end);
      if (c === 0x0a || c === 0x0d) break;
      end++;
    }
    const comment = this.text.slice(p, end).trimEnd();
    return comment === next.text ? comment : undefined;
  }

  /** The keyword and arguments, over several lines where a parenthesis spans lines. */
  private header(s: Statement, indent: string): string[] {
    const out: string[] = [];
    let line = indent + s.keyword.text;
    let prev = s.keyword;
    let depth = 0;
    for (const t of s.args) {
      const gap = this.text.slice(prev.to, t.from);
      if (depth > 0 && /[\n\r]/.test(gap)) {
        const comments = gapComments(gap);
        if (comments.first !== undefined) line += ` ${comments.first}`;
        out.push(line);
        const inner = indent + indentUnit.repeat(t.kind === "rparen" ? depth - 1 : depth);
        for (const comment of comments.rest) out.push(inner + comment);
        line = inner + raw(t);
      } else {
        line += (needsSpace(prev, t, gap.length === 0) ? " " : "") + raw(t);
      }
      if (t.kind === "lparen") depth++;
      else if (t.kind === "rparen" && depth > 0) depth--;
      prev = t;
    }
    out.push(line);
    return out;
  }
}

function needsSpace(prev: Token, t: Token, adjacent: boolean): boolean {
  if (prev.kind === "lparen") return false;
  if (t.kind === "rparen" || t.kind === "comma" || t.kind === "colon") return false;
  if (t.kind === "lparen" && prev.kind === "ident" && adjacent) return false;
  return true;
}

/** A token as printed: its source text, with line ends in strings normalised. */
function raw(t: Token): string {
  return t.kind === "string" ? t.text.replace(/\r\n?/g, "\n") : t.text;
}

/** Comments in the whitespace between two tokens: the one on the first line, and the others. */
function gapComments(gap: string): { first: string | undefined; rest: string[] } {
  const pieces = gap.split(/\r\n?|\n/);
  const commentOf = (piece: string): string | undefined => {
    const at = piece.indexOf("#");
    return at >= 0 ? piece.slice(at).trimEnd() : undefined;
  };
  const rest: string[] = [];
  for (let k = 1; k < pieces.length; k++) {
    const comment = commentOf(pieces[k]!);
    if (comment !== undefined) rest.push(comment);
  }
  return { first: commentOf(pieces[0]!), rest };
}
