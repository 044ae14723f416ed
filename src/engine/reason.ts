import type { Day } from "../language/calendar/day.ts";

export type ReasonKind = "event" | "deadline" | "rule" | "amendment" | "relation" | "condition";

/** Something a reason rests on: the state of another instrument, provision or fact on a day. */
export interface Cause {
  readonly kind: "instrument" | "provision" | "fact";
  /** Instrument id, qualified provision id, or fact key such as `at-war(prc,japan)`. */
  readonly id: string;
  readonly day: Day;
}

/**
 * Why a state began: a readable sentence, what decided it, and the sources behind it. The
 * engine's reasons write their sentence when it is read (see LazyReason); absent fields may be
 * present as undefined.
 */
export interface Reason {
  readonly kind: ReasonKind;
  readonly summary: string;
  /** The id of the event that decided it. */
  readonly event?: string | undefined;
  /** The text of the time-expression limb that governed or fired. */
  readonly limb?: string | undefined;
  /** The instrument that caused it (amending, relating, or the provision's own instrument). */
  readonly instrument?: string | undefined;
  /** The rule applied, as written (`in-force on ratification`, `renewal 5 years notice 1 year`). */
  readonly rule?: string | undefined;
  /** Source ids behind the reason, without duplicates. */
  readonly sources: readonly string[];
  /** The states this one rests on; `explain` follows them. */
  readonly because?: readonly Cause[] | undefined;
}

/** Concatenates source lists, keeping the first occurrence of each id. */
export function mergeSources(...lists: readonly (readonly string[])[]): readonly string[] {
  let out: readonly string[] = [];
  for (const list of lists) {
    if (list.length === 0) continue;
    if (out.length === 0) {
      out = list;
      continue;
    }
    if (list === out) continue;
    const merged = out.slice();
    for (const id of list) if (!merged.includes(id)) merged.push(id);
    out = merged;
  }
  return out;
}
