import type { Reliability, Source } from "../model/source.ts";
import type { Statement } from "../syntax/syntax-tree.ts";
import { readDate } from "./read-date.ts";
import type { ResolveContext } from "./resolve-context.ts";

const reliabilities = new Set<string>(["strong", "normal", "weak"]);
const fields = ["url", "archive", "says", "author", "published", "reliability", "note"];

/** `source ID "Title" { url … says … }` */
export function resolveSource(ctx: ResolveContext, statement: Statement): void {
  const cursor = ctx.cursor(statement);
  const id = cursor.expectIdent("the source's id");
  const title = cursor.expectString("the source's title");
  cursor.expectEnd("the source's title");
  if (!id) return;
  const at = ctx.location(statement);
  if (!ctx.declare(id.value, "source", cursor.at(id))) return;
  const source: { -readonly [K in keyof Source]: Source[K] } = {
    kind: "source",
    id: id.value,
    title: title?.value ?? id.value,
    reliability: "normal",
    at,
  };
  for (const field of statement.block?.statements ?? []) {
    const c = ctx.cursor(field);
    const key = field.keyword.value;
    switch (key) {
      case "url":
      case "archive":
      case "says":
      case "author":
      case "note": {
        const value = c.expectString(`the ${key} of source ${id.value}`);
        if (value) source[key] = value.value;
        break;
      }
      case "published": {
        const date = readDate(c, "the publication date");
        if (date) source.published = date;
        break;
      }
      case "reliability": {
        const value = c.expectIdent("strong, normal or weak");
        if (value && reliabilities.has(value.value))
          source.reliability = value.value as Reliability;
        else if (value)
          c.report(
            "PCT102",
            `Reliability is strong, normal or weak, not '${value.value}'`,
            c.at(value),
          );
        break;
      }
      default:
        ctx.unknownField(field, `source ${id.value}`, fields);
        continue;
    }
    c.expectEnd(key);
  }
  ctx.sources.push(source);
}
