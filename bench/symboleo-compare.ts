/**
 * The comparison of both sides' transitions, one by one, through the state mapping; every
 * mismatch gets a reason.
 */
import type { Day } from "../src/language/index.ts";
import type { SymboleoTrace } from "./symboleo-driver.ts";
import type {
  Mismatch,
  Note,
  Scenario,
  Subject,
  SymboleoSample,
  Transition,
} from "./symboleo-sample.ts";
import { mapState } from "./symboleo-state-mapping.ts";

export interface Comparison {
  readonly symboleoTransitions: number;
  readonly pactaTransitions: number;
  readonly matches: number;
  readonly mismatches: readonly Mismatch[];
}

const key = (t: Transition): string => `${t.subject}\u0000${t.state}\u0000${t.day}`;

/**
 * Compares the transitions one by one: a transition matches when the other side has the same
 * subject entering the same (mapped) state on the same day. Every other transition is a mismatch,
 * explained: by the state mapping (no Pacta counterpart), by the sample, by a note Symboleo's run
 * left for that contract on or before that day, or as the same state on another day.
 */
export function compareTransitions<T, A extends string>(
  sample: SymboleoSample<T, A>,
  scenario: Scenario<T, A>,
  trace: SymboleoTrace,
  pacta: readonly Transition[],
): Comparison {
  const kinds = new Map<string, Subject["kind"]>();
  const contractOf = new Map<string, number>();
  scenario.contracts.forEach((terms, index) => {
    for (const s of sample.subjects(terms, index)) {
      kinds.set(s.id, s.kind);
      contractOf.set(s.id, index);
    }
  });
  const mapped: { t: Transition; symboleoState: string; none?: string }[] = [];
  for (const t of trace.transitions) {
    const m = mapState(kinds.get(t.subject) ?? "obligation", t.state);
    const entry =
      "pacta" in m
        ? { t: { ...t, state: m.pacta }, symboleoState: t.state }
        : { t, symboleoState: t.state, none: m.none };
    // Two Symboleo states with one Pacta counterpart in a row (Absent, then Create) are one.
    const previous = mapped.at(-1);
    if (
      previous !== undefined &&
      previous.t.subject === t.subject &&
      previous.t.state === entry.t.state
    )
      continue;
    mapped.push(entry);
  }
  const pactaKeys = new Map<string, number>();
  for (const t of pacta) pactaKeys.set(key(t), (pactaKeys.get(key(t)) ?? 0) + 1);
  const symboleoKeys = new Map<string, number>();
  for (const m of mapped)
    if (m.none === undefined) symboleoKeys.set(key(m.t), (symboleoKeys.get(key(m.t)) ?? 0) + 1);
  const symboleoMapped = mapped.filter((m) => m.none === undefined).map((m) => m.t);
  const notesByContract = new Map<number, Note[]>();
  for (const n of trace.notes) {
    const list = notesByContract.get(n.contract);
    if (list === undefined) notesByContract.set(n.contract, [n]);
    else list.push(n);
  }
  const earlier = new Map<string, { readonly reason: string; readonly day: Day }>();
  const reasonFor = (m: Omit<Mismatch, "reason">): string => {
    const own = sample.explain?.(
      { ...m, reason: "" },
      symboleoMapped.filter((t) => t.subject === m.subject),
      pacta.filter((t) => t.subject === m.subject),
    );
    if (own !== undefined) return own;
    const generic = knownDifference(
      m,
      symboleoMapped.filter((t) => t.subject === m.subject),
      pacta.filter((t) => t.subject === m.subject),
    );
    if (generic !== undefined) return generic;
    const notes = notesByContract.get(contractOf.get(m.subject) ?? -1) ?? [];
    const note = notes.filter((n) => n.day <= m.day).at(-1);
    if (note !== undefined) return note.text;
    const before = earlier.get(m.subject);
    if (before !== undefined)
      return before.day === m.day
        ? before.reason
        : `follows from an earlier difference on this subject: ${before.reason}`;
    const other = (m.side === "symboleo" ? pacta : symboleoMapped).find(
      (t) => t.subject === m.subject && t.state === m.state,
    );
    if (other !== undefined) return `same state on another day (${other.day - m.day} days later)`;
    return "unexplained";
  };
  const found: (Omit<Mismatch, "reason"> & { readonly reason?: string })[] = [];
  let matches = 0;
  for (const m of mapped) {
    if (m.none !== undefined) {
      found.push({
        side: "symboleo",
        subject: m.t.subject,
        state: m.symboleoState,
        day: m.t.day,
        symboleoState: m.symboleoState,
        reason: m.none,
      });
      continue;
    }
    const k = key(m.t);
    const left = pactaKeys.get(k) ?? 0;
    if (left > 0) {
      pactaKeys.set(k, left - 1);
      matches++;
      continue;
    }
    found.push({
      side: "symboleo",
      subject: m.t.subject,
      state: m.t.state,
      day: m.t.day,
      symboleoState: m.symboleoState,
    });
  }
  for (const t of pacta) {
    const k = key(t);
    const left = symboleoKeys.get(k) ?? 0;
    if (left > 0) {
      symboleoKeys.set(k, left - 1);
      continue;
    }
    found.push({ side: "pacta", subject: t.subject, state: t.state, day: t.day });
  }
  found.sort(
    (a, b) => a.day - b.day || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0),
  );
  const mismatches: Mismatch[] = found.map((m) => {
    const reason = m.reason ?? reasonFor(m);
    if (!earlier.has(m.subject)) earlier.set(m.subject, { reason, day: m.day });
    return { ...m, reason };
  });
  return {
    symboleoTransitions: mapped.length,
    pactaTransitions: pacta.length,
    matches,
    mismatches,
  };
}

export const neverCreated =
  "Symboleo never created this position, so the termination leaves it absent; Pacta discharges the pending provision with its instrument";

/** The differences every sample shows, recognised by what each side has on the mismatch's day. */
function knownDifference(
  m: Omit<Mismatch, "reason">,
  symboleo: readonly Transition[],
  pacta: readonly Transition[],
): string | undefined {
  const on = (list: readonly Transition[], state: string): boolean =>
    list.some((t) => t.day === m.day && t.state === state);
  const lastBefore = (list: readonly Transition[]): string | undefined =>
    list.filter((t) => t.day <= m.day && !(t.day === m.day && t.state === m.state)).at(-1)?.state;
  if (
    m.side === "pacta" &&
    m.state === "discharged" &&
    (lastBefore(symboleo) ?? "pending") === "pending"
  )
    return neverCreated;
  if (m.side === "symboleo" && m.state === "pending" && on(pacta, "discharged"))
    return neverCreated;
  return undefined;
}

/** Mismatches counted by reason, most frequent first. */
export function reasonsTally(mismatches: readonly Mismatch[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const m of mismatches) counts.set(m.reason, (counts.get(m.reason) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
