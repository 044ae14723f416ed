import type { Condition, FactCondition, Quantity } from "../language/model/condition.ts";
import type { Fact } from "../language/model/fact.ts";
import type { PatternTerm } from "../language/model/pattern.ts";
import { assertNever } from "./assert-never.ts";
import type { ArgOption, FactStore } from "./fact-store.ts";
import { variableName } from "./format-condition.ts";
import type { Roles } from "./pattern-match.ts";

/** A fact applied to values: `at-war(prc,japan)`. */
export interface GroundAtom {
  readonly fact: Fact;
  readonly args: readonly string[];
  readonly key: string;
}

type Env = ReadonlyMap<string, string> | null;

/** An atom's argument under an environment: an id (or what binds it), a bound variable. */
function argumentValue(term: PatternTerm, env: Env): string | undefined {
  if (term.kind === "id") return env?.get(term.id) ?? term.id;
  if (term.kind === "var") return env?.get(bareName(term.name));
  return undefined;
}

/**
 * The facts whose instances' values another part of the replay keeps at hand (the facts with
 * rules): a condition naming such an instance in full reads its value there, without a key.
 */
export interface ValueLookup {
  /** Whether the lookup answers for this fact. */
  covers(fact: Fact): boolean;
  /**
   * The value the instance of these arguments (the first `count` of `args`) holds now: a value,
   * `""` for a fact without values that holds, or null.
   */
  valueOf(fact: Fact, args: readonly string[], count: number): string | null;
  /**
   * How many distinct values at `position` the instances holding now (not those holding an
   * initial value never changed) have, among those whose other arguments match the options (a
   * fact with values: the value last), as the store's `valuesAt` would count them.
   */
  countAt(fact: Fact, options: readonly ArgOption[], position: number): number;
}

const bareNames = new Map<string, string>();

/**
 * `variableName`, remembered: the hot paths look a variable up by its bare name many times, and
 * the same string each time is hashed once.
 */
export function bareName(name: string): string {
  let bare = bareNames.get(name);
  if (bare === undefined) {
    bare = variableName(name);
    bareNames.set(name, bare);
  }
  return bare;
}

/** Derived facts deeper than this are taken not to hold (it stops circular definitions). */
const MAX_DEPTH = 32;

function cartesian(options: readonly (readonly string[])[]): string[][] {
  let out: string[][] = [[]];
  for (const values of options) {
    const next: string[][] = [];
    for (const prefix of out) for (const v of values) next.push([...prefix, v]);
    out = next;
  }
  return out;
}

/**
 * Evaluates conditions over the facts holding now. In a condition, `holder` and `counterparty`
 * stand for any of the provision's parties, a free variable or `any` for any value, and
 * `any ?x: C` holds when some value of the domain makes C hold. In a derived fact's body, its
 * parameters (written bare or as variables) stand for the arguments it is applied to.
 */
export class ConditionEvaluator {
  private readonly dependencyCache = new Map<string, ReadonlySet<string>>();
  private lookup: ValueLookup | null = null;
  /** The arguments of a fact atom named in full, reused (lookups never keep it). */
  private readonly groundArgs: string[] = [];

  constructor(
    private readonly facts: ReadonlyMap<string, Fact>,
    private readonly store: FactStore,
  ) {}

  /** Reads the instances of the facts a lookup covers through it. */
  useLookup(lookup: ValueLookup): void {
    this.lookup = lookup;
  }

  holds(condition: Condition, roles: Roles | null): boolean {
    return this.evaluate(condition, null, roles, 0);
  }

  /** Whether a condition holds with these variables bound (names without `?`). */
  holdsIn(condition: Condition, env: ReadonlyMap<string, string>): boolean {
    return this.evaluate(condition, env, null, 0);
  }

  /**
   * The values of a free variable that may make a fact atom hold with `env` bound: those the
   * fact holds of now (a primitive fact), or the whole domain.
   */
  valuesFor(
    atom: FactCondition,
    name: string,
    env: ReadonlyMap<string, string>,
  ): readonly string[] {
    return this.candidates(atom, name, env, null) ?? this.store.domain();
  }

  /** Whether a fact holds of these values now (derived facts are evaluated). */
  factHolds(fact: Fact, args: readonly string[]): boolean {
    return this.atom(fact, args, 0);
  }

  private evaluate(condition: Condition, env: Env, roles: Roles | null, depth: number): boolean {
    switch (condition.kind) {
      case "fact": {
        const fact = this.facts.get(condition.fact);
        if (fact === undefined) return false;
        if (
          fact.derived === undefined &&
          (fact.values === undefined || condition.value !== undefined)
        ) {
          const count = this.fillGroundArgs(condition, env);
          if (count > 0) {
            const lookup = this.lookup;
            if (lookup?.covers(fact)) {
              const held = lookup.valueOf(fact, this.groundArgs, count);
              return condition.value === undefined ? held !== null : held === condition.value;
            }
            if (fact.values === undefined)
              return this.store.holdsArgs(fact.id, this.groundArgs, count);
          }
          const base = count === 0 ? null : this.groundKey(condition, env);
          if (base !== null) return this.store.holdsGround(fact.id, base, condition.value ?? null);
        }
        if (fact.derived !== undefined && condition.value === undefined) {
          const inner = this.groundEnv(condition, fact, env, depth + 1);
          if (inner !== null)
            return depth + 1 <= MAX_DEPTH && this.evaluate(fact.derived, inner, null, depth + 1);
        }
        const options = this.options(condition, fact, env, roles);
        if (fact.derived === undefined) return this.store.holds(fact.id, options);
        const domain = this.store.domain();
        const values = options.map((o) => (o === null ? domain : typeof o === "string" ? [o] : o));
        return cartesian(values).some((args) => this.atom(fact, args, depth + 1));
      }
      case "not":
        return !this.evaluate(condition.operand, env, roles, depth);
      case "and":
        return condition.operands.every((c) => this.evaluate(c, env, roles, depth));
      case "or":
        return condition.operands.some((c) => this.evaluate(c, env, roles, depth));
      case "any": {
        const name = bareName(condition.variable);
        const body = condition.body;
        if (body.kind === "fact" && this.facts.get(body.fact)?.derived === undefined) {
          // `any ?x: F(…, ?x, …)` for a primitive F: some instance of F with any value there.
          if (env === null || !env.has(name)) return this.evaluate(body, env, roles, depth);
        }
        const values = this.candidates(condition.body, name, env, roles) ?? [
          ...this.store.domain(),
        ];
        if (values.length === 0) return false;
        const inner = new Map(env ?? []);
        for (const value of values) {
          inner.set(name, value);
          if (this.evaluate(condition.body, inner, roles, depth)) return true;
        }
        return false;
      }
      case "compare": {
        const left = this.quantity(condition.left, env, roles, depth);
        const right = this.quantity(condition.right, env, roles, depth);
        switch (condition.op) {
          case "at-least":
            return left >= right;
          case "at-most":
            return left <= right;
          case "more-than":
            return left > right;
          case "fewer-than":
            return left < right;
          case "equal-to":
            return left === right;
          default:
            return assertNever(condition.op);
        }
      }
      default:
        return assertNever(condition);
    }
  }

  /** Per depth: the environment of a derived fact's body, reused (evaluation never keeps it). */
  private readonly scratchEnvs: Map<string, string>[] = [];
  /** Per depth: the derived fact whose parameters its environment holds. */
  private readonly scratchOwners: Fact[] = [];

  /**
   * A derived fact's parameters bound to the values an atom names, when ids and bound variables
   * give every one of them; null otherwise.
   */
  private groundEnv(
    condition: FactCondition,
    fact: Fact,
    env: Env,
    depth: number,
  ): Map<string, string> | null {
    const args = condition.args;
    let inner = this.scratchEnvs[depth];
    if (inner === undefined) {
      inner = new Map();
      this.scratchEnvs[depth] = inner;
      this.scratchOwners[depth] = fact;
    } else if (this.scratchOwners[depth] !== fact || inner.size !== args.length) {
      // Another fact's parameters: cleared. The same fact's are all set again below (clearing
      // would make the map anew each time).
      inner.clear();
      this.scratchOwners[depth] = fact;
    }
    for (let i = 0; i < args.length; i++) {
      const term = args[i]!;
      const value = argumentValue(term, env);
      if (value === undefined) return null;
      const param = fact.params[i];
      if (param !== undefined) inner.set(variableName(param), value);
    }
    return inner;
  }

  /**
   * Writes the arguments of the instance an atom names into `groundArgs`, when ids and bound
   * variables give every one of them: their number, or 0 (also for an atom without arguments).
   */
  private fillGroundArgs(condition: FactCondition, env: Env): number {
    const args = condition.args;
    const out = this.groundArgs;
    for (let i = 0; i < args.length; i++) {
      const term = args[i]!;
      const value = argumentValue(term, env);
      if (value === undefined) return 0;
      out[i] = value;
    }
    return args.length;
  }

  /** The key of the instance an atom names, when ids and bound variables give every argument. */
  private groundKey(condition: FactCondition, env: Env): string | null {
    const args = condition.args;
    let key = `${condition.fact}(`;
    for (let i = 0; i < args.length; i++) {
      const term = args[i]!;
      const value = argumentValue(term, env);
      if (value === undefined) return null;
      key += i === 0 ? value : `,${value}`;
    }
    return `${key})`;
  }

  /**
   * The argument options of a fact atom; for a fact with values, the value (or any) comes last,
   * as the store keeps it.
   */
  private options(
    condition: FactCondition,
    fact: Fact,
    env: Env,
    roles: Roles | null,
  ): ArgOption[] {
    const options = condition.args.map((term) => this.option(term, env, roles));
    if (fact.values !== undefined) options.push(condition.value ?? null);
    return options;
  }

  /**
   * A number, or how many distinct values of a variable make a body hold now. A body that is one
   * primitive fact naming the variable is answered from the fact's index; any other body is tried
   * with every value of the domain.
   */
  private quantity(q: Quantity, env: Env, roles: Roles | null, depth: number): number {
    if (q.kind === "number") return q.value;
    const name = bareName(q.variable);
    const body = q.body;
    if (body.kind === "fact" && (env === null || !env.has(name))) {
      const fact = this.facts.get(body.fact);
      if (fact !== undefined && fact.derived === undefined) {
        const position = body.args.findIndex((t) => t.kind === "var" && bareName(t.name) === name);
        if (position >= 0) {
          const options = this.options(body, fact, env, roles);
          options[position] = null;
          const lookup = this.lookup;
          if (lookup?.covers(fact)) return lookup.countAt(fact, options, position);
          return this.store.valuesAt(fact.id, options, position).length;
        }
      }
    }
    const values = this.candidates(body, name, env, roles) ?? [...this.store.domain()];
    const inner = new Map(env ?? []);
    let n = 0;
    for (const value of values) {
      inner.set(name, value);
      if (this.evaluate(body, inner, roles, depth)) n++;
    }
    return n;
  }

  /**
   * The only values of `name` that can make `body` hold, when the body requires a primitive fact
   * naming it (alone, or as a conjunct): the values that fact holds of now. Undefined when the
   * whole domain must be tried.
   */
  private candidates(
    body: Condition,
    name: string,
    env: Env,
    roles: Roles | null,
  ): string[] | undefined {
    if (body.kind === "and") {
      for (const operand of body.operands) {
        const found = this.candidates(operand, name, env, roles);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    if (body.kind !== "fact") return undefined;
    const fact = this.facts.get(body.fact);
    if (fact === undefined || fact.derived !== undefined) return undefined;
    const position = body.args.findIndex((t) => t.kind === "var" && bareName(t.name) === name);
    if (position < 0) return undefined;
    const options = this.options(body, fact, env, roles);
    body.args.forEach((term, i) => {
      if (i === position || (term.kind === "var" && bareName(term.name) === name))
        options[i] = null;
    });
    return this.store.valuesAt(fact.id, options, position);
  }

  /**
   * For each primitive fact a condition depends on, which changes can matter to it: null when
   * any instance's change may, else (position, value) pairs of which a changed instance must
   * match one (from the first argument the condition fixes, such as `counterparty`).
   */
  changeFilters(
    condition: Condition,
    roles: Roles | null,
  ): Map<string, (readonly [number, string])[] | null> {
    const out = new Map<string, (readonly [number, string])[] | null>();
    const add = (name: string, pairs: (readonly [number, string])[] | null): void => {
      if (!out.has(name)) {
        out.set(name, pairs === null ? null : [...pairs]);
        return;
      }
      const existing = out.get(name);
      if (existing === null || existing === undefined) return; // already: any change matters
      if (pairs === null) out.set(name, null);
      else existing.push(...pairs);
    };
    const walk = (c: Condition): void => {
      switch (c.kind) {
        case "fact": {
          const fact = this.facts.get(c.fact);
          if (fact === undefined) return;
          if (fact.derived !== undefined) {
            for (const name of this.factDependencies(fact.id)) add(name, null);
            return;
          }
          const options = this.options(c, fact, null, roles);
          const position = options.findIndex((o) => o !== null);
          const option = options[position];
          if (position < 0 || option === undefined || option === null) add(fact.id, null);
          else
            add(
              fact.id,
              (typeof option === "string" ? [option] : option).map((v) => [position, v] as const),
            );
          return;
        }
        case "not":
          walk(c.operand);
          return;
        case "and":
        case "or":
          for (const operand of c.operands) walk(operand);
          return;
        case "any":
          walk(c.body);
          return;
        case "compare":
          for (const q of [c.left, c.right]) if (q.kind === "count") walk(q.body);
          return;
        default:
          assertNever(c);
      }
    };
    walk(condition);
    return out;
  }

  private atom(fact: Fact, args: readonly string[], depth: number): boolean {
    if (fact.derived === undefined) return this.store.holds(fact.id, args);
    if (depth > MAX_DEPTH) return false;
    const env = new Map<string, string>();
    for (const [i, param] of fact.params.entries()) {
      const value = args[i];
      if (value !== undefined) env.set(bareName(param), value);
    }
    return this.evaluate(fact.derived, env, null, depth);
  }

  private option(term: PatternTerm, env: Env, roles: Roles | null): ArgOption {
    switch (term.kind) {
      case "id":
        return env?.get(term.id) ?? term.id;
      case "var":
        return env?.get(bareName(term.name)) ?? null;
      case "holder":
        return roles?.holders ?? [];
      case "counterparty":
        return roles?.counterparties ?? [];
      case "any":
        return null;
      default:
        return assertNever(term);
    }
  }

  /** The primitive facts a condition depends on, through derived facts. */
  dependencies(condition: Condition): ReadonlySet<string> {
    const out = new Set<string>();
    this.collectDependencies(condition, out, new Set());
    return out;
  }

  /** The primitive facts a fact depends on (itself, if primitive). */
  factDependencies(id: string): ReadonlySet<string> {
    const cached = this.dependencyCache.get(id);
    if (cached !== undefined) return cached;
    const out = new Set<string>();
    this.collectFact(id, out, new Set());
    this.dependencyCache.set(id, out);
    return out;
  }

  private collectFact(id: string, out: Set<string>, seen: Set<string>): void {
    if (seen.has(id)) return;
    seen.add(id);
    const fact = this.facts.get(id);
    if (fact === undefined) return;
    if (fact.derived === undefined) out.add(id);
    else this.collectDependencies(fact.derived, out, seen);
  }

  private collectDependencies(condition: Condition, out: Set<string>, seen: Set<string>): void {
    switch (condition.kind) {
      case "fact":
        this.collectFact(condition.fact, out, seen);
        return;
      case "not":
        this.collectDependencies(condition.operand, out, seen);
        return;
      case "and":
      case "or":
        for (const c of condition.operands) this.collectDependencies(c, out, seen);
        return;
      case "any":
        this.collectDependencies(condition.body, out, seen);
        return;
      case "compare":
        for (const q of [condition.left, condition.right])
          if (q.kind === "count") this.collectDependencies(q.body, out, seen);
        return;
      default:
        assertNever(condition);
    }
  }

  /**
   * The fact instances a condition names with known values (outside `any`), with `holder` and
   * `counterparty` expanded to each party; with `nested`, also those named inside the derived
   * facts it uses. These are the instances whose timelines explain the condition.
   */
  groundAtoms(condition: Condition, roles: Roles | null, nested: boolean): GroundAtom[] {
    const out = new Map<string, GroundAtom>();
    this.collectAtoms(condition, null, roles, nested, out, 0);
    return [...out.values()];
  }

  private collectAtoms(
    condition: Condition,
    env: Env,
    roles: Roles | null,
    nested: boolean,
    out: Map<string, GroundAtom>,
    depth: number,
  ): void {
    switch (condition.kind) {
      case "fact": {
        const fact = this.facts.get(condition.fact);
        if (fact === undefined || depth > MAX_DEPTH) return;
        const options = this.options(condition, fact, env, roles);
        if (options.some((o) => o === null)) return;
        const values = options.map((o) => (typeof o === "string" ? [o] : (o as readonly string[])));
        for (const args of cartesian(values)) {
          const key = this.store.keyOf(fact.id, args);
          if (out.has(key)) continue;
          out.set(key, { fact, args, key });
          if (nested && fact.derived !== undefined) {
            const inner = new Map<string, string>();
            for (const [i, param] of fact.params.entries()) inner.set(bareName(param), args[i]!);
            this.collectAtoms(fact.derived, inner, null, nested, out, depth + 1);
          }
        }
        return;
      }
      case "not":
        this.collectAtoms(condition.operand, env, roles, nested, out, depth);
        return;
      case "and":
      case "or":
        for (const c of condition.operands) this.collectAtoms(c, env, roles, nested, out, depth);
        return;
      case "any":
      case "compare":
        return;
      default:
        assertNever(condition);
    }
  }
}
