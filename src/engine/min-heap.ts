/**
 * A binary min-heap of values under numeric keys. Equal keys pop in insertion order, so a replay
 * that schedules the same things in the same order always processes them in the same order.
 * Keys, insertion numbers and values sit in parallel arrays: pushing and popping allocate nothing
 * once the arrays have grown.
 */
export class MinHeap<T> {
  private readonly keys: number[] = [];
  private readonly seqs: number[] = [];
  private readonly values: T[] = [];
  private counter = 0;

  get size(): number {
    return this.keys.length;
  }

  /** The smallest key, or Infinity when empty. */
  peekKey(): number {
    return this.keys.length > 0 ? this.keys[0]! : Number.POSITIVE_INFINITY;
  }

  push(key: number, value: T): void {
    const keys = this.keys;
    const seqs = this.seqs;
    const values = this.values;
    const seq = this.counter++;
    let i = keys.length;
    keys.push(key);
    seqs.push(seq);
    values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk < key || (pk === key && seqs[parent]! < seq)) break;
      keys[i] = pk;
      seqs[i] = seqs[parent]!;
      values[i] = values[parent]!;
      i = parent;
    }
    keys[i] = key;
    seqs[i] = seq;
    values[i] = value;
  }

  /** Removes and returns the value with the smallest key (the earliest pushed among equals). */
  pop(): T | undefined {
    const keys = this.keys;
    const seqs = this.seqs;
    const values = this.values;
    const n = keys.length;
    if (n === 0) return undefined;
    const top = values[0]!;
    const lastKey = keys.pop()!;
    const lastSeq = seqs.pop()!;
    const lastValue = values.pop()!;
    const size = n - 1;
    if (size === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      let child = left;
      if (
        right < size &&
        (keys[right]! < keys[left]! || (keys[right] === keys[left] && seqs[right]! < seqs[left]!))
      )
        child = right;
      const ck = keys[child]!;
      if (lastKey < ck || (lastKey === ck && lastSeq < seqs[child]!)) break;
      keys[i] = ck;
      seqs[i] = seqs[child]!;
      values[i] = values[child]!;
      i = child;
    }
    keys[i] = lastKey;
    seqs[i] = lastSeq;
    values[i] = lastValue;
    return top;
  }
}
