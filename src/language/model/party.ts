import type { Location } from "../diagnostics/location.ts";

export type PartyKind = "state" | "government" | "institution" | "organisation";

/** A state, a government, or a joint institution that can hold duties and powers. */
export interface Party {
  readonly kind: "party";
  readonly id: string;
  readonly name: string;
  readonly partyKind: PartyKind;
  readonly cow?: number;
  readonly iso?: string;
  readonly wikidata?: string;
  /** For institutions: the parties that compose it. */
  readonly members: readonly string[];
  /** For governments: the state they govern. */
  readonly governs?: string;
  readonly note?: string;
  readonly sources: readonly string[];
  readonly at: Location;
}
