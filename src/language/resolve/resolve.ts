import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Model } from "../model/model.ts";
import { parseEach } from "../syntax/parser.ts";
import type { Statement, SyntaxTree } from "../syntax/syntax-tree.ts";
import { checkFactRules } from "./check-fact-rules.ts";
import { checkModel } from "./check-model.ts";
import { checkReferences } from "./check-references.ts";
import { resolveContested, resolveReading, resolveWhatIf } from "./resolve-contested.ts";
import { ResolveContext } from "./resolve-context.ts";
import { resolveEvent } from "./resolve-event.ts";
import { resolveFact } from "./resolve-fact.ts";
import { resolveInstrument } from "./resolve-instrument.ts";
import { resolveAsset, resolveParty } from "./resolve-party.ts";
import { resolveSource } from "./resolve-source.ts";

export interface Resolution {
  readonly model: Model;
  /** Syntax diagnostics of the trees followed by resolution diagnostics, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
}

const topLevel = [
  "source",
  "party",
  "asset",
  "instrument",
  "fact",
  "event",
  "contested",
  "reading",
  "what-if",
];

/**
 * Resolves a set of parsed documents into one model: declarations are collected from every tree,
 * then references are checked. The order of the trees does not matter.
 */
export function resolve(trees: readonly SyntaxTree[]): Resolution {
  const resolver = new Resolver();
  for (const tree of inFileOrder(trees)) resolver.add(tree);
  return resolver.finish();
}

/** Documents (or trees) sorted by file name, those of one name in their given order. */
export function inFileOrder<T extends { readonly file: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * Resolution one tree at a time, so that a caller may parse a document, add it and let its tree
 * go before parsing the next: the model keeps nothing of a tree. Trees must be added in file
 * order (`inFileOrder`) for the model and its diagnostics to be those of `resolve`.
 */
export class Resolver {
  private readonly ctx = new ResolveContext("");

  add(tree: SyntaxTree): void {
    const ctx = this.ctx;
    ctx.diagnostics.push(...tree.diagnostics);
    ctx.file = tree.file;
    for (const statement of tree.statements) this.statement(statement);
  }

  /**
   * Parses a document and resolves each of its top-level statements as soon as it is parsed
   * (`parseEach`), so that no tree of the whole document is held: the same as `add(parse(…))`.
   */
  addDocument(text: string, file: string): void {
    const ctx = this.ctx;
    const start = ctx.diagnostics.length;
    ctx.file = file;
    const tree = parseEach(text, file, (statement) => this.statement(statement));
    // The syntax diagnostics come before the document's others, as with `add`.
    ctx.diagnostics.splice(start, 0, ...tree.diagnostics);
  }

  private statement(statement: Statement): void {
    const ctx = this.ctx;
    switch (statement.keyword.value) {
      case "source":
        resolveSource(ctx, statement);
        break;
      case "party":
        resolveParty(ctx, statement);
        break;
      case "asset":
        resolveAsset(ctx, statement);
        break;
      case "instrument":
        resolveInstrument(ctx, statement);
        break;
      case "fact":
        resolveFact(ctx, statement);
        break;
      case "event":
        resolveEvent(ctx, statement);
        break;
      case "contested":
        resolveContested(ctx, statement);
        break;
      case "reading":
        resolveReading(ctx, statement);
        break;
      case "what-if":
        resolveWhatIf(ctx, statement);
        break;
      default:
        ctx.report(
          "PCT101",
          ctx.location(statement),
          `Unknown statement '${statement.keyword.value}' at the top of a document: expected one of ${topLevel.join(", ")}`,
        );
    }
  }

  /** Checks the references and the model once every tree is added, and builds the model. */
  finish(): Resolution {
    const ctx = this.ctx;
    checkReferences(ctx);
    checkModel(ctx);
    checkFactRules(ctx);
    return { model: buildModel(ctx), diagnostics: sortDiagnostics(ctx.diagnostics) };
  }
}

function byId<T extends { readonly id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map(
    [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((x) => [x.id, x]),
  );
}

function buildModel(ctx: ResolveContext): Model {
  const events = [...ctx.events].sort(
    (a, b) => a.date.first - b.date.first || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return {
    sources: byId(ctx.sources),
    parties: byId(ctx.parties),
    assets: byId(ctx.assets),
    instruments: byId(ctx.instruments),
    provisions: byId(ctx.provisions),
    facts: byId(ctx.facts),
    events,
    contested: byId(ctx.contested),
    claims: byId(ctx.claims),
    readings: byId(ctx.readings),
    whatIfs: byId(ctx.whatIfs),
  };
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.at.file < b.at.file ? -1 : a.at.file > b.at.file ? 1 : 0) ||
      a.at.from - b.at.from ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
