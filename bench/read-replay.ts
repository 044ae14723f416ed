import { type Replay, type ReplayOptions, replay } from "../src/engine/index.ts";
import type { Model } from "../src/language/index.ts";

/**
 * A replay with every one of its timelines read, as the CLI's `replay`, the store and the web
 * app's corpus view read them. The engine may finish a timeline only when it is first read; a
 * benchmark that timed `replay` alone would leave that work out, so the timed work is this.
 */
export function replayAndRead(model: Model, options: ReplayOptions = {}): Replay {
  const result = replay(model, options);
  for (const timelines of [result.instruments, result.provisions, result.facts])
    for (const timeline of timelines.values()) timeline.intervals.length;
  return result;
}
