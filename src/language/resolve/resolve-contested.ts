import type { HistDate } from "../calendar/hist-date.ts";
import type { Event } from "../model/event.ts";
import type { Statement } from "../syntax/syntax-tree.ts";
import { readDate } from "./read-date.ts";
import type { ResolveContext } from "./resolve-context.ts";
import { readEvent, resolveEvent } from "./resolve-event.ts";

/** `contested ID "question" { claim ID "statement" [sources] { event … } }` */
export function resolveContested(ctx: ResolveContext, statement: Statement): void {
  const cursor = ctx.cursor(statement);
  const id = cursor.expectIdent("the contested fact's id");
  const question = cursor.expectString("the question sources disagree on");
  cursor.expectEnd("the question");
  if (!id || !ctx.declare(id.value, "contested", cursor.at(id))) return;
  const claims: string[] = [];
  for (const field of statement.block?.statements ?? []) {
    const c = ctx.cursor(field);
    if (field.keyword.value !== "claim") {
      ctx.unknownField(field, `contested ${id.value}`, ["claim"]);
      continue;
    }
    const claimId = c.expectIdent("the claim's id");
    const text = c.expectString("what the claim says");
    c.expectEnd("the claim");
    if (!claimId || !ctx.declare(claimId.value, "claim", c.at(claimId))) continue;
    const sources = ctx.citations(field);
    const events: string[] = [];
    for (const inner of field.block?.statements ?? []) {
      if (inner.keyword.value !== "event") {
        ctx.unknownField(inner, `claim ${claimId.value}`, ["event"]);
        continue;
      }
      const event = resolveEvent(ctx, inner, claimId.value, sources);
      if (event) events.push(event);
    }
    claims.push(claimId.value);
    ctx.claims.push({
      kind: "claim",
      id: claimId.value,
      contested: id.value,
      statement: text?.value ?? "",
      events,
      sources,
      at: ctx.location(field),
    });
  }
  if (claims.length === 0) {
    ctx.report(
      "PCT102",
      ctx.location(statement),
      `Contested fact ${id.value} has no claims: add at least two 'claim' statements`,
    );
  }
  ctx.contested.push({
    kind: "contested",
    id: id.value,
    question: question?.value ?? "",
    claims,
    at: ctx.location(statement),
  });
}

/** `reading ID "description" { choose CLAIM, CLAIM }` */
export function resolveReading(ctx: ResolveContext, statement: Statement): void {
  const cursor = ctx.cursor(statement);
  const id = cursor.expectIdent("the reading's id");
  const description = cursor.isKind("string") ? cursor.next()?.value : undefined;
  cursor.expectEnd("the reading's description");
  if (!id || !ctx.declare(id.value, "reading", cursor.at(id))) return;
  const choices: string[] = [];
  for (const field of statement.block?.statements ?? []) {
    const c = ctx.cursor(field);
    if (field.keyword.value !== "choose") {
      ctx.unknownField(field, `reading ${id.value}`, ["choose"]);
      continue;
    }
    for (;;) {
      const claim = c.expectIdent("a claim id");
      if (!claim) break;
      choices.push(claim.value);
      ctx.refs.add(claim.value, ["claim"], c.at(claim), `a claim chosen by reading ${id.value}`);
      if (!c.eatKind("comma")) break;
    }
    c.expectEnd("the chosen claims");
  }
  if (choices.length === 0) {
    ctx.report(
      "PCT111",
      ctx.location(statement),
      `Reading ${id.value} chooses no claim, so it is the same as taking the first claim of each contested fact: add 'choose CLAIM'`,
    );
  }
  ctx.readings.push({
    kind: "reading",
    id: id.value,
    description: description ?? "",
    choices,
    at: ctx.location(statement),
  });
}

/** `what-if ID "description" { add event …; remove ID; move ID DATE; reading ID }` */
export function resolveWhatIf(ctx: ResolveContext, statement: Statement): void {
  const cursor = ctx.cursor(statement);
  const id = cursor.expectIdent("the what-if's id");
  const description = cursor.isKind("string") ? cursor.next()?.value : undefined;
  cursor.expectEnd("the what-if's description");
  if (!id || !ctx.declare(id.value, "what-if", cursor.at(id))) return;
  const add: Event[] = [];
  const remove: string[] = [];
  const move: { event: string; date: HistDate }[] = [];
  let reading: string | undefined;
  for (const field of statement.block?.statements ?? []) {
    const c = ctx.cursor(field);
    const key = field.keyword.value;
    switch (key) {
      case "add": {
        if (!c.expectWord("event", "after 'add', as in 'add event ID DATE TYPE …'")) break;
        const event = readEvent(ctx, field, c, {
          declare: true,
          inherited: ctx.citations(statement),
        });
        if (event) add.push(event);
        continue;
      }
      case "remove": {
        const event = c.expectIdent("the id of the event to remove");
        if (event) {
          ctx.refs.add(event.value, ["event"], c.at(event), "the event to remove");
          remove.push(event.value);
        }
        break;
      }
      case "move": {
        const event = c.expectIdent("the id of the event to move");
        const date = readDate(c, "the new date of the event");
        if (event && date) {
          ctx.refs.add(event.value, ["event"], c.at(event), "the event to move");
          move.push({ event: event.value, date });
        }
        break;
      }
      case "reading": {
        const value = c.expectIdent("the reading to replay under");
        if (value) {
          ctx.refs.add(value.value, ["reading"], c.at(value), "the reading of a what-if");
          reading = value.value;
        }
        break;
      }
      default:
        ctx.unknownField(field, `what-if ${id.value}`, ["add", "remove", "move", "reading"]);
        continue;
    }
    c.expectEnd(key);
  }
  ctx.whatIfs.push({
    kind: "what-if",
    id: id.value,
    description: description ?? "",
    add,
    remove,
    move,
    ...(reading === undefined ? {} : { reading }),
    at: ctx.location(statement),
  });
}
