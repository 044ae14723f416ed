import type { Instrument } from "../language/model/instrument.ts";
import type { Model } from "../language/model/model.ts";
import type { Provision } from "../language/model/provision.ts";

/**
 * What every replay of a model needs to know about its instruments and provisions, worked out
 * once per model and kept (a model is immutable): their order, where each id sits in it, and the
 * links between them by position, so that a replay resolves them without looking ids up.
 */
export interface ReplayPlan {
  /** The instruments, in id order. */
  readonly instruments: readonly Instrument[];
  /** The provisions, in id order. */
  readonly provisions: readonly Provision[];
  /** Where each instrument id sits in `instruments`. */
  readonly instrumentAt: ReadonlyMap<string, number>;
  /** Where each provision id sits in `provisions`. */
  readonly provisionAt: ReadonlyMap<string, number>;
  /** Per provision: the position of its instrument, or -1 when the model has none of that id. */
  readonly instrumentOf: Int32Array;
  /** Per instrument: how many provisions name it as theirs. */
  readonly provisionCount: Int32Array;
  /**
   * Per provision whose start is the fulfilment or violation of another (`from violation of
   * payment`): the position of that other provision; -1 otherwise or when there is none.
   */
  readonly startsAfter: Int32Array;
}

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

function positionsOf(values: readonly { readonly id: string }[]): ReadonlyMap<string, number> {
  const at = new Map<string, number>();
  for (let i = 0; i < values.length; i++) at.set(values[i]!.id, i);
  return at;
}

/** The plan of a model's replays (kept per pair of instrument and provision maps). */
export function replayPlan(model: Model): ReplayPlan {
  const cached = planCache.get(model.provisions);
  if (cached !== undefined && cached.instruments === model.instruments) return cached.plan;
  const instruments = sortedValues(model.instruments);
  const provisions = sortedValues(model.provisions);
  const instrumentAt = positionsOf(instruments);
  const provisionAt = positionsOf(provisions);
  const instrumentOf = new Int32Array(provisions.length);
  const provisionCount = new Int32Array(instruments.length);
  const startsAfter = new Int32Array(provisions.length);
  for (let i = 0; i < provisions.length; i++) {
    const def = provisions[i]!;
    const at = instrumentAt.get(def.instrument) ?? -1;
    instrumentOf[i] = at;
    if (at >= 0) provisionCount[at]!++;
    const from = def.from;
    startsAfter[i] =
      from.kind === "fulfilment" || from.kind === "violation"
        ? (provisionAt.get(from.provision) ?? -1)
        : -1;
  }
  const plan: ReplayPlan = {
    instruments,
    provisions,
    instrumentAt,
    provisionAt,
    instrumentOf,
    provisionCount,
    startsAfter,
  };
  planCache.set(model.provisions, { instruments: model.instruments, plan });
  return plan;
}

const planCache = new WeakMap<
  ReadonlyMap<string, Provision>,
  { readonly instruments: ReadonlyMap<string, Instrument>; readonly plan: ReplayPlan }
>();
