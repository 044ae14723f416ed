import type { Model } from "../language/model/model.ts";
import { compareDeadlines, type DeadlineRecord } from "./deadline-record.ts";
import { ReplayEngine } from "./replay-engine.ts";
import { replayGroups } from "./replay-groups.ts";
import type { Replay, ReplayOptions } from "./replay-result.ts";
import { chooseReading, selectReplayEvents } from "./select-events.ts";
import { sortedValues } from "./sorted-values.ts";
import type { InstrumentState, ProvisionState, Timeline } from "./timeline.ts";

/**
 * Replays a model's events against its instruments: a fold over days in increasing order,
 * giving every instrument, provision and fact its timeline of states with reasons. Throws a
 * RangeError if `options.reading` names no reading of the model. Pure: the model is not changed.
 *
 * Parts of the model that cannot affect each other are folded one after the other (see
 * replay-groups.ts); the result is the same as one fold over everything, which
 * `options.whole` asks for.
 */
export function replay(model: Model, options: ReplayOptions = {}): Replay {
  const reading = chooseReading(model, options.reading);
  const readingId = reading?.id ?? null;
  const events = selectReplayEvents(model, reading, options.until);
  const until = options.until ?? null;
  const groups = options.whole === true ? null : replayGroups(model, events);
  if (groups === null) {
    const engine = new ReplayEngine(model, events, until);
    engine.run();
    return engine.result(readingId);
  }
  const parts: Replay[] = [];
  for (const group of groups) {
    const engine = new ReplayEngine(group.model, group.events, until);
    engine.run();
    parts.push(engine.result(readingId));
  }
  return merge(model, readingId, parts);
}

/** The groups' results as one: every map in the model's order, the deadlines in theirs. */
function merge(model: Model, reading: string | null, parts: readonly Replay[]): Replay {
  const instruments = new Map<string, Timeline<InstrumentState>>();
  const provisions = new Map<string, Timeline<ProvisionState>>();
  const find = <T>(id: string, pick: (part: Replay) => ReadonlyMap<string, T>): T | undefined => {
    for (const part of parts) {
      const found = pick(part).get(id);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  // Each group's maps are in the model's order: walk them side by side.
  const instrumentCursors = parts.map((part) => part.instruments.entries());
  const instrumentHeads = instrumentCursors.map((cursor) => cursor.next());
  for (const inst of sortedValues(model.instruments)) {
    let found: Timeline<InstrumentState> | undefined;
    for (let g = 0; g < parts.length; g++) {
      const head = instrumentHeads[g]!;
      if (!head.done && head.value[0] === inst.id) {
        found = head.value[1];
        instrumentHeads[g] = instrumentCursors[g]!.next();
        break;
      }
    }
    found ??= find(inst.id, (part) => part.instruments);
    if (found !== undefined) instruments.set(inst.id, found);
  }
  const provisionCursors = parts.map((part) => part.provisions.entries());
  const provisionHeads = provisionCursors.map((cursor) => cursor.next());
  for (const def of sortedValues(model.provisions)) {
    let found: Timeline<ProvisionState> | undefined;
    for (let g = 0; g < parts.length; g++) {
      const head = provisionHeads[g]!;
      if (!head.done && head.value[0] === def.id) {
        found = head.value[1];
        provisionHeads[g] = provisionCursors[g]!.next();
        break;
      }
    }
    found ??= find(def.id, (part) => part.provisions);
    if (found !== undefined) provisions.set(def.id, found);
  }
  const withFacts = parts.find((part) => part.facts.size > 0);
  const deadlines: DeadlineRecord[] = [];
  for (const part of parts) for (const record of part.deadlines) deadlines.push(record);
  deadlines.sort(compareDeadlines);
  return {
    reading,
    instruments,
    provisions,
    facts: withFacts?.facts ?? new Map(),
    deadlines,
  };
}
