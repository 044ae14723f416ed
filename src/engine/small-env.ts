/**
 * Variables bound to values, for the few variables a rule names: two short lists searched in
 * order rather than a hash map. The names are the model's own strings (bare variable names), so a
 * lookup mostly compares references; a rule's environment is read and written several times per
 * event, and hashing each time costs more than the search.
 */
export class SmallEnv implements ReadonlyMap<string, string> {
  private readonly bound: string[] = [];
  private readonly boundValues: string[] = [];

  get size(): number {
    return this.bound.length;
  }

  private indexOf(name: string): number {
    const bound = this.bound;
    for (let i = 0; i < bound.length; i++) if (bound[i] === name) return i;
    return -1;
  }

  get(name: string): string | undefined {
    const i = this.indexOf(name);
    return i < 0 ? undefined : this.boundValues[i];
  }

  has(name: string): boolean {
    return this.indexOf(name) >= 0;
  }

  set(name: string, value: string): this {
    const i = this.indexOf(name);
    if (i < 0) {
      this.bound.push(name);
      this.boundValues.push(value);
    } else this.boundValues[i] = value;
    return this;
  }

  clear(): void {
    this.bound.length = 0;
    this.boundValues.length = 0;
  }

  delete(name: string): boolean {
    const i = this.indexOf(name);
    if (i < 0) return false;
    // The last binding takes its place: the order of bindings is not read.
    const last = this.bound.length - 1;
    this.bound[i] = this.bound[last]!;
    this.boundValues[i] = this.boundValues[last]!;
    this.bound.pop();
    this.boundValues.pop();
    return true;
  }

  forEach(
    callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void,
    thisArg?: unknown,
  ): void {
    for (let i = 0; i < this.bound.length; i++)
      callback.call(thisArg, this.boundValues[i]!, this.bound[i]!, this);
  }

  *entries(): MapIterator<[string, string]> {
    for (let i = 0; i < this.bound.length; i++) yield [this.bound[i]!, this.boundValues[i]!];
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.bound.length; i++) yield this.bound[i]!;
  }

  *values(): MapIterator<string> {
    for (let i = 0; i < this.boundValues.length; i++) yield this.boundValues[i]!;
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
}
