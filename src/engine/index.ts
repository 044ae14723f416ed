/** The replay engine: pure, browser-safe, dependency-free. Every export is named here by hand. */

export type { DeadlineOutcome, DeadlineRecord } from "./deadline-record.ts";
export { type Change, type ChangeKind, diffReplays } from "./diff.ts";
export {
  type ExplainStep,
  type Explanation,
  explain,
  explanationToText,
  type SubjectKind,
} from "./explain.ts";
export { formatAnchor, formatCondition } from "./format-condition.ts";
export { formatEvent, formatValue } from "./format-event.ts";
export {
  dueBetween,
  type StateEntry,
  type StateSnapshot,
  stateAt,
  type Violation,
  violations,
} from "./queries.ts";
export type { Cause, Reason, ReasonKind } from "./reason.ts";
export { replay } from "./replay.ts";
export type { Replay, ReplayOptions } from "./replay-result.ts";
export {
  type ExplainStepJson,
  type ExplanationJson,
  explanationToJson,
  type ReasonDetailJson,
  reasonDetailToJson,
  type StateEntryJson,
  type StateSnapshotJson,
  stateAtToJson,
} from "./result-json.ts";
export { chooseReading, selectEvents } from "./select-events.ts";
export {
  type AnyState,
  type FactState,
  type InstrumentState,
  type Interval,
  intervalAt,
  type ProvisionState,
  type Timeline,
} from "./timeline.ts";
export {
  type ChangeJson,
  type DeadlineJson,
  diffToJson,
  type IntervalJson,
  type ReasonJson,
  type ReplayJson,
  replayToJson,
  type TimelineJson,
} from "./to-json.ts";
export { applyWhatIf } from "./what-if.ts";
