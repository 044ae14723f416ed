import type { Event } from "../language/model/event.ts";
import type { EventPattern, PatternTerm } from "../language/model/pattern.ts";
import { assertNever } from "./assert-never.ts";
import { variableName } from "./format-condition.ts";

/** Who `holder` and `counterparty` stand for when a pattern belongs to a provision. */
export interface Roles {
  readonly holders: readonly string[];
  readonly counterparties: readonly string[];
}

/**
 * Variable bindings as a reusable stack: matching pushes and truncates, and never allocates once
 * the arrays have grown.
 */
export class Bindings {
  readonly names: string[] = [];
  readonly values: string[] = [];
  length = 0;

  get(name: string): string | undefined {
    for (let i = 0; i < this.length; i++) if (this.names[i] === name) return this.values[i];
    return undefined;
  }

  push(name: string, value: string): void {
    this.names[this.length] = name;
    this.values[this.length] = value;
    this.length++;
  }
}

/** Called with the bindings of each complete match; return true to stop searching. */
export type OnMatch = (bindings: Bindings) => boolean;

const SLOT_OBJECTS = 0;
const SLOT_ACTORS = 1;
const SLOT_TARGETS = 2;

function slotTerms(pattern: EventPattern, slot: number): readonly PatternTerm[] {
  return slot === SLOT_OBJECTS
    ? pattern.objects
    : slot === SLOT_ACTORS
      ? pattern.actors
      : pattern.targets;
}

function slotSize(event: Event, slot: number): number {
  return slot === SLOT_OBJECTS
    ? event.objects.length
    : slot === SLOT_ACTORS
      ? event.actors.length
      : event.targets.length;
}

/** The id at position i of an event slot; null for objects that are not references. */
function slotValue(event: Event, slot: number, i: number): string | null {
  if (slot === SLOT_OBJECTS) {
    const value = event.objects[i]!;
    return value.kind === "ref" ? value.id : null;
  }
  return slot === SLOT_ACTORS ? event.actors[i]! : event.targets[i]!;
}

function termAccepts(term: PatternTerm, value: string, roles: Roles | null): boolean {
  switch (term.kind) {
    case "id":
      return term.id === value;
    case "holder":
      return roles?.holders.includes(value) === true;
    case "counterparty":
      return roles?.counterparties.includes(value) === true;
    case "any":
      return true;
    case "var":
      return false;
    default:
      return assertNever(term);
  }
}

function search(
  pattern: EventPattern,
  event: Event,
  roles: Roles | null,
  bindings: Bindings,
  slot: number,
  index: number,
  onMatch: OnMatch | null,
): boolean {
  if (slot > SLOT_TARGETS) return onMatch === null ? true : onMatch(bindings);
  const terms = slotTerms(pattern, slot);
  if (index >= terms.length) return search(pattern, event, roles, bindings, slot + 1, 0, onMatch);
  const term = terms[index]!;
  const size = slotSize(event, slot);
  if (term.kind === "var") {
    const name = variableName(term.name);
    const bound = bindings.get(name);
    const mark = bindings.length;
    for (let i = 0; i < size; i++) {
      const value = slotValue(event, slot, i);
      if (value === null) continue;
      if (bound !== undefined) {
        if (value === bound)
          return search(pattern, event, roles, bindings, slot, index + 1, onMatch);
        continue;
      }
      bindings.length = mark;
      bindings.push(name, value);
      if (search(pattern, event, roles, bindings, slot, index + 1, onMatch)) return true;
    }
    bindings.length = mark;
    return false;
  }
  for (let i = 0; i < size; i++) {
    const value = slotValue(event, slot, i);
    if (value !== null && termAccepts(term, value, roles))
      return search(pattern, event, roles, bindings, slot, index + 1, onMatch);
  }
  return false;
}

/**
 * Whether an event matches a pattern: the same type, and every term of each slot present in the
 * event's slot (objects are matched by their reference ids). `holder` and `counterparty` accept
 * any of the roles' parties, `any` any value, and a variable binds on first use and must then
 * match the same value. With `onMatch`, every consistent binding is offered until it returns true.
 */
export function matchPattern(
  pattern: EventPattern,
  event: Event,
  roles: Roles | null,
  bindings: Bindings,
  onMatch: OnMatch | null = null,
): boolean {
  if (pattern.type !== event.type) return false;
  bindings.length = 0;
  return search(pattern, event, roles, bindings, SLOT_OBJECTS, 0, onMatch);
}
