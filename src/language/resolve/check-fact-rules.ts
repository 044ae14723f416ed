import type { Location } from "../diagnostics/location.ts";
import type { Condition, FactCondition } from "../model/condition.ts";
import type { Fact } from "../model/fact.ts";
import type { ResolveContext } from "./resolve-context.ts";

/** The fact atoms of a condition, counts included. */
function atomsOf(condition: Condition, out: FactCondition[]): FactCondition[] {
  switch (condition.kind) {
    case "fact":
      out.push(condition);
      break;
    case "not":
      atomsOf(condition.operand, out);
      break;
    case "and":
    case "or":
      for (const c of condition.operands) atomsOf(c, out);
      break;
    case "any":
      atomsOf(condition.body, out);
      break;
    case "compare":
      for (const q of [condition.left, condition.right])
        if (q.kind === "count") atomsOf(q.body, out);
      break;
  }
  return out;
}

/**
 * Checks what needs every fact declared: a value named after `=` or in `start of …` belongs to
 * its fact's values (PCT114), and no fact's start or end sets off, through other facts' rules,
 * a change of that fact itself on the same day (PCT116).
 */
export function checkFactRules(ctx: ResolveContext): void {
  const facts = new Map(ctx.facts.map((f) => [f.id, f]));
  const checkAtom = (atom: { fact: string; value?: string }, at: Location, where: string): void => {
    const fact = facts.get(atom.fact);
    if (fact === undefined) return; // reported as an unknown id
    if (atom.value === undefined) return;
    if (fact.values === undefined)
      ctx.report(
        "PCT114",
        at,
        `${atom.fact} has no values, so '${atom.fact}(…) = ${atom.value}' in ${where} cannot hold: remove '= ${atom.value}', or give ${atom.fact} 'values'`,
      );
    else if (!fact.values.includes(atom.value))
      ctx.report(
        "PCT114",
        at,
        `'${atom.value}' is not one of the values of ${atom.fact} (${fact.values.join(", ")}) in ${where}: use one of them`,
      );
  };
  for (const fact of ctx.facts) {
    if (fact.derived !== undefined)
      for (const atom of atomsOf(fact.derived, []))
        checkAtom(atom, fact.at, `the definition of ${fact.id}`);
    for (const rule of fact.rules ?? []) {
      const where = `a rule of ${fact.id}`;
      if (rule.trigger.kind === "change") checkAtom(rule.trigger, rule.at, where);
      for (const atom of rule.where) checkAtom(atom, rule.at, where);
      if (rule.when !== undefined)
        for (const atom of atomsOf(rule.when, [])) checkAtom(atom, rule.at, where);
    }
  }
  for (const p of ctx.provisions)
    if (p.when !== undefined)
      for (const atom of atomsOf(p.when, [])) checkAtom(atom, p.at, `the condition of ${p.id}`);
  checkCycles(ctx, facts);
  checkTimers(ctx);
}

/**
 * Timers: each lasts at least a day (PCT118: a timer of no length would fire again and again on
 * the same day), and a fact's timers that lead from value to value back to the first, with no
 * event between, are reported (PCT119): they run for ever, and a replay stops them (see
 * docs/semantics.md §6.1).
 */
function checkTimers(ctx: ResolveContext): void {
  for (const fact of ctx.facts) {
    const next = new Map<string, string[]>();
    for (const rule of fact.rules ?? []) {
      if (rule.trigger.kind !== "timer") continue;
      if (rule.trigger.after.amount <= 0) {
        ctx.report(
          "PCT118",
          rule.at,
          `A timer of ${rule.trigger.after.amount} ${rule.trigger.after.unit}s in a rule of ${fact.id} would fire again and again on the same day: give it at least 1 day`,
        );
        continue;
      }
      const from = rule.trigger.from;
      if (from === undefined || rule.effect !== "start" || rule.value === undefined) continue;
      next.set(from, [...(next.get(from) ?? []), rule.value]);
    }
    const cycle = timerCycle(next);
    if (cycle !== undefined)
      ctx.report(
        "PCT119",
        fact.at,
        `The timers of ${fact.id} turn ${cycle.join(" → ")} with no event between, for ever: a replay stops them once every timer of the documents has run after the last event. If the cycle should end, make one of its steps wait for an event ('becomes V on …')`,
      );
  }
}

/** A cycle of values in `next` (value → values its timers lead to), as a path back to its start. */
function timerCycle(next: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const done = new Set<string>();
  const walk = (value: string, path: string[]): string[] | undefined => {
    const at = path.indexOf(value);
    if (at >= 0) return [...path.slice(at), value];
    if (done.has(value)) return undefined;
    for (const to of next.get(value) ?? []) {
      const found = walk(to, [...path, value]);
      if (found !== undefined) return found;
    }
    done.add(value);
    return undefined;
  };
  for (const value of next.keys()) {
    const found = walk(value, []);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Facts whose changes set off rules of `fact`: the facts its `start of`/`end of` triggers name. */
function triggeredBy(fact: Fact): string[] {
  const out: string[] = [];
  for (const rule of fact.rules ?? [])
    if (rule.trigger.kind === "change" && !out.includes(rule.trigger.fact))
      out.push(rule.trigger.fact);
  return out;
}

function checkCycles(ctx: ResolveContext, facts: ReadonlyMap<string, Fact>): void {
  const state = new Map<string, "open" | "done">();
  const reported = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    const seen = state.get(id);
    if (seen === "done") return;
    if (seen === "open") {
      const cycle = path.slice(path.indexOf(id));
      const fact = facts.get(id);
      if (fact !== undefined && !cycle.some((f) => reported.has(f))) {
        for (const f of cycle) reported.add(f);
        ctx.report(
          "PCT116",
          fact.at,
          `The start or end of ${[...cycle, id].join(" → ")} sets off a change of ${id} itself on the same day: break the circle, e.g. with a timer ('becomes V 1 day after W') or a condition instead of a 'start of' trigger`,
        );
      }
      return;
    }
    const fact = facts.get(id);
    if (fact === undefined) return;
    state.set(id, "open");
    // An edge runs from a fact to the facts its changes set off; walk it backwards.
    for (const source of triggeredBy(fact)) visit(source, [...path, id]);
    state.set(id, "done");
  };
  for (const fact of ctx.facts) visit(fact.id, []);
}
