import type { Anchor } from "../model/anchor.ts";
import type { EventPattern } from "../model/pattern.ts";
import type { Act, Modality, Provision, ProvisionTerms } from "../model/provision.ts";
import type { Statement } from "../syntax/syntax-tree.ts";
import type { ArgCursor } from "./arg-cursor.ts";
import type { AnchorContext } from "./read-anchor.ts";
import { readAnchor } from "./read-anchor.ts";
import { readCondition } from "./read-condition.ts";
import { readPattern } from "./read-pattern.ts";
import { readTimeExpression } from "./read-time-expression.ts";
import { readValues } from "./read-value.ts";
import type { ResolveContext } from "./resolve-context.ts";
import { readIdList } from "./resolve-party.ts";

export const modalities = new Set<string>(["duty", "prohibition", "permission", "power"]);

export const termFields = ["from", "when", "due", "until", "fulfilled", "violated"];
const provisionFields = ["holder", "counterparty", "act", "text", "note", ...termFields];

type MutableTerms = { -readonly [K in keyof ProvisionTerms]?: ProvisionTerms[K] };

/**
 * Reads one of the fields an amendment may also replace. Returns false when the field is not
 * a term field, so that the caller can try its own.
 */
export function readTermField(
  ctx: ResolveContext,
  anchorCtx: AnchorContext,
  field: Statement,
  cursor: ArgCursor,
  terms: MutableTerms,
  where: string,
): boolean {
  switch (field.keyword.value) {
    case "from": {
      const anchor = readAnchor(cursor, anchorCtx, `the start of ${where}`);
      if (anchor) terms.from = anchor;
      return true;
    }
    case "when": {
      const condition = readCondition(cursor, ctx.refs, where);
      if (condition) terms.when = condition;
      return true;
    }
    case "due":
    case "until": {
      const key = field.keyword.value;
      const time = readTimeExpression(
        cursor,
        anchorCtx,
        `the ${key === "due" ? "deadline" : "end"} of ${where}`,
      );
      if (time) terms[key] = time;
      return true;
    }
    case "fulfilled":
    case "violated": {
      const key = field.keyword.value;
      if (!cursor.expectWord("by", `after '${key}'`)) return true;
      const pattern = readPattern(
        cursor,
        anchorCtx,
        `what ${key === "fulfilled" ? "fulfils" : "violates"} ${where}`,
      );
      if (pattern) terms[key === "fulfilled" ? "fulfilledBy" : "violatedBy"] = pattern;
      return true;
    }
    default:
      return false;
  }
}

/** `duty ID "paraphrase" { holder … due … }` inside an instrument or article. */
export function resolveProvision(
  ctx: ResolveContext,
  statement: Statement,
  instrument: string,
  article: string | undefined,
  inherited: readonly string[],
): string | undefined {
  const modality = statement.keyword.value as Modality;
  const cursor = ctx.cursor(statement);
  const id = cursor.expectIdent(`the ${modality}'s id`);
  const title = cursor.isKind("string") ? cursor.next() : undefined;
  cursor.expectEnd(`the ${modality}'s paraphrase`);
  if (!id) return undefined;
  const qualified = `${instrument}.${id.value}`;
  if (!ctx.declare(qualified, "provision", cursor.at(id))) return undefined;
  const where = `${modality} ${id.value}`;
  const anchorCtx: AnchorContext = {
    refs: ctx.refs,
    qualify: (local) => (local.includes(".") ? local : `${instrument}.${local}`),
  };
  const terms: MutableTerms = {};
  let holders: string[] = [];
  let counterparties: string[] = [];
  let act: Act | undefined;
  let text: string | undefined;
  let note: string | undefined;
  for (const field of statement.block?.statements ?? []) {
    const c = ctx.cursor(field);
    const key = field.keyword.value;
    if (!readTermField(ctx, anchorCtx, field, c, terms, where)) {
      switch (key) {
        case "holder":
          holders = readIdList(ctx, c, ["party"], `the holder of ${where}`);
          break;
        case "counterparty":
          counterparties = readIdList(ctx, c, ["party"], `the counterparty of ${where}`);
          break;
        case "act": {
          const verb = c.expectIdent("the act's verb, such as transfer, withdraw or pay");
          if (verb)
            act = { verb: verb.value, objects: readValues(c, ctx.refs, `an object of ${where}`) };
          break;
        }
        case "text":
        case "note": {
          const value = c.expectString(`the ${key} of ${where}`);
          if (value && key === "text") text = value.value;
          if (value && key === "note") note = value.value;
          break;
        }
        default:
          ctx.unknownField(field, where, provisionFields);
          continue;
      }
    }
    c.expectEnd(key);
  }
  const from: Anchor = terms.from ?? { kind: "entry-into-force" };
  const fulfilledBy =
    terms.fulfilledBy ??
    (modality === "duty" && act ? defaultFulfilment(act, statement, ctx) : undefined);
  const provision: Provision = {
    kind: "provision",
    id: qualified,
    localId: id.value,
    instrument,
    ...(article === undefined ? {} : { article }),
    modality,
    title: title?.value ?? id.value,
    holders,
    counterparties,
    ...(act ? { act } : {}),
    ...(text === undefined ? {} : { text }),
    ...(note === undefined ? {} : { note }),
    ...terms,
    from,
    ...(fulfilledBy ? { fulfilledBy } : {}),
    sources: ctx.citations(statement, inherited),
    at: ctx.location(statement),
  };
  ctx.provisions.push(provision);
  return qualified;
}

/** A duty with an act and no `fulfilled by` is fulfilled by its holder doing the act. */
function defaultFulfilment(act: Act, statement: Statement, ctx: ResolveContext): EventPattern {
  const objects = act.objects.flatMap((v) =>
    v.kind === "ref" ? [{ kind: "id" as const, id: v.id }] : [],
  );
  const text = [act.verb, ...objects.map((o) => o.id), "by holder"].join(" ");
  return {
    type: act.verb,
    objects,
    actors: [{ kind: "holder" }],
    targets: [],
    text,
    at: ctx.location(statement),
  };
}
