import type { TimeExpression } from "../model/time-expression.ts";
import { type ArgCursor, describe } from "./arg-cursor.ts";
import { type AnchorContext, readAnchor } from "./read-anchor.ts";
import { isDateToken, isDurationAhead, readDate, readDuration } from "./read-date.ts";
import { readPattern } from "./read-pattern.ts";

/**
 * Reads a time expression: limbs joined by `but not later than` (the earliest governs), or
 * `earliest of (…)` / `latest of (…)`.
 */
export function readTimeExpression(
  cursor: ArgCursor,
  ctx: AnchorContext,
  what: string,
): TimeExpression | undefined {
  const start = cursor.position;
  const first = readLimb(cursor, ctx, what);
  if (!first) return undefined;
  const limbs = [first];
  while (cursor.eatWords("but", "not", "later", "than")) {
    const limb = readLimb(cursor, ctx, what);
    if (!limb) return undefined;
    limbs.push(limb);
  }
  if (limbs.length === 1) return first;
  return { kind: "earliest", limbs, text: cursor.textFrom(start), at: first.at };
}

function readLimb(cursor: ArgCursor, ctx: AnchorContext, what: string): TimeExpression | undefined {
  const start = cursor.position;
  const startToken = cursor.peek();
  if (!startToken) {
    return cursor.report(
      "PCT102",
      `Expected ${what}: a date, 'end of DATE', 'DURATION after ANCHOR', 'within DURATION of ANCHOR' or 'on EVENT'`,
    );
  }
  const at = cursor.at(startToken);
  for (const kind of ["earliest", "latest"] as const) {
    if (cursor.isWord(kind) && cursor.isWord("of", 1)) {
      cursor.next();
      cursor.next();
      if (!cursor.eatKind("lparen")) {
        return cursor.report(
          "PCT102",
          `Expected '(' after '${kind} of', with the limbs separated by commas`,
        );
      }
      const limbs: TimeExpression[] = [];
      for (;;) {
        const limb = readTimeExpression(cursor, ctx, what);
        if (!limb) return undefined;
        limbs.push(limb);
        if (cursor.eatKind("comma")) continue;
        if (cursor.eatKind("rparen")) break;
        return cursor.report(
          "PCT102",
          `Expected ',' or ')' in '${kind} of (…)', found ${describe(cursor.peek())}`,
        );
      }
      return { kind, limbs, text: cursor.textFrom(start), at };
    }
  }
  if (cursor.isWord("end") && cursor.isWord("of", 1)) {
    cursor.next();
    cursor.next();
    const date = readDate(cursor, `the period whose end is ${what}`);
    return date ? { kind: "date", date, text: cursor.textFrom(start), at } : undefined;
  }
  if (isDateToken(startToken) && !isDurationAhead(cursor)) {
    const date = readDate(cursor, what);
    return date ? { kind: "date", date, text: cursor.textFrom(start), at } : undefined;
  }
  if (cursor.eatWord("within")) {
    const duration = readDuration(cursor, what);
    if (!duration || !cursor.expectWord("of", `after the duration in ${what}`)) return undefined;
    const anchor = readAnchor(cursor, ctx, what);
    return anchor
      ? { kind: "after", duration, anchor, text: cursor.textFrom(start), at }
      : undefined;
  }
  if (isDurationAhead(cursor)) {
    const duration = readDuration(cursor, what);
    if (!duration || !cursor.expectWord("after", `after the duration in ${what}`)) return undefined;
    const anchor = readAnchor(cursor, ctx, what);
    return anchor
      ? { kind: "after", duration, anchor, text: cursor.textFrom(start), at }
      : undefined;
  }
  if (cursor.eatWord("on")) {
    const pattern = readPattern(cursor, ctx, what);
    return pattern ? { kind: "on", pattern, text: cursor.textFrom(start), at } : undefined;
  }
  return cursor.report(
    "PCT102",
    `Expected ${what}: a date, 'end of DATE', 'DURATION after ANCHOR', 'within DURATION of ANCHOR' or 'on EVENT', found ${describe(startToken)}`,
  );
}
