import type { HistDate } from "../calendar/hist-date.ts";
import type { Location } from "../diagnostics/location.ts";

export type Reliability = "strong" | "normal" | "weak";

/** Where a fact was read: a document, an archive file, a data set. */
export interface Source {
  readonly kind: "source";
  readonly id: string;
  readonly title: string;
  readonly url?: string;
  readonly archive?: string;
  readonly says?: string;
  readonly author?: string;
  readonly published?: HistDate;
  readonly reliability: Reliability;
  readonly note?: string;
  readonly at: Location;
}
