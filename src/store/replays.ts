import { replay, replayToJson } from "../engine/index.ts";
import type { Model } from "../language/model/model.ts";
import type { ReplayJson } from "./replay-json.ts";

/** The reading every store has: the corpus's `default`, or the replay without a reading. */
export const defaultReading = "default";

/** The readings to store a replay for: every reading of the model, and always `default`. */
export function readingsToReplay(model: Model): { id: string; defined: boolean }[] {
  const ids = [...model.readings.keys()].map((id) => ({ id, defined: true }));
  if (!model.readings.has(defaultReading)) ids.unshift({ id: defaultReading, defined: false });
  return ids;
}

/** Replays the model under a reading (`default` without such a reading: no reading at all). */
export function replayReading(model: Model, reading: string): ReplayJson {
  const options = model.readings.has(reading) ? { reading } : {};
  return replayToJson(replay(model, options));
}
