import type { Location } from "../diagnostics/location.ts";
import type { Anchor } from "./anchor.ts";
import type { Condition } from "./condition.ts";
import type { EventPattern } from "./pattern.ts";
import type { TimeExpression } from "./time-expression.ts";
import type { Value } from "./value.ts";

export type Modality = "duty" | "prohibition" | "permission" | "power";

/** The act a provision is about, with its objects. */
export interface Act {
  readonly verb: string;
  readonly objects: readonly Value[];
}

/**
 * The fields of a provision that an amendment may replace. `due`, `until`, `when`,
 * `fulfilledBy`, `violatedBy` and `from` may each be replaced from a date on.
 */
export interface ProvisionTerms {
  readonly from: Anchor;
  readonly when?: Condition;
  readonly due?: TimeExpression;
  readonly until?: TimeExpression;
  readonly fulfilledBy?: EventPattern;
  readonly violatedBy?: EventPattern;
}

/** A duty, prohibition, permission or power in an article of an instrument. */
export interface Provision extends ProvisionTerms {
  readonly kind: "provision";
  /** Qualified id: `INSTRUMENT.PROVISION`. */
  readonly id: string;
  /** The id as written inside its instrument. */
  readonly localId: string;
  readonly instrument: string;
  /** The article number as written, if the provision sits in an article. */
  readonly article?: string;
  readonly modality: Modality;
  /** A paraphrase of what it says. */
  readonly title: string;
  readonly holders: readonly string[];
  readonly counterparties: readonly string[];
  readonly act?: Act;
  readonly text?: string;
  readonly note?: string;
  readonly sources: readonly string[];
  readonly at: Location;
}
