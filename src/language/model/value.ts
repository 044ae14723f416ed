/** An object of an act or event: an id, an amount with a unit, a range, a percentage or text. */
export type Value =
  | { readonly kind: "ref"; readonly id: string }
  | { readonly kind: "quantity"; readonly amount: number; readonly unit?: string }
  | { readonly kind: "range"; readonly min: number; readonly max: number; readonly unit?: string }
  | { readonly kind: "percent"; readonly value: number }
  | { readonly kind: "text"; readonly text: string };
