import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Location } from "../diagnostics/location.ts";
import { type DiagnosticCode, diagnostic } from "../diagnostics/messages.ts";
import type { Asset } from "../model/asset.ts";
import type { Claim, Contested, Reading } from "../model/contested.ts";
import type { Event } from "../model/event.ts";
import type { Fact } from "../model/fact.ts";
import type { Instrument } from "../model/instrument.ts";
import type { Party } from "../model/party.ts";
import type { Provision } from "../model/provision.ts";
import type { Source } from "../model/source.ts";
import type { WhatIf } from "../model/what-if.ts";
import { locationOf } from "../syntax/location-of.ts";
import type { Statement } from "../syntax/syntax-tree.ts";
import { ArgCursor } from "./arg-cursor.ts";
import { Declarations } from "./declarations.ts";
import { type DeclarationKind, ReferenceLog } from "./references.ts";

const noSources: readonly string[] = [];

/** The mutable workspace of one resolution; the resolved model is built from it at the end. */
export class ResolveContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly refs = new ReferenceLog();
  readonly declarations = new Declarations();
  readonly sources: Source[] = [];
  readonly parties: Party[] = [];
  readonly assets: Asset[] = [];
  readonly instruments: Instrument[] = [];
  readonly provisions: Provision[] = [];
  readonly facts: Fact[] = [];
  readonly events: Event[] = [];
  readonly contested: Contested[] = [];
  readonly claims: Claim[] = [];
  readonly readings: Reading[] = [];
  readonly whatIfs: WhatIf[] = [];
  /** Source ids that something cites. */
  readonly cited = new Set<string>();
  /** The lists of ids handed out so far, by their ids joined with spaces. */
  private readonly sourceLists = new Map<string, readonly string[]>();

  constructor(public file: string) {}

  cursor(statement: Statement): ArgCursor {
    return new ArgCursor(this.file, statement, this.diagnostics);
  }

  report(code: DiagnosticCode, at: Location, message: string): void {
    this.diagnostics.push(diagnostic(code, at, message));
  }

  /** Registers an id; reports a duplicate and returns false if it is taken. */
  declare(id: string, kind: DeclarationKind, at: Location): boolean {
    const previous = this.declarations.get(id);
    if (previous) {
      this.report(
        "PCT103",
        at,
        `The id '${id}' is already used by a ${previous.kind} at ${previous.at.file}:${previous.at.line}:${previous.at.column}: give this ${kind} another id`,
      );
      return false;
    }
    this.declarations.add(id, kind, at);
    return true;
  }

  /**
   * The statement's own citations, added to those it inherits from enclosing blocks. Equal lists
   * are one shared array (a corpus cites the same few sources over and over).
   */
  citations(statement: Statement, inherited: readonly string[] = noSources): readonly string[] {
    const tokens = statement.citations;
    if (tokens.length === 0) return this.shared(inherited);
    const ids = inherited.slice();
    for (const token of tokens) {
      this.refs.add(token.value, ["source"], locationOf(this.file, token), "a citation");
      this.cited.add(token.value);
      if (!ids.includes(token.value)) ids.push(token.value);
    }
    return this.shared(ids);
  }

  /**
   * One shared array per distinct list of ids (sources, or the actors and targets of events): a
   * corpus names the same few over and over.
   */
  shared(ids: readonly string[]): readonly string[] {
    if (ids.length === 0) return noSources;
    const key = ids.length === 1 ? ids[0]! : ids.join(" ");
    let shared = this.sourceLists.get(key);
    if (shared === undefined) {
      shared = ids.slice();
      this.sourceLists.set(key, shared);
    }
    return shared;
  }

  location(statement: Statement): Location {
    return locationOf(this.file, statement.keyword);
  }

  unknownField(statement: Statement, where: string, known: readonly string[]): void {
    this.report(
      "PCT101",
      this.location(statement),
      `Unknown field '${statement.keyword.value}' in ${where}: expected one of ${known.join(", ")}`,
    );
  }

  noBlock(statement: Statement, what: string): void {
    if (statement.block) {
      this.report(
        "PCT102",
        locationOf(this.file, statement.block.open),
        `${what} takes no block: remove the braces`,
      );
    }
  }
}
