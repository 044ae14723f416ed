import type { Day } from "../language/calendar/day.ts";
import type { Reason } from "./reason.ts";
import type { FactState, Interval } from "./timeline.ts";
import { TimelineBuilder } from "./timeline-builder.ts";

/**
 * One argument of a fact lookup: a value, a set of alternatives (any of them), or null for any
 * value at all.
 */
export type ArgOption = string | readonly string[] | null;

/** The key of a fact instance: `at-war(prc,japan)`. */
export function factKey(name: string, args: readonly string[]): string {
  return `${name}(${args.join(",")})`;
}

function accepts(option: ArgOption, value: string): boolean {
  if (option === null) return true;
  if (typeof option === "string") return option === value;
  return option.includes(value);
}

/**
 * The primitive facts holding now, and the timelines of every fact instance (primitive or
 * derived) that has held. Also the domain `any ?x` ranges over: every party and every value a
 * fact has been stated about.
 */
export class FactStore {
  private readonly holding = new Map<string, Map<string, readonly string[]>>();
  private readonly builders = new Map<string, TimelineBuilder<FactState>>();
  private readonly domainValues: string[] = [];
  private readonly domainSet = new Set<string>();

  constructor(seed: Iterable<string>) {
    for (const value of seed) this.addToDomain(value);
  }

  private addToDomain(value: string): void {
    if (this.domainSet.has(value)) return;
    this.domainSet.add(value);
    this.domainValues.push(value);
  }

  /** The values `any ?x` ranges over, in the order first seen. */
  domain(): readonly string[] {
    return this.domainValues;
  }

  /** Starts a primitive fact instance; false if it already held. */
  start(name: string, args: readonly string[], day: Day, reason: Reason): boolean {
    let instances = this.holding.get(name);
    if (instances === undefined) {
      instances = new Map();
      this.holding.set(name, instances);
    }
    const key = factKey(name, args);
    if (instances.has(key)) return false;
    instances.set(key, args);
    for (const value of args) this.addToDomain(value);
    this.open(key, day, reason);
    return true;
  }

  /**
   * Ends the primitive instances of `name` whose arguments match (null matches anything);
   * returns the arguments of those that ended.
   */
  end(name: string, args: readonly (string | null)[], day: Day): (readonly string[])[] {
    const instances = this.holding.get(name);
    if (instances === undefined || instances.size === 0) return [];
    const ended: (readonly string[])[] = [];
    for (const values of instances.values())
      if (args.every((a, i) => a === null || a === values[i])) ended.push(values);
    for (const values of ended) {
      const key = factKey(name, values);
      instances.delete(key);
      this.builders.get(key)?.close(day);
    }
    return ended;
  }

  /**
   * The distinct values at `position` of the holding instances of a primitive fact whose other
   * arguments match the options.
   */
  valuesAt(name: string, options: readonly ArgOption[], position: number): string[] {
    const instances = this.holding.get(name);
    if (instances === undefined) return [];
    const out: string[] = [];
    for (const values of instances.values()) {
      const value = values[position];
      if (value === undefined || out.includes(value)) continue;
      if (
        options.every(
          (o, i) => i === position || (values[i] !== undefined && accepts(o, values[i]!)),
        )
      )
        out.push(value);
    }
    return out;
  }

  /** Whether some holding instance of a primitive fact matches the argument options. */
  holds(name: string, options: readonly ArgOption[]): boolean {
    const instances = this.holding.get(name);
    if (instances === undefined || instances.size === 0) return false;
    if (options.every((o) => typeof o === "string"))
      return instances.has(factKey(name, options as readonly string[]));
    for (const values of instances.values())
      if (options.every((o, i) => values[i] !== undefined && accepts(o, values[i]!))) return true;
    return false;
  }

  /** Opens an interval on a fact timeline (used for derived facts too). */
  open(key: string, day: Day, reason: Reason): void {
    let builder = this.builders.get(key);
    if (builder === undefined) {
      builder = new TimelineBuilder<FactState>();
      this.builders.set(key, builder);
    }
    builder.set(day, "holds", reason);
  }

  close(key: string, day: Day): void {
    this.builders.get(key)?.close(day);
  }

  /** Every fact timeline with at least one interval, by key. */
  timelines(): Map<string, readonly Interval<FactState>[]> {
    const out = new Map<string, readonly Interval<FactState>[]>();
    for (const [key, builder] of this.builders) {
      const intervals = builder.finish();
      if (intervals.length > 0) out.set(key, intervals);
    }
    return out;
  }
}
