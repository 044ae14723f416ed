import { describe, expect, it } from "vitest";
import { lex } from "../../language/index.ts";
import { classifyTokens } from "./highlight.ts";

function classes(text: string): [string, string][] {
  return classifyTokens(lex(text, "t.pacta").tokens).map((s) => [text.slice(s.from, s.to), s.cls]);
}

describe("classifyTokens", () => {
  it("tells keywords, declared ids, operators, citations and literals apart", () => {
    const text = [
      "# comment",
      'duty railway-transfer "Transfer" [kodeks-1950] {',
      "  due on conclude-peace by ussr with japan but not later than end of 1952",
      "  when at-war(?x,",
      "    japan)",
      "  act pay 60_000_000 USD 1%",
      "}",
    ].join("\n");
    const c = classes(text);
    expect(c).toContainEqual(["# comment", "comment"]);
    expect(c).toContainEqual(["duty", "keyword"]);
    expect(c).toContainEqual(["railway-transfer", "definition"]);
    expect(c).toContainEqual(['"Transfer"', "string"]);
    expect(c).toContainEqual(["kodeks-1950", "citation"]);
    expect(c).toContainEqual(["due", "keyword"]);
    expect(c).toContainEqual(["by", "operator"]);
    expect(c).toContainEqual(["1952", "number"]);
    expect(c).toContainEqual(["?x", "variable"]);
    expect(c).toContainEqual(["60_000_000", "number"]);
    expect(c).toContainEqual(["1%", "number"]);
    // Inside parentheses a line end does not start a statement.
    expect(c).not.toContainEqual(["japan", "keyword"]);
    expect(c).toContainEqual(["act", "keyword"]);
  });

  it("gives spans in order, inside the text", () => {
    const text = 'party prc "PRC" { kind state; cow 710; published 1950-02-14 }';
    const spans = classifyTokens(lex(text, "t").tokens);
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]!.from).toBeGreaterThanOrEqual(spans[i - 1]!.to);
    expect(classes(text)).toContainEqual(["cow", "keyword"]);
    expect(classes(text)).toContainEqual(["1950-02-14", "date"]);
  });
});
