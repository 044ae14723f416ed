import type { Day } from "../language/calendar/day.ts";
import { addDuration } from "../language/calendar/duration.ts";
import type { Condition, FactCondition, Quantity } from "../language/model/condition.ts";
import type { Event } from "../language/model/event.ts";
import type { Fact } from "../language/model/fact.ts";
import { isRuled } from "../language/model/fact.ts";
import type { FactRule } from "../language/model/fact-rule.ts";
import type { EventPattern, PatternTerm } from "../language/model/pattern.ts";
import { assertNever } from "./assert-never.ts";
import { bareName, type ConditionEvaluator, type ValueLookup } from "./condition-evaluator.ts";
import { DayProposals } from "./day-proposals.ts";
import { type ArgOption, FactHandle, type FactStore, factKey } from "./fact-store.ts";
import { Bindings, matchPattern } from "./pattern-match.ts";
import type { Reason } from "./reason.ts";
import { ChangeRuleReason, EventRuleReason, type Origin } from "./rule-reasons.ts";
import { SmallEnv } from "./small-env.ts";

/** The variables a condition leaves free (not bound by `any` or `count`), without `?`. */
function freeVariables(condition: Condition, bound: ReadonlySet<string>, out: string[]): string[] {
  const term = (t: PatternTerm): void => {
    if (t.kind !== "var") return;
    const name = bareName(t.name);
    if (!bound.has(name) && !out.includes(name)) out.push(name);
  };
  const quantity = (q: Quantity): void => {
    if (q.kind === "count") freeVariables(q.body, new Set([...bound, bareName(q.variable)]), out);
  };
  switch (condition.kind) {
    case "fact":
      condition.args.forEach(term);
      break;
    case "not":
      freeVariables(condition.operand, bound, out);
      break;
    case "and":
    case "or":
      for (const c of condition.operands) freeVariables(c, bound, out);
      break;
    case "any":
      freeVariables(condition.body, new Set([...bound, bareName(condition.variable)]), out);
      break;
    case "compare":
      quantity(condition.left);
      quantity(condition.right);
      break;
  }
  return out;
}

/** Whether an argument option accepts a value (undefined: nothing there to accept). */
function accepts(option: ArgOption | undefined, value: string | undefined): boolean {
  if (option === null) return true;
  if (option === undefined || value === undefined) return false;
  return typeof option === "string" ? option === value : option.includes(value);
}

/** The day's proposals of the facts with rules. */
type Proposals = DayProposals<Instance, RulePlan, Kept, Origin>;

/** Whether a day's proposals for an instance (chained from `first`) end a value. */
function endsValue(proposals: Proposals, first: number, value: string | null): boolean {
  if (value === null) return false;
  const starts = proposals.starts;
  const values = proposals.value;
  const next = proposals.next;
  for (let p = first; p >= 0; p = next[p]!)
    if (!starts[p] && (values[p] === null || values[p] === value)) return true;
  return false;
}

/** A level of a fact's tree of instances: the next argument's value → the next level, or the instance. */
type TrieNode = Map<string, TrieNode | Instance>;

/** The value of an instance of a fact without values while it holds. */
const HOLDS = "";

/** What the instances of one fact with rules share, and how they are found. */
interface FactRt {
  readonly fact: Fact;
  /** Its stratum: a fact set off by another's change comes after it. */
  readonly level: number;
  /** Its instances by their arguments, one map per argument. */
  readonly trie: TrieNode;
  /** The instance of a fact without parameters, once made. */
  only: Instance | null;
  /** Its instances, for an `ends` rule that binds none of its parameters. */
  readonly list: Instance[];
  /**
   * With several parameters, per position: value → the instances with that argument there, in
   * the order they were made; a position's index is built when first asked for (null: one
   * parameter or none, the tree answers).
   */
  readonly byArgument: (Map<string, Instance[]> | undefined)[] | null;
  /** Its timer rules, or null. */
  timerRules: FactRule[] | null;
  /** The rules its changes set off, or null. */
  watchers: RulePlan[] | null;
}

/** One instance of a fact with rules: its arguments and the value it holds now. */
interface Instance {
  readonly rt: FactRt;
  readonly fact: Fact;
  readonly args: readonly string[];
  /** `status(m3)`: the key without a value. */
  readonly key: string;
  /** The value held now (HOLDS for a fact without values), or null. */
  value: string | null;
  /** Whether the value is the fact's initial value, never changed (so not yet in the store). */
  initial: boolean;
  /** Bumped at every change, so that a timer set for an earlier value is ignored. */
  version: number;
  /** Its fact's stratum. */
  readonly level: number;
  /** The settlement that last touched it, and the proposals it had then (the first `count`). */
  round: number;
  /** The numbers of the first and last of its proposals being settled, chained through `next`. */
  first: number;
  last: number;
  /** The change decided for the day being settled: the value it goes to, and why (a proposal's number). */
  next: string | null;
  cause: number;
  /**
   * Per value held: its store key and store arguments, made when first needed (the first
   * `slotCount`; a fact has few values, a short list is quicker than a map).
   */
  readonly slots: FactHandle[];
  slotCount: number;
  /**
   * The day mark (`RuledFacts.days`) of the last day an `ends` without `unless` reached it while
   * it held no value: such an end is not filed as a proposal, only marked here.
   */
  idleEnd: number;
}

/** The store key and arguments of an instance holding a value (HOLDS: the instance's own). */
function slotOf(instance: Instance, value: string): FactHandle {
  const slots = instance.slots;
  // A handle's value is null for a fact without values (held as HOLDS here).
  const wanted = value === HOLDS ? null : value;
  let i = 0;
  for (; i < instance.slotCount; i++) if (slots[i]!.value === wanted) return slots[i]!;
  const id = instance.fact.id;
  const slot =
    value === HOLDS
      ? new FactHandle(id, instance.key, instance.args)
      : // Joined rather than concatenated: a flat string, not a pair kept with its flattened copy.
        new FactHandle(id, [instance.key, value].join("="), instance.args, value);
  slots[i] = slot;
  instance.slotCount = i + 1;
  return slot;
}

/** Variables' values, looked up by name. */
interface Bound {
  get(name: string): string | undefined;
}

/**
 * The bindings a proposal keeps for its rule's `unless`: the values of the variables its
 * patterns name (copying the whole environment into a map would cost more than the proposal).
 */
class Kept implements Bound {
  constructor(
    private readonly names: readonly string[],
    private readonly values: readonly (string | undefined)[],
  ) {}

  get(name: string): string | undefined {
    const i = this.names.indexOf(name);
    return i < 0 ? undefined : this.values[i];
  }
}

/** The variables (bare names) a rule's `unless` patterns name. */
function unlessVariables(rule: FactRule): string[] {
  const out: string[] = [];
  for (const pattern of rule.unless)
    for (const terms of [pattern.objects, pattern.actors, pattern.targets])
      for (const term of terms)
        if (term.kind === "var") {
          const name = bareName(term.name);
          if (!out.includes(name)) out.push(name);
        }
  return out;
}

/** A term of a simple pattern: the slot it is in (objects, actors, targets), a variable or an id. */
export interface SlotTerm {
  readonly slot: number;
  readonly variable: string | null;
  readonly id: string | null;
}

/**
 * The one value of an event's slot: an id, null for an object that is not a reference, or
 * undefined when the slot holds no value or several.
 */
function slotValue(event: Event, slot: number): string | null | undefined {
  if (slot === 0) {
    const objects = event.objects;
    if (objects.length !== 1) return undefined;
    const object = objects[0]!;
    return object.kind === "ref" ? object.id : null;
  }
  const list = slot === 1 ? event.actors : event.targets;
  return list.length === 1 ? list[0] : undefined;
}

/**
 * Whether an event matches a simple pattern with bindings that agree with the values wanted for
 * its terms (`wanted[i]`: term i's id, or the value bound to its variable, if any): 1 if so, 0
 * if not, -1 when the general matching is needed (a slot with no value or several).
 */
function agreesSimply(
  terms: readonly SlotTerm[],
  wanted: readonly (string | undefined)[],
  event: Event,
): number {
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    const value = slotValue(event, term.slot);
    if (value === undefined) return -1;
    if (value === null) return 0;
    const bound = wanted[i];
    if (term.variable === null) {
      if (value !== bound) return 0;
      continue;
    }
    if (bound !== undefined && bound !== value) return 0;
    for (let j = 0; j < i; j++)
      if (terms[j]!.variable === term.variable && slotValue(event, terms[j]!.slot) !== value)
        return 0;
  }
  return 1;
}

/** An atom's argument that is an id, as the evaluator reads it (an environment may bind an id's name). */
function idArgument(atom: FactCondition, i: number, env: ReadonlyMap<string, string>): string {
  const term = atom.args[i];
  return term?.kind === "id" ? (env.get(term.id) ?? term.id) : "";
}

/**
 * The values of a fact's parameters in an environment (null where unbound). Written without a
 * closure: a function that makes one keeps what it captures in a context made on every call.
 */
function argumentsOf(
  params: readonly string[],
  env: ReadonlyMap<string, string>,
): (string | null)[] {
  const out: (string | null)[] = new Array(params.length);
  for (let i = 0; i < params.length; i++) out[i] = env.get(params[i]!) ?? null;
  return out;
}

/** Files an instance under a value in an index of one argument position. */
function fileUnder(byValue: Map<string, Instance[]>, value: string, instance: Instance): void {
  const bucket = byValue.get(value);
  if (bucket === undefined) byValue.set(value, [instance]);
  else bucket.push(instance);
}

/** The instances of a fact with this value at a position, through its index (built when first needed). */
function bucketOf(
  rt: FactRt,
  index: (Map<string, Instance[]> | undefined)[],
  position: number,
  value: string,
): readonly Instance[] | undefined {
  let byValue = index[position];
  if (byValue === undefined) {
    byValue = new Map();
    const list = rt.list;
    for (let i = 0; i < list.length; i++) fileUnder(byValue, list[i]!.args[position]!, list[i]!);
    index[position] = byValue;
  }
  return byValue.get(value);
}

/** Per rule whose `when` is remembered for the day: the day mark, and the answers by the value of its variable. */
interface WhenMemo {
  day: number;
  readonly name: string;
  readonly answers: Map<string, boolean>;
}

/** One `where` atom of a rule, with its answers when it reads a fact no replay changes. */
interface WhereStep {
  readonly atom: FactCondition;
  /** The bare names of its variable arguments, in order (null for an argument that is an id). */
  readonly names: readonly (string | null)[];
  /** For a fact that only `holds` (no rules, events, or derivation): answers by arguments, else null. */
  readonly answers: Map<string, boolean> | null;
  /** For such a fact: the values a free variable ranges over, by the free position and bound arguments. */
  readonly ranges: Map<string, readonly string[]> | null;
}

/** What the replay needs of a rule of a fact with rules, worked out once. */
export interface RulePlan {
  readonly rt: FactRt;
  readonly rule: FactRule;
  /** The free variables of its `when` (bare names), or null without one. */
  readonly whenNames: readonly string[] | null;
  /** Its `when`'s answers of the day, for a `when` of one variable over facts that change when a day is settled. */
  readonly memo: WhenMemo | null;
  readonly where: readonly WhereStep[];
  /** The variables its `unless` patterns name (a proposal keeps their values). */
  readonly unlessNames: readonly string[];
}

/** What a pattern filed by `patterns()` stands for: a rule's trigger, or one of its `unless`. */
export interface RuledPattern {
  readonly fact: Fact;
  readonly rule: FactRule;
  readonly role: "trigger" | "unless";
  readonly plan: RulePlan;
  /** The pattern's terms when it is simple (see `simpleTerms`), else null. */
  readonly terms: readonly SlotTerm[] | null;
  /**
   * The environment of a simple match, reused: a match sets every variable of the pattern again,
   * so it is never cleared (clearing makes a map anew).
   */
  readonly env: SmallEnv;
}

/** A timer set when a value began to hold. */
export interface FactTimer {
  readonly instance: object;
  readonly rule: FactRule;
  readonly version: number;
  readonly since: Day;
}

/** How the replay lets the facts with rules act on the rest of it. */
export interface RuledHost {
  /** Sets a timer to run on `day`, before that day's events. */
  schedule(day: Day, timer: FactTimer): void;
  /** Whether a provision's condition or a derived fact depends on a fact. */
  watches(fact: string): boolean;
  /** Facts changed when a day was settled: derived facts and provision conditions follow. */
  changed(
    changes: readonly { readonly fact: string; readonly args: readonly string[] }[],
    day: Day,
    event: Event | null,
  ): void;
}

/**
 * The facts with rules (`becomes … on …`, `starts … when …`, `lasts …`, `start of …`): see
 * docs/semantics.md §6.1. During a day, rules only propose changes, reading the
 * facts as the day began; when the day is over, `settle` applies them in trigger order, so that
 * a fact's start or end can set off other facts' rules on the same day.
 */
export class RuledFacts implements ValueLookup {
  private readonly ruled: Fact[] = [];
  /** Per fact: its stratum; a fact set off by another's change comes after it. */
  private readonly level = new Map<string, number>();
  private levels = 0;
  /** Per fact with rules: what its instances share. */
  private readonly rts = new Map<string, FactRt>();
  /** Per rule: its plan. */
  private readonly plans = new Map<FactRule, RulePlan>();
  /** The day whose proposals are pending, or null. */
  private pendingDay: Day | null = null;
  /**
   * The changes rules ask for on the day being replayed, applied when the day is settled: the
   * value to start (HOLDS for a fact without values) or to end (null: any), and the variables the
   * rule bound, kept only for its `unless`.
   */
  private readonly proposals: Proposals = new DayProposals();
  /** Per stratum: the numbers of the day's proposals. */
  private readonly byLevel: number[][] = [];
  /**
   * Per stratum: how many proposals its list holds. The lists (and the other lists of a
   * settlement) keep their storage from day to day: emptied by count, their entries let go.
   */
  private readonly levelCounts: number[] = [];
  /** Counts the days settled, to mark the instances a settlement touches. */
  private rounds = 0;
  /** Marks the day being replayed and settled (counts the settlements done). */
  private days = 0;
  /** Per `unless` pattern: today's events matching its type. */
  private readonly happened = new Map<EventPattern, Event[]>();
  private lastEvent: Event | null = null;
  private firstDay: Day = 0;
  private readonly bindings = new Bindings();

  constructor(
    private readonly facts: ReadonlyMap<string, Fact>,
    private readonly store: FactStore,
    private readonly evaluator: ConditionEvaluator,
    private readonly host: RuledHost,
  ) {
    for (const fact of facts.values()) if (isRuled(fact)) this.ruled.push(fact);
    for (const fact of this.ruled) {
      this.rts.set(fact.id, {
        fact,
        level: this.levelOf(fact, facts, 0),
        trie: new Map(),
        only: null,
        list: [],
        byArgument: fact.params.length > 1 ? [] : null,
        timerRules: null,
        watchers: null,
      });
      // Only these rules change it: its value is the instance's.
      if (fact.params.length > 0 && fact.starts.length === 0 && fact.ends.length === 0)
        this.kept.add(fact);
    }
    for (const fact of this.ruled) {
      const rt = this.rts.get(fact.id)!;
      for (const rule of fact.rules ?? []) {
        const plan = this.planOf(rt, rule);
        const trigger = rule.trigger;
        if (trigger.kind === "change") {
          const source = this.rts.get(trigger.fact);
          if (source === undefined) continue;
          if (source.watchers === null) source.watchers = [plan];
          else source.watchers.push(plan);
        } else if (trigger.kind === "timer") {
          if (rt.timerRules === null) rt.timerRules = [rule];
          else rt.timerRules.push(rule);
        }
      }
    }
    evaluator.useLookup(this);
  }

  /** The facts whose instances' values conditions read here rather than in the store. */
  private readonly kept = new Set<Fact>();

  covers(fact: Fact): boolean {
    return this.kept.has(fact);
  }

  valueOf(fact: Fact, args: readonly string[], count: number): string | null {
    let node: TrieNode | Instance | undefined = this.rts.get(fact.id)?.trie;
    for (let i = 0; i < count && node !== undefined; i++) node = (node as TrieNode).get(args[i]!);
    if (node === undefined || count !== fact.params.length) return fact.initially ?? null;
    return (node as Instance).value;
  }

  countAt(fact: Fact, options: readonly ArgOption[], position: number): number {
    const n = fact.params.length;
    const rt = this.rts.get(fact.id);
    if (rt === undefined) return 0;
    let pool: readonly Instance[] | undefined;
    let size = Number.POSITIVE_INFINITY;
    const index = rt.byArgument;
    // With every other parameter fixed to one value, the instances found differ at `position`:
    // they are counted without remembering which values were seen.
    let distinct = position < n;
    for (let i = 0; i < n; i++) {
      const option = options[i];
      if (i === position) continue;
      if (typeof option !== "string") {
        distinct = false;
        continue;
      }
      if (index === null) continue;
      const bucket = bucketOf(rt, index, i, option);
      if (bucket === undefined) return 0;
      if (bucket.length < size) {
        pool = bucket;
        size = bucket.length;
      }
    }
    pool ??= rt.list;
    const seen = distinct ? null : new Set<string>();
    let counted = 0;
    for (const instance of pool) {
      const value = instance.value;
      // An initial value never changed is not in the store's instances.
      if (value === null || instance.initial) continue;
      let ok = true;
      for (let i = 0; i < options.length && ok; i++)
        if (i !== position) ok = accepts(options[i], i < n ? instance.args[i] : value);
      if (!ok) continue;
      if (seen === null) counted++;
      else seen.add(position < n ? instance.args[position]! : value);
    }
    return seen === null ? counted : seen.size;
  }

  /** A fact's stratum: one more than the highest of the facts whose changes set it off. */
  private levelOf(fact: Fact, facts: ReadonlyMap<string, Fact>, depth: number): number {
    const known = this.level.get(fact.id);
    if (known !== undefined) return known;
    let level = 0;
    if (depth < 64)
      for (const rule of fact.rules ?? [])
        if (rule.trigger.kind === "change") {
          const source = facts.get(rule.trigger.fact);
          if (source !== undefined)
            level = Math.max(level, this.levelOf(source, facts, depth + 1) + 1);
        }
    this.level.set(fact.id, level);
    this.levels = Math.max(this.levels, level + 1);
    return level;
  }

  /** Every event pattern the replay must watch for these facts. */
  patterns(): { readonly pattern: EventPattern; readonly handle: RuledPattern }[] {
    const out: { pattern: EventPattern; handle: RuledPattern }[] = [];
    for (const fact of this.ruled)
      for (const rule of fact.rules ?? []) {
        const plan = this.plans.get(rule)!;
        const handle = (pattern: EventPattern, role: "trigger" | "unless"): RuledPattern => ({
          fact,
          rule,
          role,
          plan,
          terms: this.simpleTerms(pattern),
          env: new SmallEnv(),
        });
        if (rule.trigger.kind === "event")
          out.push({
            pattern: rule.trigger.pattern,
            handle: handle(rule.trigger.pattern, "trigger"),
          });
        for (const pattern of rule.unless) out.push({ pattern, handle: handle(pattern, "unless") });
      }
    return out;
  }

  /** The replay's first day: static instances (`holds`) start, initial values count from it. */
  initialise(day: Day, facts: ReadonlyMap<string, Fact>): void {
    this.firstDay = day;
    for (const fact of facts.values())
      for (const args of fact.holds ?? []) {
        const reason: Reason = {
          kind: "rule",
          summary: `${factKey(fact.id, args)} holds from the start (holds ${args.join(", ")})`,
          sources: fact.sources,
        };
        if (this.store.start(fact.id, args, day, reason) && isRuled(fact)) {
          const instance = this.instance(fact, args);
          instance.value = HOLDS;
          instance.initial = false;
        }
      }
  }

  private instance(fact: Fact, args: readonly string[]): Instance {
    return this.instanceOf(this.rts.get(fact.id)!, args);
  }

  /** The instance of these arguments, made (and filed) when new. */
  private instanceOf(rt: FactRt, args: readonly string[]): Instance {
    const last = args.length - 1;
    let node = rt.trie;
    if (last < 0) {
      if (rt.only !== null) return rt.only;
    } else {
      for (let i = 0; i < last; i++) {
        let next = node.get(args[i]!) as TrieNode | undefined;
        if (next === undefined) {
          next = new Map();
          node.set(args[i]!, next);
        }
        node = next;
      }
      const known = node.get(args[last]!) as Instance | undefined;
      if (known !== undefined) return known;
    }
    const fact = rt.fact;
    const initial = fact.initially ?? null;
    const size = fact.values === undefined ? 1 : fact.values.length;
    const instance: Instance = {
      rt,
      fact,
      args,
      key: factKey(fact.id, args),
      value: initial,
      initial: initial !== null,
      version: 0,
      level: rt.level,
      round: 0,
      first: -1,
      last: -1,
      next: null,
      cause: -1,
      slots: new Array<FactHandle>(size),
      slotCount: 0,
      idleEnd: -1,
    };
    if (last < 0) rt.only = instance;
    else node.set(args[last]!, instance);
    rt.list.push(instance);
    const index = rt.byArgument;
    if (index !== null)
      for (let i = 0; i < index.length; i++) {
        const byValue = index[i];
        if (byValue !== undefined) fileUnder(byValue, args[i]!, instance);
      }
    return instance;
  }

  /**
   * Ends the instances an `ends` rule reaches: with some parameters unbound (null), found through
   * the argument index (or, with nothing bound, the fact's own list of instances).
   */
  private endReached(
    rt: FactRt,
    args: readonly (string | null)[],
    plan: RulePlan,
    kept: Kept | null,
    origin: Origin,
  ): void {
    let bound = true;
    for (let i = 0; i < args.length && bound; i++) bound = args[i] !== null;
    if (bound) {
      this.endOne(this.instanceOf(rt, args as string[]), plan, kept, origin);
      return;
    }
    const index = rt.byArgument;
    let pool: readonly Instance[] | undefined;
    if (index !== null)
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === null || a === undefined) continue;
        const bucket = bucketOf(rt, index, i, a);
        if (bucket === undefined) return;
        if (pool === undefined || bucket.length < pool.length) pool = bucket;
      }
    pool ??= rt.list;
    for (let j = 0; j < pool.length; j++) {
      const instance = pool[j]!;
      let ok = true;
      for (let i = 0; i < args.length && ok; i++) {
        const a = args[i];
        ok = a === null || a === instance.args[i];
      }
      if (ok) this.endOne(instance, plan, kept, origin);
    }
  }

  /** Proposes to end an instance; one holding nothing is marked instead, when the rule has no `unless`. */
  private endOne(instance: Instance, plan: RulePlan, kept: Kept | null, origin: Origin): void {
    // An end of an instance holding nothing changes nothing, unless the day starts a value
    // there too: `decide` reads the mark.
    if (plan.rule.unless.length === 0 && instance.value === null) instance.idleEnd = this.days;
    else this.file(instance, false, null, plan, kept, origin);
  }

  private begin(day: Day): void {
    if (this.pendingDay !== null && this.pendingDay !== day) this.settle();
    this.pendingDay = day;
  }

  /** An event matched a pattern of `patterns()`: a trigger proposes, an `unless` is recorded. */
  onEvent(handle: RuledPattern, pattern: EventPattern, event: Event, day: Day): void {
    if (handle.role === "unless") {
      this.begin(day);
      const list = this.happened.get(pattern);
      if (list === undefined) this.happened.set(pattern, [event]);
      else list.push(event);
      return;
    }
    const simple = this.simpleBinding(handle, pattern, event);
    if (simple === 0) return;
    if (simple === 1) {
      this.begin(day);
      this.lastEvent = event;
      this.fire(handle.plan, handle.env, event);
      return;
    }
    this.matched = 0;
    matchPattern(pattern, event, null, this.bindings, this.collect);
    if (this.matched === 0) return;
    this.begin(day);
    this.lastEvent = event;
    const origin: Origin = event;
    for (let i = 0; i < this.matched; i++) this.fire(handle.plan, this.envs[i]!, origin);
  }

  /** Per pattern: its terms, when it has at most one per slot, each a variable or an id; else null. */
  private readonly simplePatterns = new Map<EventPattern, readonly SlotTerm[] | null>();

  private simpleTerms(pattern: EventPattern): readonly SlotTerm[] | null {
    let terms = this.simplePatterns.get(pattern);
    if (terms === undefined) {
      const out: SlotTerm[] = [];
      const slots = [pattern.objects, pattern.actors, pattern.targets];
      let simple = true;
      for (let slot = 0; slot < slots.length && simple; slot++) {
        const list = slots[slot]!;
        if (list.length > 1) simple = false;
        const term = list[0];
        if (term === undefined || !simple) continue;
        if (term.kind === "var") out.push({ slot, variable: bareName(term.name), id: null });
        else if (term.kind === "id") out.push({ slot, variable: null, id: term.id });
        else simple = false;
      }
      terms = simple ? out : null;
      this.simplePatterns.set(pattern, terms);
    }
    return terms;
  }

  /**
   * An event's one match of a simple pattern (see `simpleTerms`) when each slot the pattern names
   * holds one value in the event, written into the first environment: 1 if it matches, 0 if not,
   * -1 when the general matching is needed.
   */
  private simpleBinding(handle: RuledPattern, pattern: EventPattern, event: Event): number {
    if (pattern.type !== event.type) return 0;
    const terms = handle.terms;
    if (terms === null) return -1;
    const env = handle.env;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      const value = slotValue(event, term.slot);
      if (value === undefined) return -1;
      if (value === null) return 0;
      if (term.variable === null) {
        if (value !== term.id) return 0;
        continue;
      }
      // A variable named twice must match the same value both times.
      let earlier = false;
      for (let j = 0; j < i; j++)
        if (terms[j]!.variable === term.variable) {
          earlier = true;
          if (env.get(term.variable) !== value) return 0;
        }
      if (!earlier) env.set(term.variable, value);
    }
    return 1;
  }

  /** The bindings of each match of an event, as environments (reused: only `matched` count). */
  private readonly envs: SmallEnv[] = [];
  private matched = 0;
  private readonly collect = (b: Bindings): boolean => {
    let env = this.envs[this.matched];
    if (env === undefined) {
      env = new SmallEnv();
      this.envs[this.matched] = env;
    } else env.clear();
    for (let i = 0; i < b.length; i++) env.set(b.names[i]!, b.values[i]!);
    this.matched++;
    return false;
  };

  /** A timer came due: its value changes if it has held since the timer was set. */
  timer(timer: FactTimer, day: Day): void {
    const instance = timer.instance as Instance;
    if (instance.version !== timer.version) return;
    this.begin(day);
    const rule = timer.rule;
    const trigger = rule.trigger;
    if (trigger.kind !== "timer") return;
    this.file(
      instance,
      rule.effect === "start",
      rule.effect === "start" ? (rule.value ?? HOLDS) : (trigger.from ?? null),
      this.plans.get(rule)!,
      null,
      { kind: "timer", since: timer.since, key: this.valueKey(instance, instance.value) },
    );
  }

  /** The reason of an applied proposal. */
  private reasonOf(p: number, key: string): Reason {
    const proposals = this.proposals;
    const origin = proposals.origin[p]!;
    const plan = proposals.rule[p]!;
    switch (origin.kind) {
      case "event":
        return new EventRuleReason(key, plan, origin);
      case "change":
      case "timer":
        return new ChangeRuleReason(key, plan.rule, origin, plan.rt.fact.sources);
      default:
        return assertNever(origin);
    }
  }

  /** The store key of an instance holding a value. */
  private valueKey(instance: Instance, value: string | null): string {
    return value === null ? instance.key : slotOf(instance, value).key;
  }

  /** Applies `where` (test, or range over a group) and `when`, then proposes for each binding. */
  private fire(plan: RulePlan, env: SmallEnv, origin: Origin): void {
    // A condition that names none of the variables `where` ranges over is read once, not per value.
    const names = plan.whenNames;
    let early = names !== null;
    if (names !== null)
      for (let i = 0; i < names.length; i++)
        if (!env.has(names[i]!)) {
          early = false;
          break;
        }
    if (early && !this.whenHolds(plan, env)) return;
    this.expand(plan, 0, env, origin, early);
  }

  /**
   * A rule's `when` with its variables bound. The facts read as the day began hold the whole day,
   * so an answer is remembered for the day (the rules of one day ask the same a thousand times).
   */
  private whenHolds(plan: RulePlan, env: ReadonlyMap<string, string>): boolean {
    const when = plan.rule.when!;
    const memo = plan.memo;
    if (memo === null) return this.evaluator.holdsIn(when, env);
    if (memo.day !== this.days) {
      memo.day = this.days;
      memo.answers.clear();
    }
    const value = env.get(memo.name)!;
    let answer = memo.answers.get(value);
    if (answer === undefined) {
      answer = this.evaluator.holdsIn(when, env);
      memo.answers.set(value, answer);
    }
    return answer;
  }

  /** A rule's plan, made once. */
  private planOf(rt: FactRt, rule: FactRule): RulePlan {
    const known = this.plans.get(rule);
    if (known !== undefined) return known;
    const whenNames = rule.when === undefined ? null : freeVariables(rule.when, new Set(), []);
    const memo =
      rule.when !== undefined &&
      whenNames !== null &&
      whenNames.length === 1 &&
      this.settledOnly(rule.when, new Set())
        ? { day: -1, name: whenNames[0]!, answers: new Map<string, boolean>() }
        : null;
    const where = rule.where.map((atom): WhereStep => {
      const fact = this.facts.get(atom.fact);
      const fixed =
        fact !== undefined &&
        !isRuled(fact) &&
        fact.derived === undefined &&
        fact.starts.length === 0 &&
        fact.ends.length === 0 &&
        atom.args.every((t) => t.kind === "var" || t.kind === "id");
      return {
        atom,
        names: atom.args.map((t) => (t.kind === "var" ? bareName(t.name) : null)),
        answers: fixed ? new Map() : null,
        ranges: fixed ? new Map() : null,
      };
    });
    const plan: RulePlan = {
      rt,
      rule,
      whenNames,
      memo,
      where,
      unlessNames: unlessVariables(rule),
    };
    this.plans.set(rule, plan);
    return plan;
  }

  /**
   * The values a `where` atom's free variable ranges over. Over a fact that only `holds`, they are
   * worked out once per bound arguments (unless they are the whole domain, which events extend).
   */
  private rangeOf(
    step: WhereStep,
    free: string,
    env: ReadonlyMap<string, string>,
  ): readonly string[] {
    const ranges = step.ranges;
    if (ranges === null) return this.evaluator.valuesFor(step.atom, free, env);
    const names = step.names;
    let key = free;
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      const value =
        name === null || name === undefined
          ? idArgument(step.atom, i, env)
          : name === free
            ? ""
            : (env.get(name) ?? "\u0001");
      key = `${key}\u0000${value}`;
    }
    let values = ranges.get(key);
    if (values === undefined) {
      values = this.evaluator.valuesFor(step.atom, free, env);
      // The whole domain grows as events name new values: not remembered.
      if (values === this.store.domain()) return values;
      values = values.slice();
      ranges.set(key, values);
    }
    return values;
  }

  /**
   * Whether a `where` atom holds with all its variables bound. An atom over a fact that only
   * `holds` (it never changes during the replay) is answered once per arguments.
   */
  private whereHolds(step: WhereStep, env: ReadonlyMap<string, string>): boolean {
    const answers = step.answers;
    if (answers === null) return this.evaluator.holdsIn(step.atom, env);
    const names = step.names;
    let key = "";
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      // An id may itself be bound (as a variable of that name is): the key reads it as the evaluator does.
      const value =
        name === null || name === undefined
          ? idArgument(step.atom, i, env)
          : (env.get(name) ?? "\u0001");
      key = i === 0 ? value : `${key}\u0000${value}`;
    }
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = this.evaluator.holdsIn(step.atom, env);
      answers.set(key, answer);
    }
    return answer;
  }

  /**
   * Whether a condition reads only facts that change when a day is settled, without `any` or
   * `count` (which may range over the domain, which events extend during the day).
   */
  private settledOnly(condition: Condition, seen: Set<string>): boolean {
    switch (condition.kind) {
      case "fact": {
        const fact = this.facts.get(condition.fact);
        if (fact === undefined) return false;
        if (fact.derived !== undefined) {
          if (seen.has(fact.id)) return true;
          seen.add(fact.id);
          return this.settledOnly(fact.derived, seen);
        }
        return fact.starts.length === 0 && fact.ends.length === 0;
      }
      case "not":
        return this.settledOnly(condition.operand, seen);
      case "and":
      case "or":
        return condition.operands.every((c) => this.settledOnly(c, seen));
      default:
        return false;
    }
  }

  /** One complete binding of a rule: its condition, then its proposal. */
  private propose(plan: RulePlan, env: SmallEnv, origin: Origin, checked: boolean): void {
    const rule = plan.rule;
    if (!checked && rule.when !== undefined && !this.evaluator.holdsIn(rule.when, env)) return;
    const rt = plan.rt;
    const params = rt.fact.params;
    const kept = rule.unless.length === 0 ? null : this.keep(plan, env);
    // The instance straight from the bindings, through the tree of its arguments: its key and
    // arguments are built only when it is new.
    let node: TrieNode | undefined = rt.trie;
    let complete = true;
    for (let i = 0; i < params.length; i++) {
      const value = env.get(params[i]!);
      if (value === undefined) {
        complete = false;
        break;
      }
      node = node?.get(value) as TrieNode | undefined;
    }
    const known = !complete
      ? undefined
      : params.length === 0
        ? (rt.only ?? undefined)
        : (node as Instance | undefined);
    if (rule.effect === "start") {
      if (!complete) return;
      const instance = known ?? this.instanceOf(rt, argumentsOf(params, env) as string[]);
      this.file(instance, true, rule.value ?? HOLDS, plan, kept, origin);
      return;
    }
    if (known !== undefined) this.endOne(known, plan, kept, origin);
    else this.endReached(rt, argumentsOf(params, env), plan, kept, origin);
  }

  /** What a proposal of a rule with `unless` keeps of its environment. */
  private keep(plan: RulePlan, env: ReadonlyMap<string, string>): Kept {
    const names = plan.unlessNames;
    const values: (string | undefined)[] = new Array(names.length);
    for (let i = 0; i < names.length; i++) values[i] = env.get(names[i]!);
    return new Kept(names, values);
  }

  private expand(
    plan: RulePlan,
    index: number,
    env: SmallEnv,
    origin: Origin,
    checked: boolean,
  ): void {
    const step = plan.where[index];
    if (step === undefined) {
      this.propose(plan, env, origin, checked);
      return;
    }
    let free: string | undefined;
    const names = step.names;
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (name !== null && name !== undefined && !env.has(name)) {
        free = name;
        break;
      }
    }
    if (free === undefined) {
      if (this.whereHolds(step, env)) this.expand(plan, index + 1, env, origin, checked);
      return;
    }
    // The environment is extended in place and restored: a proposal copies what it keeps.
    for (const value of this.rangeOf(step, free, env)) {
      env.set(free, value);
      if (this.whereHolds(step, env)) this.expand(plan, index + 1, env, origin, checked);
    }
    env.delete(free);
  }

  /** Whether an event of the day matches one of a rule's `unless` patterns under its bindings. */
  private prevented(rule: FactRule, env: Bound | null): boolean {
    if (env === null) return false;
    for (const pattern of rule.unless) {
      const events = this.happened.get(pattern);
      if (events === undefined) continue;
      const terms = this.simpleTerms(pattern);
      // What each term wants, read once rather than per event.
      const wanted = this.wanted;
      if (terms !== null)
        for (let i = 0; i < terms.length; i++) {
          const term = terms[i]!;
          wanted[i] = term.variable === null ? (term.id ?? undefined) : env.get(term.variable);
        }
      for (const event of events) {
        if (terms !== null) {
          const agrees = agreesSimply(terms, wanted, event);
          if (agrees === 1) return true;
          if (agrees === 0) continue;
        }
        if (this.agreesGenerally(pattern, event, env)) return true;
      }
    }
    return false;
  }

  /** The values the terms of an `unless` pattern want, reused. */
  private readonly wanted: (string | undefined)[] = [];

  /** Whether an event matches a pattern with bindings that agree with `env`, by the general matching. */
  private agreesGenerally(pattern: EventPattern, event: Event, env: Bound): boolean {
    return matchPattern(pattern, event, null, this.bindings, (b) => {
      for (let i = 0; i < b.length; i++) {
        const bound = env.get(b.names[i]!);
        if (bound !== undefined && bound !== b.values[i]) return false;
      }
      return true;
    });
  }

  /** Whether proposals wait for the day to be settled. */
  get pending(): boolean {
    return this.pendingDay !== null;
  }

  /**
   * Applies the day's proposals, stratum by stratum: each instance's changes are decided, and each
   * start or end sets off the rules that watch it (reading the facts as the day began); then all
   * changes take effect together.
   */
  settle(): void {
    const day = this.pendingDay;
    if (day === null) return;
    this.pendingDay = null;
    const round = ++this.rounds;
    const proposals = this.proposals;
    const applied = this.applied;
    let appliedCount = 0;
    // The instances with timers a value was started on today (their proposals say which).
    const started = this.started;
    let startedCount = 0;
    const touched = this.touched;
    for (let level = 0; level < this.levels; level++) {
      const list = this.byLevel[level];
      if (list === undefined || this.levelCounts[level] === 0) continue;
      let touchedCount = 0;
      for (let i = 0; i < this.levelCounts[level]!; i++) {
        const p = list[i]!;
        const kept = proposals.kept[p] ?? null;
        if (kept !== null && this.prevented(proposals.rule[p]!.rule, kept)) continue;
        const instance = proposals.instance[p]!;
        proposals.next[p] = -1;
        if (instance.round !== round) {
          instance.round = round;
          instance.first = p;
          touched[touchedCount++] = instance;
        } else proposals.next[instance.last] = p;
        instance.last = p;
      }
      this.levelCounts[level] = 0;
      for (let t = 0; t < touchedCount; t++) {
        const instance = touched[t]!;
        if (instance.rt.timerRules !== null)
          for (let p = instance.first; p >= 0; p = proposals.next[p]!)
            if (proposals.starts[p] && proposals.value[p] !== null) {
              started[startedCount++] = instance;
              break;
            }
        if (!this.decide(instance)) continue;
        applied[appliedCount++] = instance;
        this.setOff(instance, instance.value, instance.next, day);
      }
    }
    this.happened.clear();
    this.days++;
    const event = this.lastEvent;
    this.lastEvent = null;
    // The instances under their values before and after the change, for the replay's conditions.
    const changes: { fact: string; args: readonly string[] }[] = [];
    for (let i = 0; i < appliedCount; i++) {
      const instance = applied[i]!;
      const fact = instance.fact.id;
      if (instance.value !== null && this.host.watches(fact))
        changes.push({ fact, args: this.storeArgs(instance, instance.value) });
    }
    for (let i = 0; i < appliedCount; i++) {
      const instance = applied[i]!;
      this.apply(instance, instance.value, instance.next, day);
    }
    for (let s = 0; s < startedCount; s++) {
      const instance = started[s]!;
      // Each value started, once, in the order first proposed.
      const next = proposals.next;
      for (let p = instance.first; p >= 0; p = next[p]!) {
        const value = proposals.value[p]!;
        if (!proposals.starts[p] || value === null) continue;
        let first = true;
        for (let q = instance.first; q !== p && first; q = next[q]!)
          if (proposals.starts[q] && proposals.value[q] === value) first = false;
        if (first) this.setTimers(instance, value, day);
      }
    }
    // The day's proposals are let go, so that what they made dies young (kept, every collection
    // would copy it).
    this.letGo();
    // Let go, so that what they name is not kept alive by the lists.
    started.fill(null, 0, startedCount);
    if (appliedCount === 0) return;
    for (let i = 0; i < appliedCount; i++) {
      const instance = applied[i]!;
      applied[i] = null;
      const fact = instance.fact.id;
      if (instance.value !== null && this.host.watches(fact))
        changes.push({ fact, args: this.storeArgs(instance, instance.value) });
    }
    if (changes.length > 0) this.host.changed(changes, day, event);
  }

  /**
   * Lets the settled proposals go. A proposal filed during the settlement at a stratum already
   * settled (rules whose changes set each other off) waits for the next settlement: it is filed
   * again, under a new number.
   */
  private letGo(): void {
    const proposals = this.proposals;
    let waiting = 0;
    for (let level = 0; level < this.levels; level++) waiting += this.levelCounts[level] ?? 0;
    if (waiting === 0) {
      proposals.clear();
      return;
    }
    const kept: Proposals = new DayProposals();
    for (let level = 0; level < this.levels; level++) {
      const list = this.byLevel[level];
      const count = this.levelCounts[level] ?? 0;
      if (list === undefined) continue;
      for (let i = 0; i < count; i++) {
        list[i] = kept.copy(proposals, list[i]!);
      }
    }
    proposals.clear();
    for (let p = 0; p < kept.count; p++) proposals.copy(kept, p);
  }

  /** The instances a stratum's proposals touch, reused. */
  private readonly touched: Instance[] = [];
  /** The instances a settlement changes, and those it starts a value of a fact with timers on (reused). */
  private readonly applied: (Instance | null)[] = [];
  private readonly started: (Instance | null)[] = [];

  /** Files a proposal under its fact's stratum. */
  private file(
    instance: Instance,
    starts: boolean,
    value: string | null,
    plan: RulePlan,
    kept: Kept | null,
    origin: Origin,
  ): void {
    const p = this.proposals.add(instance, starts, value, plan, kept, origin);
    const level = instance.level;
    let list = this.byLevel[level];
    if (list === undefined) {
      list = [];
      this.byLevel[level] = list;
      this.levelCounts[level] = 0;
    }
    list[this.levelCounts[level]!++] = p;
  }

  /**
   * One instance's change on a day, as RTEC decides it: a value started is ended the same day by
   * the start of any other value and by a matching `ends`, and a value ended that day does not
   * hold after it. So one value started (and not ended) holds; two values started, or a value
   * started and ended, leave the instance holding none; the value held goes on only if nothing
   * ends it.
   */
  private decide(instance: Instance): boolean {
    const from = instance.value;
    const proposals = this.proposals;
    const first = instance.first;
    let start = -1;
    let clash = false;
    let end = -1;
    for (let p = first; p >= 0; p = proposals.next[p]!) {
      if (proposals.starts[p]) {
        if (start < 0) start = p;
        else if (proposals.value[p] !== proposals.value[start]) clash = true;
      } else if (end < 0) end = p;
    }
    // An end marked rather than filed (the instance held nothing): as a filed end, it leaves a
    // value started today not holding, and the instance holding none, as before.
    if (start >= 0 && instance.idleEnd === this.days) return false;
    let to: string | null;
    let cause: number;
    if (start < 0) {
      if (from === null || !endsValue(proposals, first, from)) return false;
      to = null;
      cause = end;
    } else if (clash || (end >= 0 && endsValue(proposals, first, proposals.value[start]!))) {
      if (from === null) return false;
      to = null;
      cause = start;
    } else {
      const value = proposals.value[start]!;
      if (value === from) return false;
      to = value;
      cause = start;
    }
    instance.next = to;
    instance.cause = cause;
    return true;
  }

  /** Offers an instance's start and end to the rules watching its fact. */
  private setOff(instance: Instance, from: string | null, to: string | null, day: Day): void {
    const watchers = instance.rt.watchers;
    if (watchers === null) return;
    for (let w = 0; w < watchers.length; w++) {
      const plan = watchers[w]!;
      const rule = plan.rule;
      const trigger = rule.trigger;
      if (trigger.kind !== "change") continue;
      const value = trigger.edge === "start" ? to : from;
      if (value === null) continue;
      if (trigger.value !== undefined && trigger.value !== value) continue;
      const env = new SmallEnv();
      let ok = true;
      const terms = trigger.args;
      for (let i = 0; i < terms.length && ok; i++) {
        const term = terms[i]!;
        const actual = instance.args[i];
        if (actual === undefined) continue;
        if (term.kind === "id") ok = term.id === actual;
        else if (term.kind === "var") {
          const name = bareName(term.name);
          const bound = env.get(name);
          if (bound === undefined) env.set(name, actual);
          else ok = bound === actual;
        }
      }
      if (!ok) continue;
      this.fire(plan, env, {
        kind: "change",
        edge: trigger.edge,
        key: this.valueKey(instance, value),
        day,
      });
    }
  }

  /** The arguments an instance holding a value has in the store (the value last, if any). */
  private storeArgs(instance: Instance, value: string): readonly string[] {
    return slotOf(instance, value).args;
  }

  private apply(instance: Instance, from: string | null, to: string | null, day: Day): void {
    const fact = instance.fact;
    if (from !== null) {
      const slot = slotOf(instance, from);
      const key = slot.key;
      if (instance.initial) {
        // The initial value held from the first day; its interval is written now that it ends.
        this.store.open(key, this.firstDay, {
          kind: "rule",
          summary: `${key} holds initially (initially ${from})`,
          sources: fact.sources,
        });
        this.store.close(key, day);
      } else this.store.endHandle(slot, day);
    }
    if (instance.initial) {
      instance.initial = false;
      this.store.touch(fact.id, instance.args);
    }
    instance.value = to;
    instance.version++;
    if (to === null) return;
    const slot = slotOf(instance, to);
    this.store.startHandle(slot, day, this.reasonOf(instance.cause, slot.key));
    instance.cause = -1;
  }

  /**
   * Sets the timers of a value started on a day, whether or not it came to hold (RTEC counts a
   * deadline from every initiation): each runs if the instance has not changed since.
   */
  private setTimers(instance: Instance, value: string, day: Day): void {
    const rules = instance.rt.timerRules;
    if (rules === null) return;
    for (const rule of rules) {
      const trigger = rule.trigger;
      if (trigger.kind !== "timer" || (trigger.from ?? HOLDS) !== value) continue;
      this.host.schedule(addDuration(day, trigger.after), {
        instance,
        rule,
        version: instance.version,
        since: day,
      });
    }
  }
}
