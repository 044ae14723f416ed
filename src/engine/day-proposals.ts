/**
 * The changes the rules of facts with rules propose on the day being replayed, kept as parallel
 * lists indexed by a proposal's number rather than as one object each: a replay files tens of
 * thousands of them, and the lists keep their storage from day to day.
 *
 * `I` is what a proposal changes (an instance), `R` the rule that proposed it, `K` the bindings
 * it keeps for the rule's `unless`, `O` what set it off.
 */
export class DayProposals<I, R, K, O> {
  /** How many proposals the day has: numbers 0 to count - 1. */
  count = 0;
  readonly instance: I[] = [];
  /** Whether it starts a value (else it ends one). */
  readonly starts: boolean[] = [];
  /** The value to start, or the value to end (null: any). */
  readonly value: (string | null)[] = [];
  readonly rule: R[] = [];
  readonly kept: (K | null)[] = [];
  readonly origin: (O | null)[] = [];
  /** The next proposal for the same instance, when a settlement chains them (-1: none). */
  readonly next: number[] = [];

  /** Files a proposal; returns its number. */
  add(
    instance: I,
    starts: boolean,
    value: string | null,
    rule: R,
    kept: K | null,
    origin: O,
  ): number {
    const n = this.count++;
    this.instance[n] = instance;
    this.starts[n] = starts;
    this.value[n] = value;
    this.rule[n] = rule;
    this.kept[n] = kept;
    this.origin[n] = origin;
    this.next[n] = -1;
    return n;
  }

  /** Files proposal `p` of `other` here, as it stands; returns its number here. */
  copy(other: DayProposals<I, R, K, O>, p: number): number {
    return this.add(
      other.instance[p]!,
      other.starts[p]!,
      other.value[p] ?? null,
      other.rule[p]!,
      other.kept[p] ?? null,
      other.origin[p] as O,
    );
  }

  /**
   * Lets the day's proposals go: the lists keep their storage, and let go of what only the day
   * made (the kept bindings and the origins), so that it dies young.
   */
  clear(): void {
    const n = this.count;
    this.kept.fill(null, 0, n);
    this.origin.fill(null, 0, n);
    this.count = 0;
  }
}
