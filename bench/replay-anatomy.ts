/**
 * Where the memory of a generated model goes, and where the time of its replay goes:
 *
 *   node --max-old-space-size=8192 --import tsx bench/replay-anatomy.ts --events 100000 [--runs 15]
 *
 * The model's heap by part, measured by dropping the events, then the provisions, then the
 * instruments from a copy of the model's maps with a full collection between (what is left is
 * the rest of the model and the generator's own tables of shared texts and dates); then the three
 * steps of a replay timed apart, median of `runs` after warm-ups: setting up the runtime records
 * (`new ReplayEngine`), the fold (`run`), and the result with every timeline read.
 */

import { ReplayEngine } from "../src/engine/replay-engine.ts";
import { selectReplayEvents } from "../src/engine/select-events.ts";
import type { Model } from "../src/language/index.ts";
import { commandLine, positiveInteger } from "./command-line.ts";
import { collectGarbage, median } from "./measure.ts";
import { generateCorpus } from "./synthetic-corpus.ts";

const usage =
  "Usage: node --max-old-space-size=8192 --import tsx bench/replay-anatomy.ts [--events N] [--runs R]";
const { values } = commandLine("replay-anatomy", usage, {
  options: {
    events: { type: "string", default: "100000" },
    runs: { type: "string", default: "15" },
  },
});
const events = positiveInteger("replay-anatomy", usage, "--events", values.events);
const runs = positiveInteger("replay-anatomy", usage, "--runs", values.runs);

function heapUsed(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const perEvent = (bytes: number) => `${Math.round(bytes / events)} bytes an event`;

const base = heapUsed();
let model: { -readonly [K in keyof Model]: Model[K] } = {
  ...generateCorpus({ events, model: true }).model!,
};
const whole = heapUsed();
const counts = {
  events: model.events.length,
  provisions: model.provisions.size,
  instruments: model.instruments.size,
};
model.events = [];
const withoutEvents = heapUsed();
model.provisions = new Map();
const withoutProvisions = heapUsed();
model.instruments = new Map();
const withoutInstruments = heapUsed();
console.log(`${events.toLocaleString("en-US")} events: model ${mb(whole - base)}`);
console.log(
  `  ${counts.events.toLocaleString("en-US")} events ${mb(whole - withoutEvents)} (${perEvent(whole - withoutEvents)})`,
);
console.log(
  `  ${counts.provisions.toLocaleString("en-US")} provisions ${mb(withoutEvents - withoutProvisions)} (${Math.round((withoutEvents - withoutProvisions) / counts.provisions)} bytes each)`,
);
console.log(
  `  ${counts.instruments.toLocaleString("en-US")} instruments ${mb(withoutProvisions - withoutInstruments)}`,
);
console.log(`  the rest, and the generator's tables ${mb(withoutInstruments - base)}`);

// The same corpus again, for the replay (the one above was taken apart).
model = { ...generateCorpus({ events, model: true }).model! };
const selected = selectReplayEvents(model, null);
const setUp: number[] = [];
const fold: number[] = [];
const result: number[] = [];
for (let i = 0; i < runs + 3; i++) {
  const a = performance.now();
  const engine = new ReplayEngine(model, selected, null);
  const b = performance.now();
  engine.run();
  const c = performance.now();
  const replay = engine.result(null);
  for (const timelines of [replay.instruments, replay.provisions, replay.facts])
    for (const timeline of timelines.values()) timeline.intervals.length;
  const d = performance.now();
  if (i < 3) continue;
  setUp.push(b - a);
  fold.push(c - b);
  result.push(d - c);
}
const micros = (ms: number[]) => `${((median(ms) * 1000) / events).toFixed(3)} µs/event`;
console.log(
  `Replay, median of ${runs}: set-up ${micros(setUp)}, fold ${micros(fold)}, result with every timeline read ${micros(result)}`,
);
