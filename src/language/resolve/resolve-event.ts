import type { HistDate } from "../calendar/hist-date.ts";
import type { Event, Signatory } from "../model/event.ts";
import type { Value } from "../model/value.ts";
import type { Statement } from "../syntax/syntax-tree.ts";
import type { ArgCursor } from "./arg-cursor.ts";
import { readDate } from "./read-date.ts";
import { readValue, readValues } from "./read-value.ts";
import type { DeclarationKind } from "./references.ts";
import type { ResolveContext } from "./resolve-context.ts";

// Most events have no signatories, many no objects: they share one empty array (never changed: the
// model is immutable). Lists of actors and targets are shared through the context.
const noValues: readonly Value[] = [];
const noSignatories: readonly Signatory[] = [];

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const eventFields = ["by", "to", "with", "against", "amount", "signatory", "place", "note"];

const partyKind: readonly DeclarationKind[] = ["party"];

/** The words of a role, written once rather than for each party read. */
const roles = {
  actor: { expected: "the actor of the event, a party id", reference: "the actor of an event" },
  target: { expected: "the target of the event, a party id", reference: "the target of an event" },
};

const actorsRead: string[] = [];
const targetsRead: string[] = [];

/** Reads `A, B, …` and adds the parties to `ids`. */
function readParties(
  ctx: ResolveContext,
  c: ArgCursor,
  role: keyof typeof roles,
  ids: string[],
): void {
  const words = roles[role];
  for (;;) {
    const token = c.expectIdent(words.expected);
    if (!token) break;
    ctx.refs.add(token.value, partyKind, c.at(token), words.reference);
    ids.push(token.value);
    if (!c.eatKind("comma")) break;
  }
}

/**
 * `event ID DATE TYPE OBJECT… by A, B to C [sources] { signatory … note … }`. `claim` is set for
 * events inside a claim; `cursor` may start past a leading word (as in `add event …`).
 */
export function readEvent(
  ctx: ResolveContext,
  statement: Statement,
  cursor: ArgCursor,
  options: {
    readonly claim?: string;
    readonly inherited?: readonly string[];
    readonly declare: boolean;
  },
): Event | undefined {
  const id = cursor.expectIdent("the event's id");
  if (!id) return undefined;
  const date: HistDate | undefined = readDate(cursor, `the date of event ${id.value}`);
  const type = cursor.expectIdent(
    `the type of event ${id.value}, such as sign, ratify or transfer`,
  );
  const objects = readValues(cursor, ctx.refs, `an object of event ${id.value}`);
  // Read into lists reused from event to event: the model keeps a shared copy of each.
  const actors = actorsRead;
  const targets = targetsRead;
  actors.length = 0;
  targets.length = 0;
  for (;;) {
    if (cursor.eatWord("by")) readParties(ctx, cursor, "actor", actors);
    else if (cursor.eatWord("to") || cursor.eatWord("with") || cursor.eatWord("against")) {
      readParties(ctx, cursor, "target", targets);
    } else break;
  }
  cursor.expectEnd(`event ${id.value}`);
  if (!date || !type) return undefined;
  if (options.declare && !ctx.declare(id.value, "event", cursor.at(id))) return undefined;
  let amount: Value | undefined;
  let place: string | undefined;
  let note: string | undefined;
  const signatories: Signatory[] = [];
  for (const field of statement.block?.statements ?? []) {
    const c = ctx.cursor(field);
    const key = field.keyword.value;
    switch (key) {
      case "by":
        readParties(ctx, c, "actor", actors);
        break;
      case "to":
      case "with":
      case "against":
        readParties(ctx, c, "target", targets);
        break;
      case "amount": {
        amount = readValue(c, ctx.refs, "the amount");
        break;
      }
      case "signatory": {
        const party = c.expectIdent("the party the signatory signed for");
        const name = c.expectString("the signatory's name");
        if (party && name) {
          ctx.refs.add(party.value, ["party"], c.at(party), "the party of a signatory");
          signatories.push({ party: party.value, name: name.value });
        }
        break;
      }
      case "place":
      case "note": {
        const value = c.expectString(`the ${key} of event ${id.value}`);
        if (value && key === "place") place = value.value;
        if (value && key === "note") note = value.value;
        break;
      }
      default:
        ctx.unknownField(field, `event ${id.value}`, eventFields);
        continue;
    }
    c.expectEnd(key);
  }
  // Written field by field, in the order of the model's JSON, optional fields only when set.
  const event: Mutable<Event> = {
    kind: "event",
    id: id.value,
    date,
    type: type.value,
    // A list grown by pushing reserves room for about 17: kept lists are copied at their size.
    objects: objects.length === 0 ? noValues : objects.slice(),
    actors: ctx.shared(actors),
    targets: ctx.shared(targets),
  } as Mutable<Event>;
  if (amount) event.amount = amount;
  event.signatories = signatories.length === 0 ? noSignatories : signatories.slice();
  if (place !== undefined) event.place = place;
  if (note !== undefined) event.note = note;
  if (options.claim !== undefined) event.claim = options.claim;
  event.sources = ctx.citations(statement, options.inherited ?? []);
  event.at = ctx.location(statement);
  return event;
}

/** Top-level `event …`. */
export function resolveEvent(
  ctx: ResolveContext,
  statement: Statement,
  claim?: string,
  inherited?: readonly string[],
): string | undefined {
  const event = readEvent(ctx, statement, ctx.cursor(statement), {
    declare: true,
    ...(claim === undefined ? {} : { claim }),
    ...(inherited === undefined ? {} : { inherited }),
  });
  if (!event) return undefined;
  ctx.events.push(event);
  return event.id;
}
