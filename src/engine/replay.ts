import type { Model } from "../language/model/model.ts";
import { ReplayEngine } from "./replay-engine.ts";
import type { Replay, ReplayOptions } from "./replay-result.ts";
import { chooseReading, selectReplayEvents } from "./select-events.ts";

/**
 * Replays a model's events against its instruments: a fold over days in increasing order,
 * giving every instrument, provision and fact its timeline of states with reasons. Throws a
 * RangeError if `options.reading` names no reading of the model. Pure: the model is not changed.
 */
export function replay(model: Model, options: ReplayOptions = {}): Replay {
  const reading = chooseReading(model, options.reading);
  const events = selectReplayEvents(model, reading, options.until);
  const engine = new ReplayEngine(model, events, options.until ?? null);
  engine.run();
  return engine.result(reading?.id ?? null);
}
