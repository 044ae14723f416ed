import type { Anchor } from "../language/model/anchor.ts";
import type { Condition, Quantity } from "../language/model/condition.ts";
import type { PatternTerm } from "../language/model/pattern.ts";
import { assertNever } from "./assert-never.ts";

/** A variable's name without its `?`. */
export function variableName(name: string): string {
  return name.startsWith("?") ? name.slice(1) : name;
}

export function formatTerm(term: PatternTerm): string {
  switch (term.kind) {
    case "id":
      return term.id;
    case "var":
      return `?${variableName(term.name)}`;
    case "holder":
    case "counterparty":
    case "any":
      return term.kind;
    default:
      return assertNever(term);
  }
}

/** A condition as written: `at-war(p, japan) or any ?x: (allied(?x, japan) and at-war(p, ?x))`. */
export function formatCondition(condition: Condition, parent?: Condition["kind"]): string {
  switch (condition.kind) {
    case "fact": {
      const atom = `${condition.fact}(${condition.args.map(formatTerm).join(", ")})`;
      return condition.value === undefined ? atom : `${atom} = ${condition.value}`;
    }
    case "not":
      return `not ${formatCondition(condition.operand, "not")}`;
    case "and": {
      const text = condition.operands.map((c) => formatCondition(c, "and")).join(" and ");
      return parent === "not" ? `(${text})` : text;
    }
    case "or": {
      const text = condition.operands.map((c) => formatCondition(c, "or")).join(" or ");
      return parent === "not" || parent === "and" ? `(${text})` : text;
    }
    case "any": {
      const body = condition.body;
      const inner = formatCondition(body, "any");
      const text = `any ?${variableName(condition.variable)}: ${body.kind === "and" || body.kind === "or" ? `(${inner})` : inner}`;
      return parent === undefined || parent === "any" ? text : `(${text})`;
    }
    case "compare": {
      const text = `${formatQuantity(condition.left)} ${condition.op.replace("-", " ")} ${formatQuantity(condition.right)}`;
      return parent === undefined ? text : `(${text})`;
    }
    default:
      return assertNever(condition);
  }
}

function formatQuantity(q: Quantity): string {
  if (q.kind === "number") return String(q.value);
  const body = formatCondition(q.body, "any");
  return `count ?${variableName(q.variable)}: ${q.body.kind === "and" || q.body.kind === "or" ? `(${body})` : body}`;
}

/** An anchor as written after `from` or `after`. */
export function formatAnchor(anchor: Anchor): string {
  switch (anchor.kind) {
    case "entry-into-force":
    case "signature":
      return anchor.kind;
    case "date":
      return anchor.date.text;
    case "event":
      return anchor.pattern.text;
    case "fulfilment":
      return `fulfilment of ${anchor.provision}`;
    case "violation":
      return `violation of ${anchor.provision}`;
    default:
      return assertNever(anchor);
  }
}
