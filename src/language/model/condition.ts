import type { PatternTerm } from "./pattern.ts";

/** A fact applied to terms; for a fact with values, `value` is the value it must hold. */
export interface FactCondition {
  readonly kind: "fact";
  readonly fact: string;
  readonly args: readonly PatternTerm[];
  /** `status(?m) = voting`: the value of a multi-valued fact (any value when absent). */
  readonly value?: string;
}

/** A number in a comparison: a constant, or how many values of a variable make a body hold. */
export type Quantity =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "count"; readonly variable: string; readonly body: Condition };

export type Comparison = "at-least" | "at-most" | "more-than" | "fewer-than" | "equal-to";

/** A condition over facts, evaluated on a day. */
export type Condition =
  | FactCondition
  | { readonly kind: "not"; readonly operand: Condition }
  | { readonly kind: "and"; readonly operands: readonly Condition[] }
  | { readonly kind: "or"; readonly operands: readonly Condition[] }
  | { readonly kind: "any"; readonly variable: string; readonly body: Condition }
  | {
      readonly kind: "compare";
      readonly left: Quantity;
      readonly op: Comparison;
      readonly right: Quantity;
    };
