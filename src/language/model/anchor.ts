import type { HistDate } from "../calendar/hist-date.ts";
import type { EventPattern } from "./pattern.ts";

/** A point that starts something: a provision's activation, or the start of a duration. */
export type Anchor =
  | { readonly kind: "entry-into-force" }
  | { readonly kind: "signature" }
  | { readonly kind: "date"; readonly date: HistDate }
  | { readonly kind: "event"; readonly pattern: EventPattern }
  /** A provision (qualified id) becoming fulfilled or violated: how consequences are written. */
  | { readonly kind: "fulfilment"; readonly provision: string }
  | { readonly kind: "violation"; readonly provision: string };
