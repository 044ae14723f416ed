import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxBlockDepth, maxDocumentLength, parse } from "./parser.ts";
import type { Statement, SyntaxTree, Trivia } from "./syntax-tree.ts";

/** One line per statement: `keyword arg… [cites] {`, children indented, then `}`. */
function outline(statements: readonly Statement[], indent = ""): string[] {
  const lines: string[] = [];
  for (const s of statements) {
    let line = indent + [s.keyword, ...s.args].map((t) => t.text).join(" ");
    if (s.citations.length > 0) line += ` [${s.citations.map((c) => c.text).join(", ")}]`;
    if (s.block === undefined) {
      lines.push(line);
      continue;
    }
    lines.push(`${line} {`);
    lines.push(...outline(s.block.statements, `${indent}  `));
    lines.push(`${indent}${s.block.close === undefined ? "<unclosed>" : "}"}`);
  }
  return lines;
}

function codes(tree: SyntaxTree): string[] {
  return tree.diagnostics.map((d) => `${d.code} ${d.at.line}:${d.at.column}`);
}

function trivia(items: readonly Trivia[]): string[] {
  return items.map((t) => (t.kind === "blank" ? "<blank>" : t.text));
}

describe("parse: statements", () => {
  const cases: [string, string, string[]][] = [
    ["keyword only", "party", ["party"]],
    ["arguments", 'party ussr "USSR"', ['party ussr "USSR"']],
    ["citations", "in-force on ratification [frus-d157]", ["in-force on ratification [frus-d157]"]],
    ["several citations", "x [a, b,c]", ["x [a, b, c]"]],
    ["empty citations", "x []", ["x"]],
    ["block", "party ussr {\n  kind state\n}", ["party ussr {", "  kind state", "}"]],
    ["empty block", "claim c {}", ["claim c {", "}"]],
    [
      "citations and block",
      "instrument t [w] {\n kind treaty\n}",
      ["instrument t [w] {", "  kind treaty", "}"],
    ],
    ["semicolons", "a 1; b 2;c", ["a 1", "b 2", "c"]],
    ["one-line block", "fact f { starts x; ends y }", ["fact f {", "  starts x", "  ends y", "}"]],
    ["after a block", "a { b } c", ["a {", "  b", "}", "c"]],
    [
      "nested blocks",
      "a {\n b {\n  c {\n  }\n }\n}",
      ["a {", "  b {", "    c {", "    }", "  }", "}"],
    ],
    [
      "line ends inside parentheses",
      "fact f(p) = x(p) or any ?x: (g(?x)\n   and h(p,\n ?x))\nnext",
      ["fact f ( p ) = x ( p ) or any ?x : ( g ( ?x ) and h ( p , ?x ) )", "next"],
    ],
    ["blank lines and comments only between", "a\n\n# c\n\nb", ["a", "b"]],
    [
      "all token kinds as arguments",
      'e x 1950-02 1 2% 1..2 ?v "s" = : ,',
      ['e x 1950-02 1 2% 1..2 ?v "s" = : ,'],
    ],
    ["CRLF line ends", "a 1\r\nb {\r\n c\r\n}\r\n", ["a 1", "b {", "  c", "}"]],
    ["statement ends at a closing brace", "a {b 1}", ["a {", "  b 1", "}"]],
  ];
  it.each(cases)("%s", (_name, text, expected) => {
    const tree = parse(text, "test.pacta");
    expect(codes(tree)).toEqual([]);
    expect(outline(tree.statements)).toEqual(expected);
  });

  it("records keyword tokens, spans and the block's braces", () => {
    const tree = parse('source s "S" [a] {\n  url "u"\n}\nparty p', "test.pacta");
    const [source, party] = tree.statements;
    expect(source!.keyword).toMatchObject({ kind: "ident", value: "source", line: 1, column: 1 });
    expect(source!.args.map((t) => t.kind)).toEqual(["ident", "string"]);
    expect(source!.citations.map((t) => t.value)).toEqual(["a"]);
    expect(source!.block!.open).toMatchObject({ kind: "lbrace", line: 1, column: 18 });
    expect(source!.block!.close).toMatchObject({ kind: "rbrace", line: 3, column: 1 });
    expect([source!.from, source!.to]).toEqual([0, 30]);
    expect([party!.from, party!.to]).toEqual([31, 38]);
  });
});

describe("parse: trivia", () => {
  it("keeps comments and one blank line before a statement", () => {
    const tree = parse("# head\n\n\n\n# two\na\n\n\nb", "test.pacta");
    expect(trivia(tree.statements[0]!.leading)).toEqual(["# head", "<blank>", "# two"]);
    expect(trivia(tree.statements[1]!.leading)).toEqual(["<blank>"]);
  });

  it("keeps a comment after a statement, after its `{` or after a `;` as trailing", () => {
    const tree = parse("a 1 # one\nb { # two\n  c; # three\n  d # four\n}", "test.pacta");
    const [a, b] = tree.statements;
    expect(a!.trailing).toBe("# one");
    expect(b!.trailing).toBe("# two");
    expect(b!.block!.statements.map((s) => s.trailing)).toEqual(["# three", "# four"]);
  });

  it("keeps comments before `}` and at the end of the file as dangling", () => {
    const tree = parse("a {\n  b\n\n  # inner   \n}\n# outer\n\n", "test.pacta");
    expect(trivia(tree.statements[0]!.block!.dangling)).toEqual(["<blank>", "# inner"]);
    expect(trivia(tree.dangling)).toEqual(["# outer", "<blank>"]);
  });

  it("files a comment after `}` before what follows", () => {
    const tree = parse("a {\n} # end a\nb", "test.pacta");
    expect(tree.statements[0]!.trailing).toBeUndefined();
    expect(trivia(tree.statements[1]!.leading)).toEqual(["# end a"]);
  });

  it("drops comments inside parentheses from the tree (the formatter reads them from the text)", () => {
    const tree = parse("f (a # why\n b) # after", "test.pacta");
    expect(tree.statements[0]!.args.map((t) => t.text)).toEqual(["(", "a", "b", ")"]);
    expect(tree.statements[0]!.trailing).toBe("# after");
  });

  it("keeps a comment-only file as dangling trivia, without diagnostics", () => {
    const tree = parse("# nothing yet\n", "test.pacta");
    expect(tree.statements).toEqual([]);
    expect(trivia(tree.dangling)).toEqual(["# nothing yet"]);
    expect(codes(tree)).toEqual([]);
  });
});

describe("parse: recovery", () => {
  const cases: [string, string, string[], string[]][] = [
    ["bad start", '"oops" x\nparty p', ["party p"], ["PCT003 1:1"]],
    ["bad start in a block", "a {\n  ) x\n  b\n}", ["a {", "  b", "}"], ["PCT003 2:3"]],
    ["bad start with a block", "1 x {\n  b\n}\nc", ["c"], ["PCT003 1:1"]],
    ["bad start with an unclosed block", "1 x {\n  b\n", [], ["PCT003 1:1", "PCT004 1:5"]],
    ["bad start then semicolon", "= x; b", ["b"], ["PCT003 1:1"]],
    ["stray closing brace", "a\n}\nb", ["a", "b"], ["PCT005 2:1"]],
    ["stray closing parenthesis", "a x) y", ["a x y"], ["PCT005 1:4"]],
    ["stray closing bracket", "a x] y", ["a x y"], ["PCT005 1:4"]],
    [
      "unclosed block",
      "a {\n  b {\n    c",
      ["a {", "  b {", "    c", "  <unclosed>", "<unclosed>"],
      ["PCT004 1:3", "PCT004 2:5"],
    ],
    ["unclosed parenthesis", "a (x\nb y\nc", ["a ( x", "b y", "c"], ["PCT004 1:3"]],
    [
      "unclosed parentheses nested",
      "a ((x\n) y\nb",
      ["a ( ( x", "b"],
      ["PCT004 1:3", "PCT004 1:4", "PCT003 2:1"],
    ],
    ["parenthesis cut by a brace", "a (x {\n b\n}", ["a ( x {", "  b", "}"], ["PCT004 1:3"]],
    ["parenthesis cut by a semicolon", "a (x; b", ["a ( x", "b"], ["PCT004 1:3"]],
    ["parenthesis cut by citations", "a (x [s]", ["a ( x [s]"], ["PCT004 1:3"]],
    ["missing comma in citations", "a [s t]", ["a [s, t]"], ["PCT102 1:6"]],
    ["doubled comma in citations", "a [s,, t]", ["a [s, t]"], ["PCT102 1:6"]],
    ["trailing comma in citations", "a [s,]", ["a [s]"], ["PCT102 1:6"]],
    ["non-id in citations", 'a [s, "t"]', ["a [s]"], ["PCT102 1:7"]],
    ["unclosed citations", "a [s, t\nb", ["a [s, t]", "b"], ["PCT102 1:3"]],
    ["tokens after citations", "a [s] x y\nb", ["a [s]", "b"], ["PCT102 1:7"]],
    ["unterminated string", 'a "x\nb', ['a "x', "b"], ["PCT002 1:3"]],
    ["bad character", "a @ b\nc", ["a b", "c"], ["PCT001 1:3"]],
    ["statement on the line of a block's close", "a {\n} b", ["a {", "}", "b"], []],
    [
      "errors in the middle",
      'source s {\n  url "u\n}\n\x01 bad\nparty p {\n  kind state\n}\ninstrument i [s] {\n  parties p\n}',
      [
        "source s {",
        '  url "u',
        "}",
        "bad",
        "party p {",
        "  kind state",
        "}",
        "instrument i [s] {",
        "  parties p",
        "}",
      ],
      ["PCT002 2:7", "PCT001 4:1"],
    ],
  ];
  it.each(cases)("%s", (_name, text, expectedOutline, expectedCodes) => {
    const tree = parse(text, "test.pacta");
    expect(outline(tree.statements)).toEqual(expectedOutline);
    expect(codes(tree)).toEqual(expectedCodes);
  });
});

describe("parse: unreadable files", () => {
  const cases: [string, string][] = [
    ["empty", ""],
    ["whitespace only", "  \n\t\r\n  "],
    ["byte order mark only", "\uFEFF\n"],
    ["NUL byte", "party p\u0000"],
    ["control characters", "\u0001\u0002\u0003\u0004ab\u0005\u0006"],
    ["replacement characters", "\uFFFD\uFFFD\uFFFDa\uFFFD"],
  ];
  it.each(cases)("%s: PCT006 at 1:1 and no statements", (_name, text) => {
    const tree = parse(text, "test.pacta");
    expect(codes(tree)).toEqual(["PCT006 1:1"]);
    expect(tree.statements).toEqual([]);
  });

  it("refuses a file over 5 MB without parsing it", () => {
    const text = "a\n".repeat(maxDocumentLength / 2 + 1);
    const tree = parse(text, "test.pacta");
    expect(codes(tree)).toEqual(["PCT006 1:1"]);
    expect(tree.statements).toEqual([]);
  });

  it("accepts a few control characters in a long text", () => {
    const tree = parse(`a "\u0007"\n${"b\n".repeat(10)}`, "test.pacta");
    expect(codes(tree)).toEqual([]);
  });
});

describe("parse: limits", () => {
  it("parses 100k nested blocks without recursion, dropping those beyond the depth limit", () => {
    const depth = 100_000;
    const tree = parse(`${"a {\n".repeat(depth)}${"}\n".repeat(depth)}b`, "test.pacta");
    expect(codes(tree)).toEqual([`PCT006 ${maxBlockDepth + 1}:3`]);
    let level = 0;
    let statements = tree.statements;
    while (statements[0]?.block !== undefined) {
      level++;
      statements = statements[0].block.statements;
    }
    expect(level).toBe(maxBlockDepth);
    expect(tree.statements.map((s) => s.keyword.text)).toEqual(["a", "b"]);
  });

  it("survives many unclosed blocks and unclosed parentheses", () => {
    expect(parse("a {".repeat(20_000), "test.pacta").diagnostics.length).toBe(20_001);
    expect(parse("a (\n".repeat(20_000), "test.pacta").diagnostics.length).toBe(20_000);
  });

  // Quadratic behaviour on these inputs takes minutes; the test's time limit is the guard (a
  // hang guard, not a timing assertion).
  it("finishes on pathological inputs with its diagnostics", { timeout: 60_000 }, () => {
    const inputs = [
      "f (".repeat(30_000),
      `f ${"(".repeat(30_000)}\n${"x\n".repeat(30_000)}`,
      "[".repeat(50_000),
      `a [${"x ".repeat(50_000)}`,
      '"\n'.repeat(50_000),
      "}".repeat(50_000),
    ];
    for (const text of inputs) {
      const tree = parse(text, "test.pacta");
      expect(tree.diagnostics.length).toBeGreaterThan(0);
    }
  });
});

/** Invariants every tree keeps, whatever the input. */
function checkTree(text: string): void {
  const tree = parse(text, "test.pacta");
  for (const d of tree.diagnostics) {
    expect(d.at.from).toBeGreaterThanOrEqual(0);
    expect(d.at.to).toBeLessThanOrEqual(text.length);
    expect(d.at.line).toBeGreaterThanOrEqual(1);
    expect(d.at.column).toBeGreaterThanOrEqual(1);
  }
  const pending = [...tree.statements];
  while (pending.length > 0) {
    const s = pending.pop()!;
    expect(s.keyword.kind).toBe("ident");
    expect(s.from).toBeLessThanOrEqual(s.to);
    for (const t of s.args) {
      expect([
        "lbrace",
        "rbrace",
        "lbracket",
        "rbracket",
        "semicolon",
        "newline",
        "comment",
        "eof",
      ]).not.toContain(t.kind);
      expect(text.slice(t.from, t.to)).toBe(t.text);
    }
    for (const t of s.citations) expect(t.kind).toBe("ident");
    if (s.block !== undefined) pending.push(...s.block.statements);
  }
}

const fragment = fc.constantFrom(
  "party",
  "a.b-c",
  "?v",
  '"s"',
  '"esc\\"',
  '"',
  "\\",
  "1_000",
  "1950-02-14",
  "1..2",
  "5%",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  ":",
  ";",
  "=",
  "#",
  "# c",
  "\n",
  "\r",
  "\r\n",
  "\t",
  "\uFEFF",
  "\u0000",
  "😀",
  "\uD800",
  "-",
  ".",
);
const soup = fc
  .array(fc.tuple(fragment, fc.constantFrom("", " ", "\n")), { maxLength: 60 })
  .map((parts) => parts.map(([f, sep]) => f + sep).join(""));

describe("parse properties", () => {
  it("never throws on arbitrary Unicode strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), checkTree), {
      numRuns: 300,
    });
  });

  it("never throws on arbitrary grapheme strings", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), checkTree), {
      numRuns: 300,
    });
  });

  it("never throws on token soup", () => {
    fc.assert(fc.property(soup, checkTree), { numRuns: 300 });
  });
});
