import type { Day } from "../language/calendar/day.ts";
import type { Model } from "../language/model/model.ts";
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

/** Orders keys as a sort without a comparison function does (by UTF-16 code units). */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The one value an option fixes, or null when it allows several (or any). */
function fixedOption(option: ArgOption | undefined): string | null {
  return typeof option === "string" ? option : null;
}

function accepts(option: ArgOption, value: string): boolean {
  if (option === null) return true;
  if (typeof option === "string") return option === value;
  return option.includes(value);
}

/**
 * The holding instances of one primitive fact, by key, with an index from (argument position,
 * value) to the keys of the holding instances that have that value there. Each bucket keeps its
 * keys in the order they started, as `instances` does, so a lookup through a bucket visits the
 * instances in the same order as a scan would.
 */
class FactTable {
  private readonly live = new Map<string, readonly string[]>();
  /**
   * While only handles have started and ended instances (`deferred`), the handles that did, each
   * recording whether it holds and when it last started: the map of holding instances is built
   * from them, in the order they started, when something first reads it. Most tables of facts
   * with rules are read through their instances' values, never through the store.
   */
  private readonly handles: FactHandle[] = [];
  private deferred = true;
  /** Counts the starts while deferred, to order the holding instances as the map would. */
  private starts = 0;
  /**
   * Per argument position: value → keys of the holding instances with it there; built when a
   * lookup first needs it (many tables are only ever read by key).
   */
  private byArgument: Map<string, Set<string>>[] | null = null;
  /**
   * The holding instances as a tree of their arguments (the last level holds `true`), built when
   * an instance is first looked up by its arguments, so that a lookup builds no key.
   */
  private tree: Map<string, unknown> | null = null;

  /**
   * `arity`: the number of arguments. With fewer than two, a lookup binds every argument (the key
   * answers it) or none (a scan does), so no index is kept.
   */
  constructor(private readonly arity: number) {}

  /** The holding instances, by key, in the order they started. */
  get instances(): Map<string, readonly string[]> {
    if (this.deferred) this.materialise();
    return this.live;
  }

  private materialise(): void {
    this.deferred = false;
    const holding = this.handles.filter((h) => h.holding);
    holding.sort((a, b) => a.started - b.started);
    for (const h of holding) this.live.set(h.key, h.args);
    this.handles.length = 0;
  }

  /** Starts the instance of a handle; false if it already held. */
  startHandle(handle: FactHandle): boolean {
    if (this.deferred) {
      if (handle.holding) return false;
      handle.holding = true;
      handle.started = ++this.starts;
      if (!handle.filed) {
        handle.filed = true;
        this.handles.push(handle);
      }
      return true;
    }
    if (this.live.has(handle.key)) return false;
    this.add(handle.key, handle.args);
    return true;
  }

  /** Ends the instance of a handle; false if it did not hold. */
  endHandle(handle: FactHandle): boolean {
    if (this.deferred) {
      if (!handle.holding) return false;
      handle.holding = false;
      return true;
    }
    if (!this.live.has(handle.key)) return false;
    this.delete(handle.key, handle.args);
    return true;
  }

  add(key: string, args: readonly string[]): void {
    this.instances.set(key, args);
    if (this.tree !== null) plant(this.tree, args);
    if (this.byArgument !== null) this.index(key, args, this.byArgument);
  }

  private index(
    key: string,
    args: readonly string[],
    byArgument: Map<string, Set<string>>[],
  ): void {
    for (let i = 0; i < args.length; i++) {
      let index = byArgument[i];
      if (index === undefined) {
        index = new Map();
        byArgument[i] = index;
      }
      const value = args[i]!;
      const bucket = index.get(value);
      if (bucket === undefined) index.set(value, new Set([key]));
      else bucket.add(key);
    }
  }

  delete(key: string, args: readonly string[]): void {
    this.instances.delete(key);
    if (this.tree !== null) uproot(this.tree, args);
    if (this.byArgument === null) return;
    for (let i = 0; i < args.length; i++) {
      const index = this.byArgument[i];
      const value = args[i]!;
      const bucket = index?.get(value);
      if (bucket === undefined) continue;
      bucket.delete(key);
      if (bucket.size === 0) index!.delete(value);
    }
  }

  /** Whether the instance of these arguments (the first `count` of `args`) holds. */
  has(args: readonly string[], count: number): boolean {
    let tree = this.tree;
    if (tree === null) {
      tree = new Map();
      for (const values of this.instances.values()) plant(tree, values);
      this.tree = tree;
    }
    let node: unknown = tree;
    for (let i = 0; i < count; i++) {
      node = (node as Map<string, unknown>).get(args[i]!);
      if (node === undefined) return false;
    }
    return node === true;
  }

  /**
   * The smallest bucket among the positions fixed to one value (`fixed(i)` gives the value or
   * null), except `skip`; undefined when no position is fixed (a scan is needed), and an empty
   * set when a fixed value has no holding instance.
   */
  narrowest(
    count: number,
    fixed: (position: number) => string | null,
    skip: number,
  ): ReadonlySet<string> | undefined {
    if (this.arity < 2) return undefined;
    let byArgument = this.byArgument;
    if (byArgument === null) {
      byArgument = [];
      for (const [key, args] of this.instances) this.index(key, args, byArgument);
      this.byArgument = byArgument;
    }
    let best: ReadonlySet<string> | undefined;
    for (let i = 0; i < count; i++) {
      if (i === skip) continue;
      const value = fixed(i);
      if (value === null) continue;
      const bucket = byArgument[i]?.get(value);
      if (bucket === undefined) return emptyKeys;
      if (best === undefined || bucket.size < best.size) best = bucket;
    }
    return best;
  }
}

const emptyKeys: ReadonlySet<string> = new Set();

/**
 * One instance of a primitive fact as the store knows it (`status(m3)=voting`, its arguments),
 * kept by whoever starts and ends it often: the store finds its table and timeline through it
 * rather than through its key. A handle is the builder of its own timeline, unless the store had
 * one for its key before (one object per instance rather than two: a replay keeps thousands).
 */
export class FactHandle extends TimelineBuilder<FactState> {
  /** @internal The table of its fact, once known. */
  table: FactTable | null = null;
  /** @internal Its timeline, once it has one: itself, or the store's for its key. */
  builder: TimelineBuilder<FactState> | null = null;
  /** @internal Whether its arguments are in the domain already. */
  inDomain = false;
  /** @internal Whether it holds, while its table is kept by its handles. */
  holding = false;
  /** @internal When it last started, while its table is kept by its handles. */
  started = 0;
  /** @internal Whether its table keeps it among its handles. */
  filed = false;

  #args: readonly string[] | null = null;

  /**
   * `base`: the instance's arguments; `value`: for a fact with values, the value it holds (the
   * last of the store's arguments, which are made when first read), else null.
   */
  constructor(
    readonly name: string,
    readonly key: string,
    readonly base: readonly string[],
    readonly value: string | null = null,
  ) {
    super();
  }

  /** Its arguments in the store: the base, then the value if any. */
  get args(): readonly string[] {
    if (this.value === null) return this.base;
    this.#args ??= [...this.base, this.value];
    return this.#args;
  }

  /** How many arguments it has in the store. */
  get arity(): number {
    return this.base.length + (this.value === null ? 0 : 1);
  }
}

/** Files arguments in a tree of them. */
function plant(tree: Map<string, unknown>, args: readonly string[]): void {
  let node = tree;
  const last = args.length - 1;
  for (let i = 0; i < last; i++) {
    let next = node.get(args[i]!) as Map<string, unknown> | undefined;
    if (next === undefined) {
      next = new Map();
      node.set(args[i]!, next);
    }
    node = next;
  }
  if (last >= 0) node.set(args[last]!, true);
}

/** Takes arguments out of a tree of them (emptied levels stay: they answer no lookup). */
function uproot(tree: Map<string, unknown>, args: readonly string[]): void {
  let node: Map<string, unknown> | undefined = tree;
  const last = args.length - 1;
  for (let i = 0; i < last && node !== undefined; i++)
    node = node.get(args[i]!) as Map<string, unknown> | undefined;
  if (last >= 0) node?.delete(args[last]!);
}

/**
 * The primitive facts holding now, and the timelines of every fact instance (primitive or
 * derived) that has held. Also the domain `any ?x` ranges over: every party and every value a
 * fact has been stated about.
 */
export class FactStore {
  private readonly holding = new Map<string, FactTable>();
  private readonly builders = new Map<string, TimelineBuilder<FactState>>();
  private readonly domainValues: string[] = [];
  private readonly domainSet = new Set<string>();

  /**
   * `valued`: the facts with values, whose instances keep the value as their last argument and
   * are keyed `status(m3)=voting`.
   */
  constructor(
    seed: Iterable<string>,
    private readonly valued: ReadonlySet<string> = new Set(),
    private readonly initial: ReadonlyMap<string, string> = new Map(),
  ) {
    for (const value of seed) this.addToDomain(value);
  }

  /** Instances of facts with an initial value that have changed at least once (keys without value). */
  private readonly touched = new Set<string>();

  /** Marks an instance of a fact with an initial value as changed: it no longer holds that value by default. */
  touch(name: string, params: readonly string[]): void {
    this.touched.add(factKey(name, params));
  }

  /**
   * Whether an instance named in full, that nothing has changed yet, holds its fact's initial
   * value and the options accept it.
   */
  private holdsInitially(name: string, options: readonly ArgOption[]): boolean {
    const initial = this.initial.get(name);
    if (initial === undefined) return false;
    const last = options.length - 1;
    const value = options[last];
    if (value !== undefined && !accepts(value, initial)) return false;
    let key = `${name}(`;
    for (let i = 0; i < last; i++) {
      const option = options[i];
      if (typeof option !== "string") return false;
      key += i === 0 ? option : `,${option}`;
    }
    return !this.touched.has(`${key})`);
  }

  /** The key of an instance: `at-war(prc,japan)`, or `status(m3)=voting` for a fact with values. */
  keyOf(name: string, args: readonly string[]): string {
    if (!this.valued.has(name)) return factKey(name, args);
    const last = args.length - 1;
    let key = `${name}(`;
    for (let i = 0; i < last; i++) key += i === 0 ? args[i] : `,${args[i]}`;
    return `${key})=${args[last]}`;
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
    let table = this.holding.get(name);
    if (table === undefined) {
      table = new FactTable(args.length);
      this.holding.set(name, table);
    }
    const key = this.keyOf(name, args);
    if (table.instances.has(key)) return false;
    table.add(key, args);
    for (const value of args) this.addToDomain(value);
    this.open(key, day, reason);
    return true;
  }

  /** `start` of the instance a handle stands for (its key `keyOf(name, args)`). */
  startHandle(handle: FactHandle, day: Day, reason: Reason): boolean {
    let table = handle.table;
    if (table === null) {
      const known = this.holding.get(handle.name);
      table = known ?? new FactTable(handle.arity);
      if (known === undefined) this.holding.set(handle.name, table);
      handle.table = table;
    }
    if (!table.startHandle(handle)) return false;
    const key = handle.key;
    if (!handle.inDomain) {
      const base = handle.base;
      for (let i = 0; i < base.length; i++) this.addToDomain(base[i]!);
      if (handle.value !== null) this.addToDomain(handle.value);
      handle.inDomain = true;
    }
    let builder = handle.builder;
    if (builder === null) {
      const known = this.builders.get(key);
      builder = known ?? handle;
      if (known === undefined) this.builders.set(key, handle);
      handle.builder = builder;
    }
    builder.set(day, "holds", reason);
    return true;
  }

  /** Ends the instance a handle stands for, if it holds; whether it did. */
  endHandle(handle: FactHandle, day: Day): boolean {
    const table = handle.table ?? this.holding.get(handle.name);
    if (table === undefined || !table.endHandle(handle)) return false;
    (handle.builder ?? this.builders.get(handle.key))?.close(day);
    return true;
  }

  /**
   * Whether the instance of a fact without values named by the first `count` of `args` holds,
   * found without building its key.
   */
  holdsArgs(name: string, args: readonly string[], count: number): boolean {
    const table = this.holding.get(name);
    return table !== undefined && table.instances.size > 0 && table.has(args, count);
  }

  /**
   * Ends the primitive instances of `name` whose arguments match (null matches anything);
   * returns the arguments of those that ended, in the order they started.
   */
  end(name: string, args: readonly (string | null)[], day: Day): (readonly string[])[] {
    const table = this.holding.get(name);
    if (table === undefined || table.instances.size === 0) return [];
    const instances = table.instances;
    const ended: (readonly string[])[] = [];
    const endedKeys: string[] = [];
    if (!args.includes(null)) {
      // Every argument bound: at most the one instance of that key.
      const key = this.keyOf(name, args as readonly string[]);
      const values = instances.get(key);
      if (values !== undefined && args.every((a, i) => a === values[i])) {
        ended.push(values);
        endedKeys.push(key);
      }
    } else {
      const keys = table.narrowest(args.length, (i) => args[i] ?? null, -1);
      const matches = (values: readonly string[]): boolean =>
        args.every((a, i) => a === null || a === values[i]);
      if (keys === undefined) {
        for (const [key, values] of instances)
          if (matches(values)) {
            ended.push(values);
            endedKeys.push(key);
          }
      } else
        for (const key of keys) {
          const values = instances.get(key)!;
          if (matches(values)) {
            ended.push(values);
            endedKeys.push(key);
          }
        }
    }
    for (let i = 0; i < ended.length; i++) {
      const key = endedKeys[i]!;
      table.delete(key, ended[i]!);
      this.builders.get(key)?.close(day);
    }
    return ended;
  }

  /**
   * The distinct values at `position` of the holding instances of a primitive fact whose other
   * arguments match the options.
   */
  valuesAt(name: string, options: readonly ArgOption[], position: number): string[] {
    const table = this.holding.get(name);
    if (table === undefined) return [];
    const out: string[] = [];
    const seen = new Set<string>();
    const consider = (values: readonly string[]): void => {
      const value = values[position];
      if (value === undefined || seen.has(value)) return;
      if (
        options.every(
          (o, i) => i === position || (values[i] !== undefined && accepts(o, values[i]!)),
        )
      ) {
        seen.add(value);
        out.push(value);
      }
    };
    const keys = table.narrowest(options.length, (i) => fixedOption(options[i]), position);
    if (keys === undefined) for (const values of table.instances.values()) consider(values);
    else for (const key of keys) consider(table.instances.get(key)!);
    return out;
  }

  /**
   * Whether an instance named in full holds: `base` is its key without a value (`status(m3)`),
   * `value` the value it must hold (null for a fact without values).
   */
  holdsGround(name: string, base: string, value: string | null): boolean {
    if (value === null) return this.holding.get(name)?.instances.has(base) === true;
    if (this.holding.get(name)?.instances.has(`${base}=${value}`) === true) return true;
    return this.initial.get(name) === value && !this.touched.has(base);
  }

  /** Whether some holding instance of a primitive fact matches the argument options. */
  holds(name: string, options: readonly ArgOption[]): boolean {
    if (this.initial.size > 0 && this.holdsInitially(name, options)) return true;
    const table = this.holding.get(name);
    if (table === undefined || table.instances.size === 0) return false;
    const instances = table.instances;
    if (options.every((o) => typeof o === "string"))
      return instances.has(this.keyOf(name, options as readonly string[]));
    const matches = (values: readonly string[]): boolean =>
      options.every((o, i) => values[i] !== undefined && accepts(o, values[i]!));
    const keys = table.narrowest(options.length, (i) => fixedOption(options[i]), -1);
    if (keys === undefined) {
      for (const values of instances.values()) if (matches(values)) return true;
    } else for (const key of keys) if (matches(instances.get(key)!)) return true;
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

  /**
   * Every fact timeline with at least one interval, by key, in the order of their keys (sorted
   * with a comparison function, several times quicker than a sort without one: a caller that
   * sorts the keys again finds them in order).
   */
  timelines(): Map<string, readonly Interval<FactState>[]> {
    const keys = [...this.builders.keys()].sort(compareKeys);
    const out = new Map<string, readonly Interval<FactState>[]>();
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const intervals = this.builders.get(key)!.finish();
      if (intervals.length > 0) out.set(key, intervals);
    }
    return out;
  }
}

/** The fact store of a model's replay: the parties seed the domain; facts with values are keyed by value. */
export function newFactStore(model: Model): FactStore {
  const valued = new Set<string>();
  const initial = new Map<string, string>();
  for (const fact of model.facts.values()) {
    if (fact.values === undefined) continue;
    valued.add(fact.id);
    if (fact.initially !== undefined) initial.set(fact.id, fact.initially);
  }
  return new FactStore([...model.parties.keys()].sort(), valued, initial);
}
