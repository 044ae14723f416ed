import type { Asset } from "./asset.ts";
import type { Claim, Contested, Reading } from "./contested.ts";
import type { Event } from "./event.ts";
import type { Fact } from "./fact.ts";
import type { Instrument } from "./instrument.ts";
import type { Party } from "./party.ts";
import type { Provision } from "./provision.ts";
import type { Source } from "./source.ts";
import type { WhatIf } from "./what-if.ts";

/**
 * The resolved model of a set of documents: every reference checked, every id unique. Maps
 * iterate in a deterministic order (sorted by id) so that results never depend on file order.
 */
export interface Model {
  readonly sources: ReadonlyMap<string, Source>;
  readonly parties: ReadonlyMap<string, Party>;
  readonly assets: ReadonlyMap<string, Asset>;
  readonly instruments: ReadonlyMap<string, Instrument>;
  /** By qualified id `INSTRUMENT.PROVISION`. */
  readonly provisions: ReadonlyMap<string, Provision>;
  readonly facts: ReadonlyMap<string, Fact>;
  /** All events, including those of claims, sorted by (first day, id). */
  readonly events: readonly Event[];
  readonly contested: ReadonlyMap<string, Contested>;
  readonly claims: ReadonlyMap<string, Claim>;
  readonly readings: ReadonlyMap<string, Reading>;
  readonly whatIfs: ReadonlyMap<string, WhatIf>;
}
