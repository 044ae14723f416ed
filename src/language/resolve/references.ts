import type { Location } from "../diagnostics/location.ts";

/** What kind of declaration an id names. */
export type DeclarationKind =
  | "source"
  | "party"
  | "asset"
  | "instrument"
  | "provision"
  | "fact"
  | "event"
  | "contested"
  | "claim"
  | "reading"
  | "what-if";

/** A use of an id, checked once every declaration is known. */
export interface Reference {
  readonly id: string;
  /** Acceptable kinds; empty means any declared id. */
  readonly kinds: readonly DeclarationKind[];
  readonly at: Location;
  /** What the reference is for, to word the diagnostic. */
  readonly role: string;
}

/** Collects the references of a resolution pass. */
export class ReferenceLog {
  readonly references: Reference[] = [];

  add(id: string, kinds: readonly DeclarationKind[], at: Location, role: string): void {
    this.references.push({ id, kinds, at, role });
  }
}
