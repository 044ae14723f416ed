import type { Value } from "../model/value.ts";
import type { ArgCursor } from "./arg-cursor.ts";
import type { ReferenceLog } from "./references.ts";

const clauseWords = new Set(["by", "to", "with", "against"]);

/**
 * Reads the objects of an act or event up to a clause word (`by`, `to`, …): ids, amounts with an
 * optional unit (`60_000_000 USD`), ranges (`100..200 helicopters`), percentages, strings.
 */
export function readValues(cursor: ArgCursor, refs: ReferenceLog, role: string): Value[] {
  const values: Value[] = [];
  for (;;) {
    const token = cursor.peek();
    if (!token || (token.kind === "ident" && clauseWords.has(token.value))) break;
    if (token.kind === "comma") {
      cursor.next();
      continue;
    }
    const value = readValue(cursor, refs, role);
    if (!value) break;
    values.push(value);
  }
  return values;
}

/** The unit after an amount or a range, if an identifier other than a clause word follows. */
function readUnit(cursor: ArgCursor): string | undefined {
  const next = cursor.peek();
  if (next?.kind === "ident" && !clauseWords.has(next.value)) {
    cursor.next();
    return next.value;
  }
  return undefined;
}

export function readValue(cursor: ArgCursor, refs: ReferenceLog, role: string): Value | undefined {
  const token = cursor.peek();
  if (!token) return undefined;
  switch (token.kind) {
    case "ident":
      cursor.next();
      refs.add(token.value, [], cursor.at(token), role);
      return { kind: "ref", id: token.value };
    case "string":
      cursor.next();
      return { kind: "text", text: token.value };
    case "percent":
      cursor.next();
      return { kind: "percent", value: Number(token.value) };
    case "number": {
      cursor.next();
      const u = readUnit(cursor);
      return u === undefined
        ? { kind: "quantity", amount: Number(token.value) }
        : { kind: "quantity", amount: Number(token.value), unit: u };
    }
    case "range": {
      const [a, b] = token.value.split("..");
      const min = Number(a);
      const max = Number(b);
      if (!Number.isFinite(min) || !Number.isFinite(max) || token.value.includes("-")) {
        cursor.report(
          "PCT102",
          `'${token.text}' is not a range of numbers such as 100..200`,
          cursor.at(token),
        );
        cursor.next();
        return undefined;
      }
      cursor.next();
      if (max < min)
        cursor.report(
          "PCT102",
          `The range '${token.text}' ends below its start: write the smaller number first`,
          cursor.at(token),
        );
      const u = readUnit(cursor);
      return u === undefined ? { kind: "range", min, max } : { kind: "range", min, max, unit: u };
    }
    default:
      cursor.report(
        "PCT102",
        `Expected an id, an amount, a range or a percentage as ${role}, found '${token.text}'`,
        cursor.at(token),
      );
      cursor.next();
      return undefined;
  }
}
