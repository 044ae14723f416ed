import type { Condition } from "../model/condition.ts";
import type { PatternTerm } from "../model/pattern.ts";
import { type ArgCursor, describe } from "./arg-cursor.ts";
import type { ReferenceLog } from "./references.ts";

/** Reads a condition: `or` of `and` of `not`/`any ?x:`/`(…)`/`fact(args)`. */
export function readCondition(
  cursor: ArgCursor,
  refs: ReferenceLog,
  what: string,
  params: ReadonlySet<string> = new Set(),
): Condition | undefined {
  const first = readAnd(cursor, refs, what, params);
  if (!first) return undefined;
  const operands = [first];
  while (cursor.eatWord("or")) {
    const next = readAnd(cursor, refs, what, params);
    if (!next) return undefined;
    operands.push(next);
  }
  return operands.length === 1 ? first : { kind: "or", operands };
}

function readAnd(
  cursor: ArgCursor,
  refs: ReferenceLog,
  what: string,
  params: ReadonlySet<string>,
): Condition | undefined {
  const first = readUnary(cursor, refs, what, params);
  if (!first) return undefined;
  const operands = [first];
  while (cursor.eatWord("and")) {
    const next = readUnary(cursor, refs, what, params);
    if (!next) return undefined;
    operands.push(next);
  }
  return operands.length === 1 ? first : { kind: "and", operands };
}

function readUnary(
  cursor: ArgCursor,
  refs: ReferenceLog,
  what: string,
  params: ReadonlySet<string>,
): Condition | undefined {
  if (cursor.eatWord("not")) {
    const operand = readUnary(cursor, refs, what, params);
    return operand ? { kind: "not", operand } : undefined;
  }
  if (cursor.isWord("any") && cursor.isKind("var", 1)) {
    cursor.next();
    const variable = cursor.next();
    if (!variable || !cursor.eatKind("colon")) {
      return cursor.report(
        "PCT102",
        `Expected ':' after 'any ${variable?.text ?? "?x"}' in ${what}`,
      );
    }
    const body = readUnary(cursor, refs, what, params);
    return body ? { kind: "any", variable: variable.value, body } : undefined;
  }
  if (cursor.eatKind("lparen")) {
    const inner = readCondition(cursor, refs, what, params);
    if (!inner) return undefined;
    if (!cursor.eatKind("rparen"))
      return cursor.report(
        "PCT102",
        `Expected ')' to close the condition in ${what}, found ${describe(cursor.peek())}`,
      );
    return inner;
  }
  const name = cursor.peek();
  if (name?.kind !== "ident") {
    return cursor.report(
      "PCT102",
      `Expected a fact such as at-war(prc, japan), 'not', 'any ?x:' or '(' in ${what}, found ${describe(name)}`,
    );
  }
  cursor.next();
  refs.add(name.value, ["fact"], cursor.at(name), `the condition of ${what}`);
  const args: PatternTerm[] = [];
  if (cursor.eatKind("lparen")) {
    if (!cursor.eatKind("rparen")) {
      for (;;) {
        const token = cursor.next();
        if (token?.kind === "var") args.push({ kind: "var", name: token.value });
        else if (token?.kind === "ident") {
          if (token.value === "holder") args.push({ kind: "holder" });
          else if (token.value === "counterparty") args.push({ kind: "counterparty" });
          else if (token.value === "any") args.push({ kind: "any" });
          else if (params.has(token.value)) args.push({ kind: "var", name: token.value });
          else {
            refs.add(token.value, [], cursor.at(token), `an argument of ${name.value}`);
            args.push({ kind: "id", id: token.value });
          }
        } else
          return cursor.report(
            "PCT102",
            `Expected an argument of ${name.value}, found ${describe(token)}`,
          );
        if (cursor.eatKind("comma")) continue;
        if (cursor.eatKind("rparen")) break;
        return cursor.report(
          "PCT102",
          `Expected ',' or ')' in the arguments of ${name.value}, found ${describe(cursor.peek())}`,
        );
      }
    }
  }
  return { kind: "fact", fact: name.value, args };
}
