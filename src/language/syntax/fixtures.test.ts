import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectedText, fixtures } from "../../../test/fixture-files.ts";
import { format } from "./format.ts";
import { parse } from "./parser.ts";
import type { Statement, SyntaxTree, Trivia } from "./syntax-tree.ts";
import type { Token } from "./token.ts";

/**
 * Fixtures: `test/fixtures/syntax/NAME.pacta` is parsed and dumped, and the dump compared with
 * `NAME.expected`. Run with `UPDATE_FIXTURES=1` to rewrite the expected files.
 */

/** A token as dumped: strings by their decoded value (on one line), the rest as written. */
function tokenText(t: Token): string {
  return t.kind === "string" ? JSON.stringify(t.value) : t.text;
}

function dumpTrivia(items: readonly Trivia[], indent: string, out: string[]): void {
  for (const item of items) if (item.kind === "comment") out.push(indent + item.text);
}

function dumpStatements(statements: readonly Statement[], indent: string, out: string[]): void {
  for (const s of statements) {
    dumpTrivia(s.leading, indent, out);
    let line = indent + [s.keyword, ...s.args].map(tokenText).join(" ");
    if (s.citations.length > 0) line += ` [${s.citations.map((c) => c.text).join(", ")}]`;
    if (s.block !== undefined) line += " {";
    if (s.trailing !== undefined) line += `  ${s.trailing}`;
    out.push(line);
    if (s.block !== undefined) {
      dumpStatements(s.block.statements, `${indent}  `, out);
      dumpTrivia(s.block.dangling, `${indent}  `, out);
      out.push(indent + (s.block.close === undefined ? "<unclosed>" : "}"));
    }
  }
}

/** A readable dump: statements with comments, then diagnostics as `CODE line:col`. */
function dump(tree: SyntaxTree): string {
  const out: string[] = [];
  dumpStatements(tree.statements, "", out);
  dumpTrivia(tree.dangling, "", out);
  out.push("--- diagnostics");
  for (const d of tree.diagnostics) out.push(`${d.code} ${d.at.line}:${d.at.column}`);
  return `${out.join("\n")}\n`;
}

/** Checks that formatting is stable and keeps what the tree dump shows. */
function expectFormatStable(tree: SyntaxTree): void {
  const formatted = format(tree);
  const again = parse(formatted, tree.file);
  expect(again.diagnostics).toEqual([]);
  expect(format(again)).toBe(formatted);
  expect(dump(again)).toBe(dump(tree));
}

describe("syntax fixtures", () => {
  const cases = fixtures("syntax");

  it("has fixtures", () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, fixture) => {
    const tree = parse(fixture.text, fixture.file);
    const actual = dump(tree);
    expect(actual).toBe(expectedText(fixture.path, "expected", actual));
    if (tree.diagnostics.length === 0) expectFormatStable(tree);
  });
});

describe("corpus and examples", () => {
  const root = new URL("../../../", import.meta.url);
  const documents: string[] = [];
  for (const folder of ["corpus", "examples"]) {
    if (!existsSync(new URL(folder, root))) continue;
    const entries = readdirSync(new URL(folder, root), { recursive: true, encoding: "utf8" });
    for (const entry of entries) if (entry.endsWith(".pacta")) documents.push(`${folder}/${entry}`);
  }

  it.each(documents.sort())("%s parses and formats stably", (path) => {
    const tree = parse(readFileSync(new URL(path, root), "utf8"), path);
    expect(tree.diagnostics.map((d) => `${d.code} ${d.at.line}:${d.at.column}`)).toEqual([]);
    expectFormatStable(tree);
  });
});
