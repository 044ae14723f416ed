import type { Comparison, Condition, Quantity } from "../model/condition.ts";
import type { PatternTerm } from "../model/pattern.ts";
import { type ArgCursor, describe } from "./arg-cursor.ts";
import type { ReferenceLog } from "./references.ts";

/**
 * Reads a condition: `or` of `and` of `not`/`any ?x:`/`(…)`/`fact(args)`/`fact(args) = value`/
 * `QUANTITY at least|at most|more than|fewer than|equal to QUANTITY`, where a quantity is a
 * number or `count ?x: C`.
 */
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
  if ((cursor.isWord("count") && cursor.isKind("var", 1)) || cursor.isKind("number"))
    return readComparison(cursor, refs, what, params);
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
  if (cursor.eatKind("equals")) {
    const value = cursor.peek();
    if (value?.kind !== "ident")
      return cursor.report(
        "PCT102",
        `Expected a value of ${name.value} after '=' in ${what} (one of the values its 'values' field lists), found ${describe(value)}`,
      );
    cursor.next();
    return { kind: "fact", fact: name.value, args, value: value.value };
  }
  return { kind: "fact", fact: name.value, args };
}

const comparisons: readonly (readonly [string, string, Comparison])[] = [
  ["at", "least", "at-least"],
  ["at", "most", "at-most"],
  ["more", "than", "more-than"],
  ["fewer", "than", "fewer-than"],
  ["less", "than", "fewer-than"],
  ["equal", "to", "equal-to"],
];

function readQuantity(
  cursor: ArgCursor,
  refs: ReferenceLog,
  what: string,
  params: ReadonlySet<string>,
): Quantity | undefined {
  const number = cursor.eatKind("number");
  if (number) return { kind: "number", value: Number(number.value.replace(/_/g, "")) };
  if (cursor.isWord("count") && cursor.isKind("var", 1)) {
    cursor.next();
    const variable = cursor.next()!;
    if (!cursor.eatKind("colon"))
      return cursor.report(
        "PCT102",
        `Expected ':' after 'count ${variable.text}' in ${what}, as in 'count ?v: voted(?v, ?m) = aye'`,
      );
    const body = readUnary(cursor, refs, what, params);
    return body ? { kind: "count", variable: variable.value, body } : undefined;
  }
  return cursor.report(
    "PCT102",
    `Expected a number or 'count ?x: CONDITION' in ${what}, found ${describe(cursor.peek())}`,
  );
}

/** `QUANTITY OPERATOR QUANTITY`, e.g. `count ?v: voted(?v, ?m) = aye at least 3`. */
function readComparison(
  cursor: ArgCursor,
  refs: ReferenceLog,
  what: string,
  params: ReadonlySet<string>,
): Condition | undefined {
  const left = readQuantity(cursor, refs, what, params);
  if (!left) return undefined;
  const found = comparisons.find(([a, b]) => cursor.isWord(a) && cursor.isWord(b, 1));
  if (found === undefined)
    return cursor.report(
      "PCT102",
      `Expected a comparison ('at least', 'at most', 'more than', 'fewer than' or 'equal to') after the count in ${what}, found ${describe(cursor.peek())}`,
    );
  cursor.next();
  cursor.next();
  const right = readQuantity(cursor, refs, what, params);
  if (!right) return undefined;
  return { kind: "compare", left, op: found[2], right };
}
