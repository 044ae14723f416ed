import type { Anchor } from "../model/anchor.ts";
import { type ArgCursor, describe } from "./arg-cursor.ts";
import { isDateToken, readDate } from "./read-date.ts";
import { type PatternContext, readPattern } from "./read-pattern.ts";

export interface AnchorContext extends PatternContext {
  /** Qualifies a provision id written inside an instrument. */
  qualify(id: string): string;
}

// Anchors without an id or date are the same wherever they are written: one object each.
const ENTRY_INTO_FORCE: Anchor = { kind: "entry-into-force" };
const SIGNATURE: Anchor = { kind: "signature" };

/** `entry-into-force`, `signature`, a date, `fulfilment of P`, `violation of P`, or a pattern. */
export function readAnchor(
  cursor: ArgCursor,
  ctx: AnchorContext,
  what: string,
): Anchor | undefined {
  if (cursor.eatWord("entry-into-force")) return ENTRY_INTO_FORCE;
  if (cursor.eatWord("signature")) return SIGNATURE;
  if (isDateToken(cursor.peek())) {
    const date = readDate(cursor, what);
    return date ? { kind: "date", date } : undefined;
  }
  for (const kind of ["fulfilment", "violation"] as const) {
    if (cursor.isWord(kind) && cursor.isWord("of", 1)) {
      cursor.next();
      cursor.next();
      const token = cursor.expectIdent(`the provision whose ${kind} starts ${what}`);
      if (!token) return undefined;
      const provision = ctx.qualify(token.value);
      ctx.refs.add(provision, ["provision"], cursor.at(token), `the ${kind} anchor of ${what}`);
      return { kind, provision };
    }
  }
  if (cursor.isKind("ident")) {
    const pattern = readPattern(cursor, ctx, what);
    return pattern ? { kind: "event", pattern } : undefined;
  }
  return cursor.report(
    "PCT102",
    `Expected ${what}: entry-into-force, signature, a date, 'fulfilment of ID', 'violation of ID' or an event pattern, found ${describe(cursor.peek())}`,
  );
}
