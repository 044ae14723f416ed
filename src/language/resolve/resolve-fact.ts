import type { Condition } from "../model/condition.ts";
import type { FactRule, NormativeKind } from "../model/fact-rule.ts";
import { normativeKinds } from "../model/fact-rule.ts";
import type { EventPattern, PatternTerm } from "../model/pattern.ts";
import type { Statement } from "../syntax/syntax-tree.ts";
import { describe } from "./arg-cursor.ts";
import { readCondition } from "./read-condition.ts";
import { readFactRule } from "./read-fact-rule.ts";
import { readPattern } from "./read-pattern.ts";
import type { ResolveContext } from "./resolve-context.ts";

const fields = ["starts", "ends", "becomes", "lasts", "values", "initially", "holds", "kind"];

/** Whether a `starts`/`ends` field says more than a bare event pattern (so it is a rule). */
function isRuleField(statement: Statement): boolean {
  const args = statement.args;
  const first = args[0];
  const second = args[1];
  if (first?.kind === "number") return true;
  if (
    first?.kind === "ident" &&
    (first.value === "start" || first.value === "end") &&
    second?.kind === "ident" &&
    second.value === "of"
  )
    return true;
  return args.some(
    (t) =>
      t.kind === "ident" && (t.value === "where" || t.value === "when" || t.value === "unless"),
  );
}

function variablesOf(terms: readonly PatternTerm[], out: Set<string>): void {
  for (const term of terms) if (term.kind === "var") out.add(term.name);
}

/** The variables a rule's trigger and `where` bind. */
function boundBy(rule: FactRule): Set<string> {
  const out = new Set<string>();
  const trigger = rule.trigger;
  if (trigger.kind === "event") {
    variablesOf(trigger.pattern.objects, out);
    variablesOf(trigger.pattern.actors, out);
    variablesOf(trigger.pattern.targets, out);
  } else if (trigger.kind === "change") variablesOf(trigger.args, out);
  for (const atom of rule.where) variablesOf(atom.args, out);
  return out;
}

/**
 * `fact NAME(a, b) "description" { starts PATTERN; ends PATTERN }`,
 * `fact NAME(a) = CONDITION` (a derived fact), or a fact with rules:
 * `values …`, `initially V`, `holds A, B`, `kind K`, `starts|ends TRIGGER where … when … unless …`,
 * `becomes V on TRIGGER …`, `becomes V N days after W`, `lasts N days`.
 */
export function resolveFact(ctx: ResolveContext, statement: Statement): void {
  const cursor = ctx.cursor(statement);
  const id = cursor.expectIdent("the fact's name");
  if (!id) return;
  const params: string[] = [];
  if (cursor.eatKind("lparen") && !cursor.eatKind("rparen")) {
    for (;;) {
      const param = cursor.expectIdent(`a parameter of ${id.value}`);
      if (!param) return;
      params.push(param.value);
      if (cursor.eatKind("comma")) continue;
      if (cursor.eatKind("rparen")) break;
      cursor.report("PCT102", `Expected ',' or ')' in the parameters of ${id.value}`);
      return;
    }
  }
  const description = cursor.isKind("string") ? cursor.next()?.value : undefined;
  const paramSet = new Set(params);
  let derived: Condition | undefined;
  if (cursor.eatKind("equals")) {
    derived = readCondition(cursor, ctx.refs, `the definition of ${id.value}`, paramSet);
    if (!derived) return;
  }
  cursor.expectEnd(`fact ${id.value}`);
  if (!ctx.declare(id.value, "fact", cursor.at(id))) return;
  const blockFields = statement.block?.statements ?? [];
  const ruled = blockFields.some(
    (f) =>
      f.keyword.value === "becomes" ||
      f.keyword.value === "lasts" ||
      f.keyword.value === "values" ||
      ((f.keyword.value === "starts" || f.keyword.value === "ends") && isRuleField(f)),
  );
  const starts: EventPattern[] = [];
  const ends: EventPattern[] = [];
  const rules: FactRule[] = [];
  const ruleFields: Statement[] = [];
  const holds: string[][] = [];
  let values: string[] | undefined;
  let initially: { value: string; statement: Statement } | undefined;
  let normative: NormativeKind | undefined;
  for (const field of blockFields) {
    const c = ctx.cursor(field);
    const key = field.keyword.value;
    switch (key) {
      case "starts":
      case "ends":
      case "becomes":
      case "lasts": {
        if (!ruled) {
          const pattern = readPattern(
            c,
            { refs: ctx.refs },
            `what ${key === "starts" ? "starts" : "ends"} ${id.value}`,
          );
          if (pattern) (key === "starts" ? starts : ends).push(pattern);
        } else {
          const rule = readFactRule(c, ctx.refs, key, id.value);
          if (rule) {
            rules.push(rule);
            ruleFields.push(field);
          }
        }
        c.expectEnd(key);
        break;
      }
      case "values": {
        const list: string[] = [];
        do {
          const token = c.expectIdent(`a value of ${id.value}`);
          if (!token) break;
          if (list.includes(token.value))
            c.report(
              "PCT103",
              `The value '${token.value}' is listed twice: list it once`,
              c.at(token),
            );
          list.push(token.value);
        } while (c.eatKind("comma"));
        c.expectEnd("values");
        if (values !== undefined)
          ctx.report(
            "PCT102",
            ctx.location(field),
            `${id.value} lists its values twice: keep one 'values' field`,
          );
        values = list;
        break;
      }
      case "initially": {
        const token = c.expectIdent(`the value ${id.value} holds initially`);
        if (token) initially = { value: token.value, statement: field };
        c.expectEnd("initially");
        break;
      }
      case "holds": {
        do {
          const tuple: string[] = [];
          const paren = c.eatKind("lparen");
          do {
            const token = c.expectIdent(`an argument of an instance of ${id.value}`);
            if (!token) break;
            ctx.refs.add(token.value, [], c.at(token), `an instance of ${id.value}`);
            tuple.push(token.value);
          } while (paren && c.eatKind("comma"));
          if (paren && !c.eatKind("rparen")) {
            c.report(
              "PCT102",
              `Expected ')' after an instance of ${id.value}, found ${describe(c.peek())}`,
            );
            break;
          }
          if (tuple.length !== params.length)
            ctx.report(
              "PCT117",
              ctx.location(field),
              `An instance of ${id.value} needs ${params.length} argument(s), found ${tuple.length}: write 'holds (a, b)' for each instance of a fact with several parameters`,
            );
          else holds.push(tuple);
        } while (c.eatKind("comma"));
        c.expectEnd("holds");
        break;
      }
      case "kind": {
        const token = c.expectIdent(`what kind of normative position ${id.value} is`);
        if (token) {
          if ((normativeKinds as readonly string[]).includes(token.value))
            normative = token.value as NormativeKind;
          else
            c.report(
              "PCT102",
              `Unknown kind '${token.value}' of fact ${id.value}: expected one of ${normativeKinds.join(", ")}`,
              c.at(token),
            );
        }
        c.expectEnd("kind");
        break;
      }
      default:
        ctx.unknownField(field, `fact ${id.value}`, fields);
    }
  }
  if (derived && blockFields.some((f) => f.keyword.value !== "kind")) {
    ctx.report(
      "PCT102",
      ctx.location(statement),
      `Fact ${id.value} is derived ('= …'), so events cannot start or end it: keep only 'kind' in its block`,
    );
  }
  checkRules(ctx, id.value, params, values, rules, ruleFields);
  if (values !== undefined && holds.length > 0)
    ctx.report(
      "PCT117",
      ctx.location(statement),
      `${id.value} has values, so its instances cannot simply hold: give them a value with 'initially', or list the instances in a fact without values`,
    );
  if (initially !== undefined && !values?.includes(initially.value))
    ctx.report(
      "PCT114",
      ctx.location(initially.statement),
      values === undefined
        ? `${id.value} has no 'values', so it has no initial value: add 'values …' listing '${initially.value}', or remove 'initially'`
        : `'${initially.value}' is not one of the values of ${id.value} (${values.join(", ")}): use one of them`,
    );
  ctx.facts.push({
    kind: "fact",
    id: id.value,
    params,
    ...(description === undefined ? {} : { description }),
    starts,
    ends,
    ...(derived ? { derived } : {}),
    ...(values === undefined ? {} : { values }),
    ...(initially === undefined || values === undefined ? {} : { initially: initially.value }),
    ...(holds.length === 0 ? {} : { holds }),
    ...(rules.length === 0 ? {} : { rules }),
    ...(normative === undefined ? {} : { normative }),
    sources: ctx.citations(statement),
    at: ctx.location(statement),
  });
}

/** What one fact's block can check of its own rules: values, timers, bound parameters. */
function checkRules(
  ctx: ResolveContext,
  fact: string,
  params: readonly string[],
  values: readonly string[] | undefined,
  rules: readonly FactRule[],
  fields: readonly Statement[],
): void {
  rules.forEach((rule, i) => {
    const at = ctx.location(fields[i]!);
    const key = fields[i]!.keyword.value;
    if (values === undefined) {
      if (key === "becomes") {
        ctx.report(
          "PCT114",
          at,
          `${fact} has no 'values', so it cannot become '${rule.value}': list its values ('values a, b') or use 'starts'`,
        );
        return;
      }
      if (rule.trigger.kind === "timer" && rule.trigger.from !== undefined) {
        ctx.report(
          "PCT117",
          at,
          `${fact} has no values, so '${rule.trigger.from}' cannot be timed: write 'lasts ${rule.trigger.after.amount} ${rule.trigger.after.unit}s'`,
        );
        return;
      }
    } else {
      if (key === "starts" || key === "lasts") {
        ctx.report(
          "PCT117",
          at,
          `${fact} has values, so it does not simply start or last: write 'becomes VALUE on …' or 'becomes VALUE N days after VALUE'`,
        );
        return;
      }
      for (const value of [
        rule.value,
        rule.trigger.kind === "timer" ? rule.trigger.from : undefined,
      ])
        if (value !== undefined && !values.includes(value)) {
          ctx.report(
            "PCT114",
            at,
            `'${value}' is not one of the values of ${fact} (${values.join(", ")}): use one of them, or add it to 'values'`,
          );
          return;
        }
    }
    if (rule.trigger.kind === "timer") return;
    const bound = boundBy(rule);
    const unbound = params.filter((p) => !bound.has(p));
    if (unbound.length > 0 && rule.effect === "start")
      ctx.report(
        "PCT115",
        at,
        `Nothing binds ${unbound.map((p) => `?${p}`).join(", ")} in this rule of ${fact}: name ${unbound.length === 1 ? "it" : "them"} in the trigger, or range over a group with 'where GROUP(?${unbound[0]})'`,
      );
  });
}
