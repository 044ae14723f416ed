import { describe, expect, it } from "vitest";
import { compile } from "../compile.ts";
import { modelToJson } from "../model-to-json.ts";
import { parse, parseEach } from "../syntax/parser.ts";
import { Declarations } from "./declarations.ts";
import { ReferenceLog } from "./references.ts";
import { inFileOrder, Resolver, resolve } from "./resolve.ts";

const documents = [
  {
    file: "b.pacta",
    text: "event e1 1950-02-14 sign t by prc to ussr [s]\nevent e2 1950-02-15 visit by nobody\n",
  },
  { file: "a.pacta", text: 'source s "A source"\nparty prc "PRC"\nparty ussr "USSR"\n' },
  { file: "c.pacta", text: "party prc\n@\n" },
];

describe("Resolver", () => {
  it("adding trees one at a time in file order gives the model and diagnostics of resolve", () => {
    const trees = documents.map((d) => parse(d.text, d.file));
    const whole = resolve(trees);
    const resolver = new Resolver();
    for (const tree of inFileOrder(trees)) resolver.add(tree);
    const stepwise = resolver.finish();
    expect(modelToJson(stepwise.model)).toEqual(modelToJson(whole.model));
    expect(stepwise.diagnostics).toEqual(whole.diagnostics);
    expect(whole.diagnostics.map((d) => `${d.code} ${d.at.file}:${d.at.line}`)).toEqual([
      "PCT104 b.pacta:1",
      "PCT110 b.pacta:2",
      "PCT102 c.pacta:1",
      "PCT103 c.pacta:1",
      "PCT001 c.pacta:2",
    ]);
  });

  it("resolving each statement as it is parsed gives what resolving the tree gives", () => {
    const whole = new Resolver();
    const each = new Resolver();
    for (const d of inFileOrder(documents)) {
      whole.add(parse(d.text, d.file));
      each.addDocument(d.text, d.file);
    }
    const a = whole.finish();
    const b = each.finish();
    expect(modelToJson(b.model)).toEqual(modelToJson(a.model));
    expect(b.diagnostics).toEqual(a.diagnostics);
  });

  it("parseEach hands over the top-level statements of parse, each once complete", () => {
    const text = 'party a "A" { kind state } # after\nx; y [s] {\n  z\n}\n@\nlast';
    const seen: string[] = [];
    const tree = parseEach(text, "t.pacta", (s) => seen.push(JSON.stringify(s)));
    const full = parse(text, "t.pacta");
    expect(seen).toEqual(full.statements.map((s) => JSON.stringify(s)));
    expect(tree.statements).toEqual([]);
    expect(tree.diagnostics).toEqual(full.diagnostics);
    expect(seen.length).toBe(4);
  });

  it("compile keeps no tree, and parses the documents again when its trees are read", () => {
    const compilation = compile(documents);
    const trees = compilation.trees;
    expect(trees.map((t) => t.file)).toEqual(["b.pacta", "a.pacta", "c.pacta"]);
    expect(compilation.trees).toBe(trees);
    expect(JSON.stringify(trees)).toBe(JSON.stringify(documents.map((d) => parse(d.text, d.file))));
    expect(compilation.diagnostics).toEqual(resolve(trees).diagnostics);
  });

  it("orders documents by file name, keeping the given order among equal names", () => {
    const items = [
      { file: "b", n: 1 },
      { file: "a", n: 2 },
      { file: "b", n: 3 },
    ];
    expect(inFileOrder(items).map((x) => x.n)).toEqual([2, 1, 3]);
  });
});

describe("ReferenceLog", () => {
  it("gives back each reference as added, with equal lists of kinds shared", () => {
    const log = new ReferenceLog();
    for (let i = 0; i < 3000; i++) {
      log.add(
        `p${i}`,
        i % 2 === 0 ? ["party"] : [],
        { file: "f", from: i, to: i + 2, line: i + 1, column: 3 },
        "a role",
      );
    }
    expect(log.size).toBe(3000);
    expect(log.reference(2998)).toEqual({
      id: "p2998",
      kinds: ["party"],
      at: { file: "f", from: 2998, to: 3000, line: 2999, column: 3 },
      role: "a role",
    });
    expect(log.kinds(0)).toBe(log.kinds(2));
    expect(log.kinds(1)).toEqual([]);
  });
});

describe("Declarations", () => {
  it("gives back each declaration's kind and place, and the ids in order", () => {
    const declarations = new Declarations();
    for (let i = 0; i < 1000; i++) {
      declarations.add(`e${i}`, i % 3 === 0 ? "event" : "what-if", {
        file: `f${i % 2}`,
        from: i,
        to: i + 1,
        line: i + 2,
        column: i + 3,
      });
    }
    expect(declarations.size).toBe(1000);
    expect(declarations.kindOf("e999")).toBe("event");
    expect(declarations.kindOf("e998")).toBe("what-if");
    expect(declarations.kindOf("nothing")).toBeUndefined();
    expect(declarations.get("e7")).toEqual({
      kind: "what-if",
      at: { file: "f1", from: 7, to: 8, line: 9, column: 10 },
    });
    expect([...declarations.ids()].slice(0, 3)).toEqual(["e0", "e1", "e2"]);
  });
});
