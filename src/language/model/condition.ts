import type { PatternTerm } from "./pattern.ts";

/** A condition over facts, evaluated on a day. */
export type Condition =
  | { readonly kind: "fact"; readonly fact: string; readonly args: readonly PatternTerm[] }
  | { readonly kind: "not"; readonly operand: Condition }
  | { readonly kind: "and"; readonly operands: readonly Condition[] }
  | { readonly kind: "or"; readonly operands: readonly Condition[] }
  | { readonly kind: "any"; readonly variable: string; readonly body: Condition };
