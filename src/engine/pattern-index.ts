import type { Event } from "../language/model/event.ts";
import type { EventPattern, PatternTerm } from "../language/model/pattern.ts";
import type { Roles } from "./pattern-match.ts";

/**
 * A pattern someone listens for, filed under one key of the index. A pattern whose key is
 * `holder` or `counterparty` with several parties is filed once per party: the filings are
 * chained through `sibling` and removed together.
 */
export interface Subscription<T> {
  readonly pattern: EventPattern;
  readonly roles: Roles | null;
  readonly payload: T;
  /** The list it is filed in, or null once removed. */
  bucket: Subscription<T>[] | null;
  position: number;
  sibling: Subscription<T> | null;
  /** The map and key the list is filed under (null for the type's wild list). */
  readonly map: Map<string, Subscription<T>[]> | null;
  readonly key: string;
}

interface TypeIndex<T> {
  readonly wild: Subscription<T>[];
  readonly byObject: Map<string, Subscription<T>[]>;
  readonly byActor: Map<string, Subscription<T>[]>;
  readonly byTarget: Map<string, Subscription<T>[]>;
}

/**
 * The ids of which a term requires one: the holders or counterparties; null for a term that
 * requires none. (An `id` term requires its id: see `add`.)
 */
function requiredIds(term: PatternTerm, roles: Roles | null): readonly string[] | null {
  switch (term.kind) {
    case "holder":
      return roles !== null && roles.holders.length > 0 ? roles.holders : null;
    case "counterparty":
      return roles !== null && roles.counterparties.length > 0 ? roles.counterparties : null;
    default:
      return null;
  }
}

/**
 * What the first term of a slot that requires an id requires: one id, or one of several; null
 * if no term does.
 */
function firstRequired(
  terms: readonly PatternTerm[],
  roles: Roles | null,
): string | readonly string[] | null {
  for (const term of terms) {
    if (term.kind === "id") return term.id;
    const ids = requiredIds(term, roles);
    if (ids !== null) return ids;
  }
  return null;
}

/** Writes a bucket's subscriptions into `out` from `at`; returns the new count. */
function copyInto<T>(
  from: readonly Subscription<T>[] | undefined,
  out: Subscription<T>[],
  at: number,
): number {
  if (from === undefined) return at;
  let n = at;
  for (let i = 0; i < from.length; i++) out[n++] = from[i]!;
  return n;
}

/**
 * Subscriptions indexed by event type, then by one id the pattern requires (an object, else an
 * actor, else a target; for `holder` or `counterparty`, each of the parties), so that an event
 * only meets the patterns that could match it: an event of a type nobody listens for costs one
 * Map lookup. Removal is O(1) per filing (swap with the last). An event naming several parties
 * may meet a chained subscription more than once: its owner must act once (the engine's effects
 * are idempotent).
 */
export class PatternIndex<T> {
  private readonly types = new Map<string, TypeIndex<T>>();

  /** Files a pattern; returns the subscription (the first of its chain). */
  add(pattern: EventPattern, roles: Roles | null, payload: T): Subscription<T> {
    let index = this.types.get(pattern.type);
    if (index === undefined) {
      index = { wild: [], byObject: new Map(), byActor: new Map(), byTarget: new Map() };
      this.types.set(pattern.type, index);
    }
    let map: Map<string, Subscription<T>[]> | null = null;
    let keys = firstRequired(pattern.objects, roles);
    if (keys !== null) map = index.byObject;
    else {
      keys = firstRequired(pattern.actors, roles);
      if (keys !== null) map = index.byActor;
      else {
        keys = firstRequired(pattern.targets, roles);
        if (keys !== null) map = index.byTarget;
      }
    }
    if (map === null || keys === null)
      return this.file(index.wild, null, "", pattern, roles, payload, null);
    // One id (the usual case: an object named in the pattern) needs no list of keys.
    if (typeof keys === "string") return this.file(null, map, keys, pattern, roles, payload, null);
    const ids = keys;
    let head: Subscription<T> | null = null;
    for (let i = ids.length - 1; i >= 0; i--)
      head = this.file(null, map, ids[i]!, pattern, roles, payload, head);
    return head!;
  }

  /** Files a subscription in `bucket`, or else in the map's list under `key` (made if absent). */
  private file(
    bucket: Subscription<T>[] | null,
    map: Map<string, Subscription<T>[]> | null,
    key: string,
    pattern: EventPattern,
    roles: Roles | null,
    payload: T,
    sibling: Subscription<T> | null,
  ): Subscription<T> {
    const list = bucket ?? map?.get(key);
    const subscription: Subscription<T> = {
      pattern,
      roles,
      payload,
      bucket: null,
      position: list === undefined ? 0 : list.length,
      sibling,
      map,
      key,
    };
    if (list !== undefined) {
      list.push(subscription);
      subscription.bucket = list;
    } else {
      // A new list is made at its size: pushing to an empty one reserves room for about 17.
      const made = [subscription];
      map!.set(key, made);
      subscription.bucket = made;
    }
    return subscription;
  }

  /** Removes a subscription and its siblings. */
  remove(subscription: Subscription<T>): void {
    for (let sub: Subscription<T> | null = subscription; sub !== null; sub = sub.sibling) {
      const bucket: Subscription<T>[] | null = sub.bucket;
      if (bucket === null) continue;
      const last: Subscription<T> = bucket.pop()!;
      if (last !== sub) {
        bucket[sub.position] = last;
        last.position = sub.position;
      }
      sub.bucket = null;
      // An emptied list leaves the map, so that maps hold only the keys listened for now.
      if (bucket.length === 0 && sub.map !== null) sub.map.delete(sub.key);
    }
  }

  /**
   * Writes into `out`, from index 0, every subscription that might match the event (patterns
   * not yet checked); returns how many. Entries of `out` past that count are stale.
   */
  collect(event: Event, out: Subscription<T>[]): number {
    const index = this.types.get(event.type);
    if (index === undefined) return 0;
    let n = copyInto(index.wild, out, 0);
    if (index.byObject.size > 0) {
      const objects = event.objects;
      for (let i = 0; i < objects.length; i++) {
        const value = objects[i]!;
        if (value.kind === "ref") n = copyInto(index.byObject.get(value.id), out, n);
      }
    }
    if (index.byActor.size > 0) {
      const actors = event.actors;
      for (let i = 0; i < actors.length; i++) n = copyInto(index.byActor.get(actors[i]!), out, n);
    }
    if (index.byTarget.size > 0) {
      const targets = event.targets;
      for (let i = 0; i < targets.length; i++)
        n = copyInto(index.byTarget.get(targets[i]!), out, n);
    }
    return n;
  }
}
