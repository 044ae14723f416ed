import type { Interval, Timeline } from "./timeline.ts";

/** Where a timeline's intervals come from: handed over once, when it is first read. */
export interface Intervals<S> {
  finish(): readonly Interval<S>[];
}

/**
 * A replay's timelines of instruments or provisions, by id: a read-only map over the replay's
 * finished timeline builders, in the order of the model's sorted ids, whose `Timeline` objects
 * (and their last, open interval) are made when first read, and then kept, so that a timeline read
 * twice is the same object. A replay builds one timeline per instrument and provision and most
 * are never read: making no map of them, and none of their objects until asked, is most of the
 * cost of a replay's result. Iteration follows the ids' order, as a map filled in that order
 * would.
 */
export class TimelineMap<S> implements ReadonlyMap<string, Timeline<S>> {
  readonly #subjects: readonly { readonly id: string }[];
  readonly #at: ReadonlyMap<string, number>;
  /** Per subject, its intervals; undefined for a subject the replay has no timeline of. */
  readonly #intervals: readonly (Intervals<S> | undefined)[];
  readonly #size: number;
  #made: (Timeline<S> | undefined)[] | null = null;

  /**
   * `subjects` in order, `at` the position of each id among them, and `intervals` the intervals
   * of each (undefined for one without a timeline, which the map leaves out), finished when read.
   * Nothing is copied: the lists and what they hold must not change afterwards.
   */
  constructor(
    subjects: readonly { readonly id: string }[],
    at: ReadonlyMap<string, number>,
    intervals: readonly (Intervals<S> | undefined)[],
  ) {
    this.#subjects = subjects;
    this.#at = at;
    this.#intervals = intervals;
    let size = 0;
    for (let i = 0; i < intervals.length; i++) if (intervals[i] !== undefined) size++;
    this.#size = size;
  }

  get size(): number {
    return this.#size;
  }

  get(id: string): Timeline<S> | undefined {
    const i = this.#at.get(id);
    return i === undefined ? undefined : this.#timeline(i);
  }

  has(id: string): boolean {
    const i = this.#at.get(id);
    return i !== undefined && this.#intervals[i] !== undefined;
  }

  forEach(
    callback: (value: Timeline<S>, key: string, map: ReadonlyMap<string, Timeline<S>>) => void,
    thisArg?: unknown,
  ): void {
    for (let i = 0; i < this.#intervals.length; i++) {
      const timeline = this.#timeline(i);
      if (timeline !== undefined) callback.call(thisArg, timeline, timeline.id, this);
    }
  }

  *entries(): MapIterator<[string, Timeline<S>]> {
    for (let i = 0; i < this.#intervals.length; i++) {
      const timeline = this.#timeline(i);
      if (timeline !== undefined) yield [timeline.id, timeline];
    }
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.#intervals.length; i++)
      if (this.#intervals[i] !== undefined) yield this.#subjects[i]!.id;
  }

  *values(): MapIterator<Timeline<S>> {
    for (let i = 0; i < this.#intervals.length; i++) {
      const timeline = this.#timeline(i);
      if (timeline !== undefined) yield timeline;
    }
  }

  [Symbol.iterator](): MapIterator<[string, Timeline<S>]> {
    return this.entries();
  }

  #timeline(i: number): Timeline<S> | undefined {
    const intervals = this.#intervals[i];
    if (intervals === undefined) return undefined;
    let made = this.#made;
    if (made === null) {
      made = new Array<Timeline<S> | undefined>(this.#intervals.length);
      this.#made = made;
    }
    let timeline = made[i];
    if (timeline === undefined) {
      timeline = { id: this.#subjects[i]!.id, intervals: intervals.finish() };
      made[i] = timeline;
    }
    return timeline;
  }
}
