import { describe, expect, it } from "vitest";
import { lex } from "./lexer.ts";
import type { TokenKind } from "./token.ts";

/** Tokens as `kind:value`, without the final `eof`. */
function tokens(text: string): string[] {
  return lex(text, "test.pacta")
    .tokens.filter((t) => t.kind !== "eof")
    .map((t) => `${t.kind}:${t.value}`);
}

function diagnostics(text: string): string[] {
  return lex(text, "test.pacta").diagnostics.map(
    (d) => `${d.code} ${d.at.line}:${d.at.column}-${d.at.to - d.at.from}`,
  );
}

describe("lex: single tokens", () => {
  const cases: [string, TokenKind, string][] = [
    ["prc", "ident", "prc"],
    ["railway-transfer", "ident", "railway-transfer"],
    ["a_b", "ident", "a_b"],
    ["x1", "ident", "x1"],
    ["a--b", "ident", "a--b"],
    [
      "changchun-port-arthur-dalny-1950.railway-transfer",
      "ident",
      "changchun-port-arthur-dalny-1950.railway-transfer",
    ],
    ["a.b.c", "ident", "a.b.c"],
    ["Zhou", "ident", "Zhou"],
    ["été", "ident", "été"],
    ["?x", "var", "x"],
    ["?agent-1", "var", "agent-1"],
    ['"Zhou Enlai"', "string", "Zhou Enlai"],
    ['""', "string", ""],
    ['"a\\"b"', "string", 'a"b'],
    ['"a\\\\b"', "string", "a\\b"],
    ['"a\\nb"', "string", "a\nb"],
    ['"a\\tb"', "string", "a\tb"],
    ['"a\\qb"', "string", "a\\qb"],
    ['"line one\nline two"', "string", "line one\nline two"],
    ['"crlf\r\ninside"', "string", "crlf\ninside"],
    ['"# not a comment"', "string", "# not a comment"],
    ["365", "number", "365"],
    ["0", "number", "0"],
    ["300_000_000", "number", "300000000"],
    ["1.5", "number", "1.5"],
    ["1_000.000_5", "number", "1000.0005"],
    ["1952", "number", "1952"],
    ["1%", "percent", "1"],
    ["12.5%", "percent", "12.5"],
    ["1_000%", "percent", "1000"],
    ["1950-02-14", "date", "1950-02-14"],
    ["1952-09", "date", "1952-09"],
    ["1952-13-45", "date", "1952-13-45"],
    ["100..200", "range", "100..200"],
    ["1_000..2_000", "range", "1000..2000"],
    ["1.5..2.5", "range", "1.5..2.5"],
    ["1950-02-14..1950-02-16", "range", "1950-02-14..1950-02-16"],
    ["1950-02..1950-03", "range", "1950-02..1950-03"],
    ["1950..1952", "range", "1950..1952"],
    ["# Art. 1", "comment", " Art. 1"],
    ["#", "comment", ""],
    ["(", "lparen", "("],
    [")", "rparen", ")"],
    ["[", "lbracket", "["],
    ["]", "rbracket", "]"],
    ["{", "lbrace", "{"],
    ["}", "rbrace", "}"],
    [",", "comma", ","],
    [":", "colon", ":"],
    [";", "semicolon", ";"],
    ["=", "equals", "="],
    ["\n", "newline", "\n"],
    ["\r\n", "newline", "\n"],
    ["\r", "newline", "\n"],
  ];
  it.each(cases)("%j is one %s token with value %j", (text, kind, value) => {
    const result = lex(text, "test.pacta");
    expect(result.diagnostics).toEqual([]);
    expect(result.tokens.map((t) => t.kind)).toEqual([kind, "eof"]);
    expect(result.tokens[0]!.value).toBe(value);
    expect(result.tokens[0]!.text).toBe(text);
  });
});

describe("lex: sequences", () => {
  const cases: [string, string[]][] = [
    ["party ussr {", ["ident:party", "ident:ussr", "lbrace:{"]],
    ["at-war(a, b)", ["ident:at-war", "lparen:(", "ident:a", "comma:,", "ident:b", "rparen:)"]],
    ["any ?x: c", ["ident:any", "var:x", "colon::", "ident:c"]],
    ["f(p) = g", ["ident:f", "lparen:(", "ident:p", "rparen:)", "equals:=", "ident:g"]],
    ["a [s1, s2]", ["ident:a", "lbracket:[", "ident:s1", "comma:,", "ident:s2", "rbracket:]"]],
    ["a; b", ["ident:a", "semicolon:;", "ident:b"]],
    ["a # c\nb", ["ident:a", "comment: c", "newline:\n", "ident:b"]],
    ["30days", ["number:30", "ident:days"]],
    ["60_000_000 USD", ["number:60000000", "ident:USD"]],
    ["1950-02-14T", ["date:1950-02-14", "ident:T"]],
    ["1..2%", ["range:1..2"]],
    ["a\tb", ["ident:a", "ident:b"]],
    ["a\u00a0b", ["ident:a", "ident:b"]],
    ["a\r\n\r\nb", ["ident:a", "newline:\n", "newline:\n", "ident:b"]],
    ['"a"b', ["string:a", "ident:b"]],
    ["x.1", ["ident:x", "number:1"]],
  ];
  it.each(cases)("%j", (text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });
});

describe("lex: positions", () => {
  it("gives 1-based lines and columns, counting CRLF once and skipping a BOM", () => {
    const result = lex('\uFEFFa "x\r\ny" b\r\n  c', "test.pacta");
    expect(result.tokens.map((t) => [t.kind, t.line, t.column, t.from, t.to])).toEqual([
      ["ident", 1, 1, 1, 2],
      ["string", 1, 3, 3, 9],
      ["ident", 2, 4, 10, 11],
      ["newline", 2, 5, 11, 13],
      ["ident", 3, 3, 15, 16],
      ["eof", 3, 4, 16, 16],
    ]);
  });

  it("counts columns in UTF-16 code units and a tab as one", () => {
    const result = lex("\t😀 x", "test.pacta");
    expect(result.tokens[0]).toMatchObject({ kind: "ident", line: 1, column: 5, from: 4 });
  });

  it("never gives a token an empty text, except eof", () => {
    const result = lex('a 1 "" ( ) # \n 1950-02 ?v 1..2 5%', "test.pacta");
    for (const t of result.tokens.slice(0, -1)) expect(t.to).toBeGreaterThan(t.from);
  });
});

describe("lex: problems", () => {
  const cases: [string, string[], string[]][] = [
    ["a @ b", ["ident:a", "ident:b"], ["PCT001 1:3-1"]],
    ["a @@@ b", ["ident:a", "ident:b"], ["PCT001 1:3-3"]],
    ["x@y", ["ident:x", "ident:y"], ["PCT001 1:2-1"]],
    ["a-", ["ident:a"], ["PCT001 1:2-1"]],
    ["a.b-c-", ["ident:a.b-c"], ["PCT001 1:6-1"]],
    ["a..b", ["ident:a", "ident:b"], ["PCT001 1:2-2"]],
    ["? x", ["ident:x"], ["PCT001 1:1-1"]],
    ["1_", ["number:1"], ["PCT001 1:2-1"]],
    ["1.", ["number:1"], ["PCT001 1:2-1"]],
    ["1%..2", ["percent:1", "number:2"], ["PCT001 1:3-2"]],
    ["1950-2", ["number:1950", "number:2"], ["PCT001 1:5-1"]],
    ["😀", [], ["PCT001 1:1-2"]],
    ["\\", [], ["PCT001 1:1-1"]],
    ['"abc', ["string:abc"], ["PCT002 1:1-1"]],
    ['a "abc\nb', ["ident:a", "string:abc", "newline:\n", "ident:b"], ["PCT002 1:3-1"]],
    [
      'x\n  "one\ntwo',
      ["ident:x", "newline:\n", "string:one", "newline:\n", "ident:two"],
      ["PCT002 2:3-1"],
    ],
    [
      '"a\n\\"\n',
      ["string:a", "newline:\n", "string:", "newline:\n"],
      ["PCT002 1:1-1", "PCT001 2:1-1", "PCT002 2:2-1"],
    ],
    ['"a\\"', ['string:a"'], ["PCT002 1:1-1"]],
    // A multi-line string "closed" right before a word lacks its own closing quote.
    ['a "x\nb "c"', ["ident:a", "string:x", "newline:\n", "ident:b", "string:c"], ["PCT002 1:3-1"]],
    ['a "x\nb ""', ["ident:a", "string:x", "newline:\n", "ident:b", "string:"], ["PCT002 1:3-1"]],
    ['a "x\nb "1"', ["ident:a", "string:x", "newline:\n", "ident:b", "string:1"], ["PCT002 1:3-1"]],
    ['a "x\ny" }', ["ident:a", "string:x\ny", "rbrace:}"], []],
    ['a "x\ny"\nb', ["ident:a", "string:x\ny", "newline:\n", "ident:b"], []],
    ['"x"y', ["string:x", "ident:y"], []],
  ];
  it.each(cases)("%j", (text, expectedTokens, expectedDiagnostics) => {
    expect(tokens(text)).toEqual(expectedTokens);
    expect(diagnostics(text)).toEqual(expectedDiagnostics);
  });

  it("never throws and ends with eof on hostile input", () => {
    for (const text of ["", "\u0000", "\uD800", "\uDC00x", '"\\', "#", "?", "1..", "1950-", "\r"]) {
      const result = lex(text, "test.pacta");
      expect(result.tokens.at(-1)!.kind).toBe("eof");
    }
  });

  // Quadratic behaviour here takes minutes; the test's time limit is the hang guard.
  it("finishes when strings inside a misplaced one are reopened", { timeout: 60_000 }, () => {
    const text = `"a\n${'\\"\n'.repeat(50_000)}"x`;
    const result = lex(text, "test.pacta");
    expect(result.diagnostics[0]).toMatchObject({ code: "PCT002", at: { line: 1, column: 1 } });
  });

  it("finishes when many strings are unterminated", { timeout: 60_000 }, () => {
    const text = '"a\n\\"\n'.repeat(50_000);
    const result = lex(text, "test.pacta");
    expect(result.diagnostics.length).toBeGreaterThan(0);
  });
});
