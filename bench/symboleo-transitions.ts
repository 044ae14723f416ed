/** The transitions of both sides: Pacta's read from a replay, and both collapsed alike. */
import type { Replay } from "../src/engine/index.ts";
import type { Subject, Transition } from "./symboleo-sample.ts";

export function collapse(transitions: readonly Transition[]): Transition[] {
  const sorted = [...transitions].sort((a, b) =>
    a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.day - b.day,
  );
  const out: Transition[] = [];
  for (const t of sorted) {
    const previous = out.at(-1);
    if (previous !== undefined && previous.subject === t.subject && previous.state === t.state)
      continue;
    out.push(t);
  }
  return out;
}

/** Pacta's transitions of the given subjects: each interval's state and first day. */
export function pactaTransitions(result: Replay, subjects: readonly Subject[]): Transition[] {
  const out: Transition[] = [];
  for (const subject of subjects) {
    const timeline =
      subject.kind === "contract"
        ? result.instruments.get(subject.id)
        : result.provisions.get(subject.id);
    for (const interval of timeline?.intervals ?? [])
      out.push({ subject: subject.id, state: interval.state, day: interval.from });
  }
  return collapse(out);
}
