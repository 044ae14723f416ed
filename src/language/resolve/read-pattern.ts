import type { EventPattern, PatternTerm } from "../model/pattern.ts";
import type { Token } from "../syntax/token.ts";
import { type ArgCursor, describe } from "./arg-cursor.ts";
import type { ReferenceLog } from "./references.ts";

const slotWords = new Set(["by", "to", "with", "against"]);
/** Words that end a pattern inside a time expression or condition. */
const stopWords = new Set(["but", "and", "or", "where", "when", "unless"]);
/** Words after a comma that start a new time limb rather than continue a list. */
const limbWords = new Set(["on", "end", "within", "earliest", "latest", "start"]);

// Terms without an id are the same wherever they are written: one object each, and one
// list for each short list of them (`by holder to counterparty` in every duty of a corpus).
const HOLDER: PatternTerm = { kind: "holder" };
const COUNTERPARTY: PatternTerm = { kind: "counterparty" };
const ANY: PatternTerm = { kind: "any" };
const NO_TERMS: readonly PatternTerm[] = [];
const roleLists = new Map<string, readonly PatternTerm[]>();

/** The list, or the shared list equal to it when it is empty or a few terms without ids. */
function shared(terms: PatternTerm[]): readonly PatternTerm[] {
  if (terms.length === 0) return NO_TERMS;
  if (terms.length > 3) return terms;
  let key = "";
  for (const term of terms) {
    if (term !== HOLDER && term !== COUNTERPARTY && term !== ANY) return terms;
    key += `${term.kind} `;
  }
  let list = roleLists.get(key);
  if (list === undefined) {
    list = terms;
    roleLists.set(key, list);
  }
  return list;
}

export interface PatternContext {
  readonly refs: ReferenceLog;
}

function isStop(token: Token | undefined): boolean {
  if (!token) return true;
  if (token.kind === "comma" || token.kind === "rparen" || token.kind === "lparen") return true;
  return token.kind === "ident" && (slotWords.has(token.value) || stopWords.has(token.value));
}

function readTerm(cursor: ArgCursor, ctx: PatternContext, role: string): PatternTerm | undefined {
  const token = cursor.peek();
  if (token?.kind === "var") {
    cursor.next();
    return { kind: "var", name: token.value };
  }
  if (token?.kind === "ident") {
    cursor.next();
    if (token.value === "holder") return HOLDER;
    if (token.value === "counterparty") return COUNTERPARTY;
    if (token.value === "any") return ANY;
    ctx.refs.add(
      token.value,
      role === "object" ? [] : ["party"],
      cursor.at(token),
      `the ${role} of a pattern`,
    );
    return { kind: "id", id: token.value };
  }
  return cursor.report(
    "PCT102",
    `Expected a party, a variable such as ?x, 'holder', 'counterparty' or 'any' as the ${role} of the pattern, found ${describe(token)}`,
  );
}

/** A comma-separated list of terms; stops before a comma that starts a time limb. */
function readTermList(cursor: ArgCursor, ctx: PatternContext, role: string): PatternTerm[] {
  const terms: PatternTerm[] = [];
  const first = readTerm(cursor, ctx, role);
  if (first) terms.push(first);
  while (cursor.isKind("comma")) {
    const after = cursor.peek(1);
    if (!(after?.kind === "ident" || after?.kind === "var")) break;
    if (after.kind === "ident" && limbWords.has(after.value)) break;
    cursor.next();
    const term = readTerm(cursor, ctx, role);
    if (term) terms.push(term);
  }
  return terms;
}

/** Reads `TYPE OBJECT… by ACTOR… to TARGET…`. */
export function readPattern(
  cursor: ArgCursor,
  ctx: PatternContext,
  what: string,
): EventPattern | undefined {
  const start = cursor.position;
  const typeToken = cursor.expectIdent(`an event type for ${what}`);
  if (!typeToken) return undefined;
  const objects: PatternTerm[] = [];
  const actors: PatternTerm[] = [];
  const targets: PatternTerm[] = [];
  while (!isStop(cursor.peek())) {
    const token = cursor.peek();
    if (token?.kind === "ident" || token?.kind === "var") {
      const term = readTerm(cursor, ctx, "object");
      if (term) objects.push(term);
    } else {
      cursor.report(
        "PCT102",
        `Expected an object id or 'by'/'to' in ${what}, found ${describe(token)}`,
      );
      cursor.next();
    }
  }
  for (;;) {
    if (cursor.eatWord("by")) actors.push(...readTermList(cursor, ctx, "actor"));
    else if (cursor.eatWord("to") || cursor.eatWord("with") || cursor.eatWord("against")) {
      targets.push(...readTermList(cursor, ctx, "target"));
    } else break;
  }
  const at = {
    ...cursor.at(typeToken),
    to: cursor.tokenAt(cursor.position - 1)?.to ?? typeToken.to,
  };
  return {
    type: typeToken.value,
    objects: shared(objects),
    actors: shared(actors),
    targets: shared(targets),
    text: cursor.textFrom(start),
    at,
  };
}
