import type { Location } from "../diagnostics/location.ts";

/** A thing an act is about: a railway, a port, installations, property. */
export interface Asset {
  readonly kind: "asset";
  readonly id: string;
  readonly name: string;
  readonly assetKind?: string;
  readonly note?: string;
  readonly sources: readonly string[];
  readonly at: Location;
}
