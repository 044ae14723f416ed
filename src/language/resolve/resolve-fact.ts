import type { EventPattern } from "../model/pattern.ts";
import type { Statement } from "../syntax/syntax-tree.ts";
import { readCondition } from "./read-condition.ts";
import { readPattern } from "./read-pattern.ts";
import type { ResolveContext } from "./resolve-context.ts";

/**
 * `fact NAME(a, b) "description" { starts PATTERN; ends PATTERN }` or
 * `fact NAME(a) = CONDITION` (a derived fact).
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
  let derived: ReturnType<typeof readCondition>;
  if (cursor.eatKind("equals")) {
    derived = readCondition(cursor, ctx.refs, `the definition of ${id.value}`, paramSet);
    if (!derived) return;
  }
  cursor.expectEnd(`fact ${id.value}`);
  if (!ctx.declare(id.value, "fact", cursor.at(id))) return;
  const starts: EventPattern[] = [];
  const ends: EventPattern[] = [];
  for (const field of statement.block?.statements ?? []) {
    const c = ctx.cursor(field);
    const key = field.keyword.value;
    if (key !== "starts" && key !== "ends") {
      ctx.unknownField(field, `fact ${id.value}`, ["starts", "ends"]);
      continue;
    }
    const pattern = readPattern(
      c,
      { refs: ctx.refs },
      `what ${key === "starts" ? "starts" : "ends"} ${id.value}`,
    );
    if (pattern) (key === "starts" ? starts : ends).push(pattern);
    c.expectEnd(key);
  }
  if (derived && statement.block) {
    ctx.report(
      "PCT102",
      ctx.location(statement),
      `Fact ${id.value} is derived ('= …'), so events cannot start or end it: remove its block`,
    );
  }
  ctx.facts.push({
    kind: "fact",
    id: id.value,
    params,
    ...(description === undefined ? {} : { description }),
    starts,
    ends,
    ...(derived ? { derived } : {}),
    sources: ctx.citations(statement),
    at: ctx.location(statement),
  });
}
