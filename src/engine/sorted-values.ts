/**
 * A map's values in key order: as they are when the keys are already sorted (as a resolved
 * model's are).
 */
export function sortedValues<T>(map: ReadonlyMap<string, T>): readonly T[] {
  // The model's maps are immutable: each is sorted once, and the array kept for the next replay.
  const cached = sortedCache.get(map);
  if (cached !== undefined) return cached as readonly T[];
  const keys = [...map.keys()];
  let values: T[] | null = null;
  for (let i = 1; i < keys.length; i++)
    if (keys[i - 1]! > keys[i]!) {
      values = keys.sort().map((key) => map.get(key)!);
      break;
    }
  values ??= [...map.values()];
  sortedCache.set(map, values);
  return values;
}

const sortedCache = new WeakMap<ReadonlyMap<string, unknown>, readonly unknown[]>();

/** The position of each key of a model's map in `sortedValues` (kept, as the array is). */
export function positions(
  map: ReadonlyMap<string, { readonly id: string }>,
): ReadonlyMap<string, number> {
  let cached = positionCache.get(map);
  if (cached === undefined) {
    const at = new Map<string, number>();
    const values = sortedValues(map);
    for (let i = 0; i < values.length; i++) at.set(values[i]!.id, i);
    cached = at;
    positionCache.set(map, cached);
  }
  return cached;
}

const positionCache = new WeakMap<ReadonlyMap<string, unknown>, ReadonlyMap<string, number>>();
