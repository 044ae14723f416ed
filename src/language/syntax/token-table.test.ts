import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lex, tokenize } from "./lexer.ts";
import { locationOf } from "./location-of.ts";
import { maxDocumentLength } from "./parser.ts";
import { type Token, tokenKinds } from "./token.ts";
import { code } from "./token-code.ts";

/** Every field of every token, read the way a caller reads them. */
function fields(tokens: readonly Token[]): unknown[] {
  return tokens.map((t) => [t.kind, t.text, t.value, t.from, t.to, t.line, t.column]);
}

describe("token table", () => {
  it("gives every kind its own code, from 0 without a gap, and reads each code back as its kind", () => {
    const codes = Object.values(code).sort((a, b) => a - b);
    expect(codes).toEqual(codes.map((_, i) => i));
    expect(tokenKinds).toHaveLength(codes.length);
    for (const [kind, n] of Object.entries(code)) expect(tokenKinds[n]).toBe(kind);
  });

  it("keeps kind and offsets per token, and reads text and value from the document", () => {
    const text = 'party ussr "U\\"SSR" 1_000% 1950-02..1950-03 ?x # note\n';
    const { table } = tokenize(text, "t.pacta");
    const kinds = Array.from({ length: table.count }, (_, i) => table.kind(i));
    expect(kinds).toEqual([
      "ident",
      "ident",
      "string",
      "percent",
      "range",
      "var",
      "comment",
      "newline",
      "eof",
    ]);
    expect(table.code(2)).toBe(code.string);
    expect(table.textOf(2)).toBe('"U\\"SSR"');
    expect(table.valueOf(2)).toBe('U"SSR');
    expect(table.valueOf(3)).toBe("1000");
    expect(table.valueOf(4)).toBe("1950-02..1950-03");
    expect(table.valueOf(5)).toBe("x");
    expect(table.valueOf(6)).toBe(" note");
    expect(table.valueOf(7)).toBe("\n");
    expect([table.from(8), table.to(8)]).toEqual([text.length, text.length]);
  });

  it("gives lines and columns from its line-start table: CRLF, CR, BOM, strings over lines", () => {
    const text = '\uFEFFa\r\nb\rc "x\r\ny\nz" d\n\n  e';
    const { table } = tokenize(text, "t.pacta");
    const idents = Array.from({ length: table.count }, (_, i) => i)
      .filter((i) => table.code(i) === code.ident)
      .map((i) => [table.textOf(i), table.line(i), table.column(i)]);
    expect(idents).toEqual([
      ["a", 1, 1],
      ["b", 2, 1],
      ["c", 3, 1],
      ["d", 5, 4],
      ["e", 7, 3],
    ]);
    expect(table.lineAt(0)).toBe(1);
    expect(table.lineAt(text.length)).toBe(7);
  });

  it("decodes an unterminated string to the end of its line, keeping a trailing backslash", () => {
    const { table, diagnostics } = tokenize('a "abc\\\nb', "t.pacta");
    expect(diagnostics.map((d) => d.code)).toEqual(["PCT002"]);
    expect(table.kind(1)).toBe("string");
    expect(table.valueOf(1)).toBe("abc\\");
    expect(table.textOf(1)).toBe('"abc\\');
  });

  it("grows past its first guess of the number of tokens and lines", () => {
    const text = "a;\n".repeat(100_000);
    const { table } = tokenize(text, "t.pacta");
    expect(table.count).toBe(300_001);
    expect(table.line(299_999)).toBe(100_000);
    expect(table.textOf(299_997)).toBe("a");
  });

  it("lexes binary input and a file at the size limit without throwing", () => {
    const binary = String.fromCharCode(...Array.from({ length: 512 }, (_, i) => i % 256));
    const { table } = tokenize(binary, "t.pacta");
    expect(table.kind(table.count - 1)).toBe("eof");
    const huge = `${"x ".repeat(maxDocumentLength / 2)}`;
    const big = tokenize(huge, "t.pacta").table;
    expect(big.count).toBe(maxDocumentLength / 2 + 1);
  });

  it("makes tokens whose fields, location and JSON are those of the table", () => {
    const text = 'event e1 1950-02-14 sign "a\nb" by prc\n';
    const { table } = tokenize(text, "t.pacta");
    const tokens = table.tokens();
    const last = tokens[6]!;
    expect(last).toMatchObject({ kind: "ident", text: "prc", value: "prc", line: 2, column: 7 });
    expect(locationOf("t.pacta", last)).toEqual({
      file: "t.pacta",
      from: 34,
      to: 37,
      line: 2,
      column: 7,
    });
    expect(JSON.parse(JSON.stringify(last))).toEqual({
      kind: "ident",
      text: "prc",
      value: "prc",
      from: 34,
      to: 37,
      line: 2,
      column: 7,
    });
  });

  it("gives identifiers spelled alike one string, and others their own", () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    const text = `${words.join(" ")} ${words.join(" ")}`;
    const tokens = lex(text, "t.pacta").tokens;
    for (let i = 0; i < words.length; i++) {
      expect(tokens[i]!.value).toBe(words[i]);
      expect(tokens[words.length + i]!.value).toBe(words[i]);
    }
  });

  it("agrees with lex on any text", () => {
    const pieces = ['"', "\\", "\n", "\r", "a", "1", "_", "%", ".", "-", "#", " ", "(", "é", "?"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        const { table } = tokenize(text, "t.pacta");
        const tokens = lex(text, "t.pacta").tokens;
        expect(tokens.length).toBe(table.count);
        const again = Array.from({ length: table.count }, (_, i) => [
          table.kind(i),
          table.textOf(i),
          table.valueOf(i),
          table.from(i),
          table.to(i),
          table.line(i),
          table.column(i),
        ]);
        expect(fields(tokens)).toEqual(again);
      }),
    );
  });
});
