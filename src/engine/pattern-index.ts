import type { Event } from "../language/model/event.ts";
import type { EventPattern, PatternTerm } from "../language/model/pattern.ts";
import type { Roles } from "./pattern-match.ts";

/** A pattern someone listens for, filed under one key of the index. */
export interface Subscription<T> {
  readonly pattern: EventPattern;
  readonly roles: Roles | null;
  readonly payload: T;
  /** The list it is filed in, or null once removed. */
  bucket: Subscription<T>[] | null;
  position: number;
}

interface TypeIndex<T> {
  readonly wild: Subscription<T>[];
  readonly byObject: Map<string, Subscription<T>[]>;
  readonly byActor: Map<string, Subscription<T>[]>;
  readonly byTarget: Map<string, Subscription<T>[]>;
}

/** The single id a term is sure to require, if any. */
function fixedId(term: PatternTerm, roles: Roles | null): string | null {
  switch (term.kind) {
    case "id":
      return term.id;
    case "holder":
      return roles !== null && roles.holders.length === 1 ? roles.holders[0]! : null;
    case "counterparty":
      return roles !== null && roles.counterparties.length === 1 ? roles.counterparties[0]! : null;
    default:
      return null;
  }
}

function firstFixed(terms: readonly PatternTerm[], roles: Roles | null): string | null {
  for (const term of terms) {
    const id = fixedId(term, roles);
    if (id !== null) return id;
  }
  return null;
}

function fileUnder<T>(map: Map<string, Subscription<T>[]>, key: string): Subscription<T>[] {
  let bucket = map.get(key);
  if (bucket === undefined) {
    bucket = [];
    map.set(key, bucket);
  }
  return bucket;
}

function pushAll<T>(from: readonly Subscription<T>[] | undefined, out: Subscription<T>[]): void {
  if (from === undefined) return;
  for (let i = 0; i < from.length; i++) out.push(from[i]!);
}

/**
 * Subscriptions indexed by event type, then by one id the pattern requires (an object, else an
 * actor, else a target), so that an event only meets the patterns that could match it: an event
 * of a type nobody listens for costs one Map lookup. Removal is O(1) (swap with the last).
 */
export class PatternIndex<T> {
  private readonly types = new Map<string, TypeIndex<T>>();

  add(pattern: EventPattern, roles: Roles | null, payload: T): Subscription<T> {
    let index = this.types.get(pattern.type);
    if (index === undefined) {
      index = { wild: [], byObject: new Map(), byActor: new Map(), byTarget: new Map() };
      this.types.set(pattern.type, index);
    }
    let bucket: Subscription<T>[];
    const object = firstFixed(pattern.objects, roles);
    if (object !== null) bucket = fileUnder(index.byObject, object);
    else {
      const actor = firstFixed(pattern.actors, roles);
      if (actor !== null) bucket = fileUnder(index.byActor, actor);
      else {
        const target = firstFixed(pattern.targets, roles);
        bucket = target !== null ? fileUnder(index.byTarget, target) : index.wild;
      }
    }
    const subscription: Subscription<T> = {
      pattern,
      roles,
      payload,
      bucket,
      position: bucket.length,
    };
    bucket.push(subscription);
    return subscription;
  }

  remove(subscription: Subscription<T>): void {
    const bucket = subscription.bucket;
    if (bucket === null) return;
    const last = bucket.pop()!;
    if (last !== subscription) {
      bucket[subscription.position] = last;
      last.position = subscription.position;
    }
    subscription.bucket = null;
  }

  /** Appends to `out` every subscription that might match the event (patterns not yet checked). */
  collect(event: Event, out: Subscription<T>[]): void {
    const index = this.types.get(event.type);
    if (index === undefined) return;
    pushAll(index.wild, out);
    if (index.byObject.size > 0)
      for (const value of event.objects)
        if (value.kind === "ref") pushAll(index.byObject.get(value.id), out);
    if (index.byActor.size > 0)
      for (const actor of event.actors) pushAll(index.byActor.get(actor), out);
    if (index.byTarget.size > 0)
      for (const target of event.targets) pushAll(index.byTarget.get(target), out);
  }
}
