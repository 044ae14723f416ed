/**
 * How much the replay does per event of the generated corpora, at each size: the operations the
 * fold performs, counted by wrapping the engine's methods (the engine itself carries no
 * counters). If these stay flat while the time per event grows, what grows is the cost of each
 * operation (memory, the collector), not the amount of work.
 *
 *   npx tsx bench/replay-work.ts [--max 1000000]
 *
 * Prints one row per size: events the fold looked at, subscriptions met, timed items run,
 * provisions brought into effect, conditions re-evaluated, per corpus event; and intervals made.
 */
import { replay } from "../src/engine/index.ts";
import { PatternIndex } from "../src/engine/pattern-index.ts";
import { ReplayEngine } from "../src/engine/replay-engine.ts";
import { commandLine, positiveInteger } from "./command-line.ts";
import { generateCorpus } from "./synthetic-corpus.ts";

interface Counts {
  looked: number;
  met: number;
  timed: number;
  activated: number;
  rechecked: number;
}

const counts: Counts = { looked: 0, met: 0, timed: 0, activated: 0, rechecked: 0 };

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** Wraps a method of a prototype so that `count` sees its arguments and result. */
function wrap(
  prototype: object,
  name: string,
  count: (args: readonly unknown[], result: unknown) => void,
): void {
  const table = prototype as Record<string, unknown>;
  const original = table[name];
  if (typeof original !== "function")
    throw new Error(`bench/replay-work.ts: the engine has no method '${name}' any more`);
  const method = original as Method;
  table[name] = function (this: unknown, ...args: unknown[]): unknown {
    const result = method.apply(this, args);
    count(args, result);
    return result;
  };
}

wrap(ReplayEngine.prototype, "processEvent", () => counts.looked++);
wrap(ReplayEngine.prototype, "runTimed", () => counts.timed++);
wrap(ReplayEngine.prototype, "tryActivate", () => counts.activated++);
wrap(ReplayEngine.prototype, "factsChanged", (args) => {
  const affected = args[1];
  if (affected instanceof Set) counts.rechecked += affected.size;
});
wrap(PatternIndex.prototype, "collect", (_args, result) => {
  if (typeof result === "number") counts.met += result;
});

const usage = "Usage: npx tsx bench/replay-work.ts [--max N]  (sizes 10^3 up to N events)";
const { values } = commandLine("replay-work", usage, {
  options: { max: { type: "string", default: "1000000" } },
});
const max = positiveInteger("replay-work", usage, "--max", values.max);
const rows: string[] = [
  "| events | looked at | subscriptions met | timed items | activations | conditions re-evaluated | intervals |",
  "|---|---|---|---|---|---|---|",
];
for (let size = 1000; size <= max; size *= 10) {
  const model = generateCorpus({ events: size, model: true }).model!;
  for (const key of Object.keys(counts) as (keyof Counts)[]) counts[key] = 0;
  const result = replay(model);
  let intervals = 0;
  for (const timeline of result.provisions.values()) intervals += timeline.intervals.length;
  for (const timeline of result.instruments.values()) intervals += timeline.intervals.length;
  const per = (n: number) => (n / size).toFixed(3);
  rows.push(
    `| ${size.toLocaleString("en-US")} | ${per(counts.looked)} | ${per(counts.met)} | ${per(counts.timed)} | ${per(counts.activated)} | ${per(counts.rechecked)} | ${per(intervals)} |`,
  );
  console.error(`… ${size} events counted`);
}
console.log(rows.join("\n"));
