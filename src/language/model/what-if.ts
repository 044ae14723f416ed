import type { HistDate } from "../calendar/hist-date.ts";
import type { Location } from "../diagnostics/location.ts";
import type { Event } from "./event.ts";

/** A counterfactual: events added, removed or moved, and perhaps another reading. */
export interface WhatIf {
  readonly kind: "what-if";
  readonly id: string;
  readonly description: string;
  readonly add: readonly Event[];
  readonly remove: readonly string[];
  readonly move: readonly { readonly event: string; readonly date: HistDate }[];
  readonly reading?: string;
  readonly at: Location;
}
