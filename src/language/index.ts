// The language layer: text → syntax tree → resolved, checked model. Pure and browser-safe.

export type { CivilDate, Day } from "./calendar/day.ts";
export {
  addMonths,
  addYears,
  civilFromDay,
  dayFromCivil,
  daysInMonth,
  formatDay,
  isValidCivil,
  parseDay,
} from "./calendar/day.ts";
export type { Duration, DurationUnit } from "./calendar/duration.ts";
export { addDuration, formatDuration } from "./calendar/duration.ts";
export type { DatePrecision, HistDate } from "./calendar/hist-date.ts";
export { parseDatePart } from "./calendar/parse-date.ts";
export type { Compilation, DocumentText } from "./compile.ts";
export { compile } from "./compile.ts";
export type { Diagnostic, Severity } from "./diagnostics/diagnostic.ts";
export type { Location } from "./diagnostics/location.ts";
export type { DiagnosticCode } from "./diagnostics/messages.ts";
export { diagnosticCatalog } from "./diagnostics/messages.ts";
export type { Anchor } from "./model/anchor.ts";
export type { Asset } from "./model/asset.ts";
export type { Condition } from "./model/condition.ts";
export type { Claim, Contested, Reading } from "./model/contested.ts";
export type { Event, LifecycleEventType, Signatory } from "./model/event.ts";
export { lifecycleEventTypes } from "./model/event.ts";
export type { Fact } from "./model/fact.ts";
export type {
  Amendment,
  Article,
  EntryIntoForce,
  Instrument,
  InstrumentKind,
  Relation,
  RelationKind,
  Renewal,
  Term,
} from "./model/instrument.ts";
export type { Model } from "./model/model.ts";
export type { Party, PartyKind } from "./model/party.ts";
export type { EventPattern, PatternTerm } from "./model/pattern.ts";
export type { Act, Modality, Provision, ProvisionTerms } from "./model/provision.ts";
export type { Reliability, Source } from "./model/source.ts";
export type { TimeExpression } from "./model/time-expression.ts";
export type { Value } from "./model/value.ts";
export type { WhatIf } from "./model/what-if.ts";
export type { Json } from "./model-to-json.ts";
export { modelToJson, plainJson } from "./model-to-json.ts";
export type { Resolution } from "./resolve/resolve.ts";
export { resolve } from "./resolve/resolve.ts";
export { format, formatText } from "./syntax/format.ts";
export { lex } from "./syntax/lexer.ts";
export { parse } from "./syntax/parser.ts";
export type { Block, Statement, SyntaxTree, Trivia } from "./syntax/syntax-tree.ts";
export type { Token, TokenKind } from "./syntax/token.ts";
