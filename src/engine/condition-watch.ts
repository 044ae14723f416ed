import type { Condition } from "../language/model/condition.ts";
import type { Fact } from "../language/model/fact.ts";
import type { Provision } from "../language/model/provision.ts";
import type { ConditionEvaluator, GroundAtom } from "./condition-evaluator.ts";

/**
 * What a provision's condition listens to: per primitive fact, the index keys
 * (`position:value`) a changed instance must match one of, or null when any change matters; the
 * instances it names, with those inside the derived facts it uses (tracked) and without (the
 * causes of its changes). It depends only on the model, and is worked out once per model's
 * facts, condition and provision, then kept for the next replay.
 */
export interface ConditionWatch {
  readonly filters: readonly { readonly fact: string; readonly keys: readonly string[] | null }[];
  /** `groundAtoms(condition, provision, true)`. */
  readonly atoms: readonly GroundAtom[];
  /** `groundAtoms(condition, provision, false)`. */
  readonly causes: readonly GroundAtom[];
}

/** The key under which a provision is filed for instances with `value` at `position`. */
export function argumentKey(position: number, value: string): string {
  return `${position}:${value}`;
}

type ByProvision = WeakMap<Provision, { readonly when: Condition; readonly watch: ConditionWatch }>;

const cache = new WeakMap<ReadonlyMap<string, Fact>, ByProvision>();

/** What `when`, a condition of `def` (its own or an amendment's), listens to. */
export function conditionWatch(
  facts: ReadonlyMap<string, Fact>,
  evaluator: ConditionEvaluator,
  when: Condition,
  def: Provision,
): ConditionWatch {
  let byProvision = cache.get(facts);
  if (byProvision === undefined) {
    byProvision = new WeakMap();
    cache.set(facts, byProvision);
  }
  const cached = byProvision.get(def);
  if (cached !== undefined && cached.when === when) return cached.watch;
  const filters: { readonly fact: string; readonly keys: readonly string[] | null }[] = [];
  for (const [fact, pairs] of evaluator.changeFilters(when, def))
    filters.push({
      fact,
      keys: pairs === null ? null : pairs.map(([position, value]) => argumentKey(position, value)),
    });
  const watch: ConditionWatch = {
    filters,
    atoms: evaluator.groundAtoms(when, def, true),
    causes: evaluator.groundAtoms(when, def, false),
  };
  // A provision's own condition is the usual one; an amendment's replaces it in the cache.
  byProvision.set(def, { when, watch });
  return watch;
}
