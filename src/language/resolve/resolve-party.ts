import type { Asset } from "../model/asset.ts";
import type { Party, PartyKind } from "../model/party.ts";
import type { Statement } from "../syntax/syntax-tree.ts";
import type { ArgCursor } from "./arg-cursor.ts";
import type { DeclarationKind } from "./references.ts";
import type { ResolveContext } from "./resolve-context.ts";

const partyKinds = new Set<string>(["state", "government", "institution", "organisation"]);
const partyFields = ["kind", "cow", "iso", "wikidata", "members", "governs", "note"];

/** Reads `a, b, c`, logging each as a reference of the given kinds. */
export function readIdList(
  ctx: ResolveContext,
  cursor: ArgCursor,
  kinds: readonly DeclarationKind[],
  role: string,
): string[] {
  const ids: string[] = [];
  for (;;) {
    const token = cursor.expectIdent(role);
    if (!token) break;
    ctx.refs.add(token.value, kinds, cursor.at(token), role);
    ids.push(token.value);
    if (!cursor.eatKind("comma")) break;
  }
  return ids;
}

/** `party ID "Name" { kind … cow … }` */
export function resolveParty(ctx: ResolveContext, statement: Statement): void {
  const cursor = ctx.cursor(statement);
  const id = cursor.expectIdent("the party's id");
  const name = cursor.expectString("the party's name");
  cursor.expectEnd("the party's name");
  if (!id || !ctx.declare(id.value, "party", cursor.at(id))) return;
  const party: { -readonly [K in keyof Party]: Party[K] } = {
    kind: "party",
    id: id.value,
    name: name?.value ?? id.value,
    partyKind: "state",
    members: [],
    sources: ctx.citations(statement),
    at: ctx.location(statement),
  };
  for (const field of statement.block?.statements ?? []) {
    const c = ctx.cursor(field);
    const key = field.keyword.value;
    switch (key) {
      case "kind": {
        const value = c.expectIdent("state, government, institution or organisation");
        if (value && partyKinds.has(value.value)) party.partyKind = value.value as PartyKind;
        else if (value)
          c.report(
            "PCT102",
            `A party's kind is state, government, institution or organisation, not '${value.value}'`,
            c.at(value),
          );
        break;
      }
      case "cow": {
        const value = c.eatKind("number");
        if (value && Number.isInteger(Number(value.value))) party.cow = Number(value.value);
        else c.report("PCT102", "Expected the Correlates of War state number, such as 'cow 365'");
        break;
      }
      case "iso":
      case "wikidata":
      case "note": {
        const value = c.expectString(`the ${key} of party ${id.value}`);
        if (value) party[key] = value.value;
        break;
      }
      case "members":
        party.members = readIdList(ctx, c, ["party"], `a member of ${id.value}`);
        break;
      case "governs": {
        const value = c.expectIdent("the state this government governs");
        if (value) {
          ctx.refs.add(value.value, ["party"], c.at(value), "the state a government governs");
          party.governs = value.value;
        }
        break;
      }
      default:
        ctx.unknownField(field, `party ${id.value}`, partyFields);
        continue;
    }
    c.expectEnd(key);
  }
  ctx.parties.push(party);
}

/** `asset ID "Name" { kind … note … }` */
export function resolveAsset(ctx: ResolveContext, statement: Statement): void {
  const cursor = ctx.cursor(statement);
  const id = cursor.expectIdent("the asset's id");
  const name = cursor.expectString("the asset's name");
  cursor.expectEnd("the asset's name");
  if (!id || !ctx.declare(id.value, "asset", cursor.at(id))) return;
  const asset: { -readonly [K in keyof Asset]: Asset[K] } = {
    kind: "asset",
    id: id.value,
    name: name?.value ?? id.value,
    sources: ctx.citations(statement),
    at: ctx.location(statement),
  };
  for (const field of statement.block?.statements ?? []) {
    const c = ctx.cursor(field);
    const key = field.keyword.value;
    if (key === "kind") {
      const value = c.expectIdent("the kind of asset, such as railway or port");
      if (value) asset.assetKind = value.value;
    } else if (key === "note") {
      const value = c.expectString("a note");
      if (value) asset.note = value.value;
    } else {
      ctx.unknownField(field, `asset ${id.value}`, ["kind", "note"]);
      continue;
    }
    c.expectEnd(key);
  }
  ctx.assets.push(asset);
}
