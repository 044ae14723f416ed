import type { ResolveContext } from "./resolve-context.ts";

/** Every reference names a declared id of an acceptable kind. */
export function checkReferences(ctx: ResolveContext): void {
  const refs = ctx.refs;
  for (let i = 0; i < refs.size; i++) {
    const kind = ctx.declarations.kindOf(refs.id(i));
    const kinds = refs.kinds(i);
    if (kind !== undefined && (kinds.length === 0 || kinds.includes(kind))) continue;
    const declared = ctx.declarations.get(refs.id(i));
    const ref = refs.reference(i);
    if (!declared) {
      const code = ref.kinds.includes("claim")
        ? "PCT109"
        : ref.kinds.includes("party") && ref.role.includes("event")
          ? "PCT110"
          : "PCT104";
      const expected = ref.kinds.length === 0 ? "id" : ref.kinds.join(" or ");
      ctx.report(
        code,
        ref.at,
        `Unknown ${expected} '${ref.id}' as ${ref.role}: declare it, or check the spelling${suggest(ctx, ref.id)}`,
      );
      continue;
    }
    if (ref.kinds.length > 0 && !ref.kinds.includes(declared.kind)) {
      ctx.report(
        "PCT105",
        ref.at,
        `'${ref.id}' is a ${declared.kind}, but ${ref.role} must be a ${ref.kinds.join(" or ")}`,
      );
    }
  }
}

/** ", did you mean 'x'?" for the closest declared id, if one is close. */
function suggest(ctx: ResolveContext, id: string): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 4)) + 1;
  for (const candidate of ctx.declarations.ids()) {
    if (Math.abs(candidate.length - id.length) >= bestDistance) continue;
    const d = distance(candidate, id, bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === undefined ? "" : ` (did you mean '${best}'?)`;
}

function distance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return previous[b.length] ?? limit;
}
