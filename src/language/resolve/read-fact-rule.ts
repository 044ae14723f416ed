import type { Condition, FactCondition } from "../model/condition.ts";
import type { FactRule, FactTrigger } from "../model/fact-rule.ts";
import type { EventPattern, PatternTerm } from "../model/pattern.ts";
import { type ArgCursor, describe } from "./arg-cursor.ts";
import { readCondition } from "./read-condition.ts";
import { isDurationAhead, readDuration } from "./read-date.ts";
import { readPattern } from "./read-pattern.ts";
import type { ReferenceLog } from "./references.ts";

const connectives = new Set(["when", "where", "unless", "and", "or", "not", "of", "on"]);

/** Rule text as written: `status(?m)` rather than `status (?m)`, `count ?v:` rather than `count ?v :`. */
function tidy(text: string): string {
  return text
    .replace(/([\w-]+) \(/g, (all, word: string) => (connectives.has(word) ? all : `${word}(`))
    .replace(/ :/g, ":");
}

/** A fact applied to terms, with an optional `= value`: `status(?m) = voted`. */
export function readFactAtom(
  cursor: ArgCursor,
  refs: ReferenceLog,
  what: string,
): FactCondition | undefined {
  const name = cursor.expectIdent(`a fact such as status(?m) in ${what}`);
  if (!name) return undefined;
  refs.add(name.value, ["fact"], cursor.at(name), what);
  const args: PatternTerm[] = [];
  if (cursor.eatKind("lparen") && !cursor.eatKind("rparen")) {
    for (;;) {
      const token = cursor.next();
      if (token?.kind === "var") args.push({ kind: "var", name: token.value });
      else if (token?.kind === "ident" && token.value === "any") args.push({ kind: "any" });
      else if (token?.kind === "ident") {
        refs.add(token.value, [], cursor.at(token), `an argument of ${name.value}`);
        args.push({ kind: "id", id: token.value });
      } else
        return cursor.report(
          "PCT102",
          `Expected an argument of ${name.value} (an id, a variable or 'any'), found ${describe(token)}`,
        );
      if (cursor.eatKind("comma")) continue;
      if (cursor.eatKind("rparen")) break;
      return cursor.report(
        "PCT102",
        `Expected ',' or ')' in the arguments of ${name.value}, found ${describe(cursor.peek())}`,
      );
    }
  }
  if (!cursor.eatKind("equals")) return { kind: "fact", fact: name.value, args };
  const value = cursor.expectIdent(`a value of ${name.value} after '='`);
  return value ? { kind: "fact", fact: name.value, args, value: value.value } : undefined;
}

/** `start of ATOM`, `end of ATOM` or an event pattern. */
function readTrigger(cursor: ArgCursor, refs: ReferenceLog, what: string): FactTrigger | undefined {
  if ((cursor.isWord("start") || cursor.isWord("end")) && cursor.isWord("of", 1)) {
    const edge = cursor.next()!.value === "start" ? "start" : "end";
    cursor.next();
    const first = cursor.peek();
    const atom = readFactAtom(cursor, refs, what);
    if (!atom || !first) return undefined;
    return {
      kind: "change",
      edge,
      fact: atom.fact,
      args: atom.args,
      ...(atom.value === undefined ? {} : { value: atom.value }),
      at: cursor.at(first),
    };
  }
  const pattern = readPattern(cursor, { refs }, what);
  return pattern ? { kind: "event", pattern } : undefined;
}

/** `where A and B`: fact atoms that test, or range over, the instances of other facts. */
function readWhere(
  cursor: ArgCursor,
  refs: ReferenceLog,
  what: string,
): FactCondition[] | undefined {
  const atoms: FactCondition[] = [];
  do {
    const atom = readFactAtom(cursor, refs, `the 'where' of ${what}`);
    if (!atom) return undefined;
    atoms.push(atom);
  } while (cursor.eatWord("and"));
  return atoms;
}

/**
 * The clauses after a trigger: `where ATOM and …`, `when CONDITION`, `unless PATTERN, …`, in
 * that order, each optional.
 */
function readClauses(
  cursor: ArgCursor,
  refs: ReferenceLog,
  what: string,
  params: ReadonlySet<string>,
): { where: FactCondition[]; when: Condition | undefined; unless: EventPattern[] } | undefined {
  let where: FactCondition[] = [];
  let when: Condition | undefined;
  const unless: EventPattern[] = [];
  if (cursor.eatWord("where")) {
    const atoms = readWhere(cursor, refs, what);
    if (!atoms) return undefined;
    where = atoms;
  }
  if (cursor.eatWord("when")) {
    when = readCondition(cursor, refs, `the 'when' of ${what}`, params);
    if (!when) return undefined;
  }
  if (cursor.eatWord("unless")) {
    do {
      const pattern = readPattern(cursor, { refs }, `the 'unless' of ${what}`);
      if (!pattern) return undefined;
      unless.push(pattern);
    } while (cursor.eatKind("comma"));
  }
  return { where, when, unless };
}

/**
 * One rule of a fact block, from the arguments of its field:
 * `starts|ends TRIGGER CLAUSES`, `becomes VALUE on TRIGGER CLAUSES`,
 * `becomes VALUE DURATION after VALUE`, `ends DURATION after VALUE`, or `lasts DURATION`.
 */
export function readFactRule(
  cursor: ArgCursor,
  refs: ReferenceLog,
  key: "starts" | "ends" | "becomes" | "lasts",
  fact: string,
): FactRule | undefined {
  const start = cursor.position;
  const at = cursor.here();
  const what = `a rule of ${fact}`;
  const finish = (rule: Omit<FactRule, "text" | "at">): FactRule => ({
    ...rule,
    text: `${key} ${tidy(cursor.textFrom(start))}`,
    at,
  });
  if (key === "lasts") {
    const after = readDuration(cursor, `how long ${fact} lasts`);
    if (!after) return undefined;
    return finish({ effect: "end", trigger: { kind: "timer", after }, where: [], unless: [] });
  }
  let value: string | undefined;
  if (key === "becomes") {
    const token = cursor.expectIdent(`the value ${fact} becomes`);
    if (!token) return undefined;
    value = token.value;
  }
  const effect = key === "ends" ? "end" : "start";
  const withValue = value === undefined ? {} : { value };
  if (isDurationAhead(cursor)) {
    const after = readDuration(cursor, `the time before ${fact} changes`);
    if (!after) return undefined;
    if (
      !cursor.expectWord("after", `after the duration in ${what}, as in '10 days after proposed'`)
    )
      return undefined;
    const from = cursor.expectIdent(`the value of ${fact} whose duration is counted`);
    if (!from) return undefined;
    return finish({
      effect,
      ...withValue,
      trigger: { kind: "timer", after, from: from.value },
      where: [],
      unless: [],
    });
  }
  if (
    key === "becomes" &&
    !cursor.expectWord("on", `after the value in ${what}, as in 'becomes voting on second ?m'`)
  )
    return undefined;
  const trigger = readTrigger(cursor, refs, what);
  if (!trigger) return undefined;
  const clauses = readClauses(cursor, refs, what, new Set());
  if (!clauses) return undefined;
  return finish({
    effect,
    ...withValue,
    trigger,
    where: clauses.where,
    ...(clauses.when === undefined ? {} : { when: clauses.when }),
    unless: clauses.unless,
  });
}
