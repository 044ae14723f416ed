import type { Day } from "../language/calendar/day.ts";
import type { Event } from "../language/model/event.ts";
import type { ConditionEvaluator, GroundAtom } from "./condition-evaluator.ts";
import { dayText } from "./day-text.ts";
import type { FactStore } from "./fact-store.ts";
import { formatCondition } from "./format-condition.ts";
import { describeEvent } from "./format-event.ts";
import { mergeSources, type Reason } from "./reason.ts";

interface Tracked {
  readonly atom: GroundAtom;
  holds: boolean;
}

/**
 * The derived fact instances the model's conditions name with known values
 * (`attacked-by-japan-or-ally(prc)`): each gets a timeline, re-evaluated whenever a primitive
 * fact it depends on starts or ends.
 */
export class DerivedFacts {
  private readonly tracked: Tracked[] = [];
  private readonly keys = new Set<string>();
  private readonly byPrimitive = new Map<string, Tracked[]>();

  constructor(
    private readonly evaluator: ConditionEvaluator,
    private readonly store: FactStore,
  ) {}

  track(atom: GroundAtom): void {
    if (atom.fact.derived === undefined || this.keys.has(atom.key)) return;
    this.keys.add(atom.key);
    const entry: Tracked = { atom, holds: false };
    this.tracked.push(entry);
    for (const primitive of this.evaluator.factDependencies(atom.fact.id)) {
      let list = this.byPrimitive.get(primitive);
      if (list === undefined) {
        list = [];
        this.byPrimitive.set(primitive, list);
      }
      list.push(entry);
    }
  }

  /** Whether a tracked instance depends on a primitive fact. */
  dependsOn(name: string): boolean {
    return this.byPrimitive.has(name);
  }

  /** Evaluates every tracked instance when the replay starts. */
  initialise(day: Day): void {
    for (const entry of this.tracked) this.update(entry, day, null, true);
  }

  /** Re-evaluates the instances that depend on the primitive facts an event changed. */
  refresh(changed: ReadonlySet<string>, day: Day, event: Event | null): void {
    const seen = new Set<Tracked>();
    for (const name of changed)
      for (const entry of this.byPrimitive.get(name) ?? []) {
        if (seen.has(entry)) continue;
        seen.add(entry);
        this.update(entry, day, event, false);
      }
  }

  private update(entry: Tracked, day: Day, event: Event | null, initial: boolean): void {
    const { fact, args, key } = entry.atom;
    const holds = this.evaluator.factHolds(fact, args);
    if (holds === entry.holds) return;
    entry.holds = holds;
    if (!holds) {
      this.store.close(key, day);
      return;
    }
    const condition = fact.derived === undefined ? "" : formatCondition(fact.derived);
    const reason: Reason =
      event === null
        ? {
            kind: "condition",
            summary: initial
              ? `${key} holds when the replay starts: ${condition}`
              : `${key} holds from ${dayText(day)}: ${condition}`,
            sources: fact.sources,
          }
        : {
            kind: "condition",
            summary: `${key} holds from ${describeEvent(event)}: ${condition}`,
            event: event.id,
            sources: mergeSources(event.sources, fact.sources),
          };
    this.store.open(key, day, reason);
  }
}
