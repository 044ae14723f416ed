import type { Location } from "../diagnostics/location.ts";
import type { DeclarationKind } from "./references.ts";

const kinds: readonly DeclarationKind[] = [
  "source",
  "party",
  "asset",
  "instrument",
  "provision",
  "fact",
  "event",
  "contested",
  "claim",
  "reading",
  "what-if",
];
const kindCodes = new Map(kinds.map((kind, i) => [kind, i]));

/** A declared id: what it names and where it is declared. */
export interface Declaration {
  readonly kind: DeclarationKind;
  readonly at: Location;
}

/**
 * The ids declared so far, each with its kind and where it is declared. A corpus declares one id
 * per event: they are stored column by column (kinds and positions as numbers), and a declaration
 * is made an object again only when asked for.
 */
export class Declarations {
  private readonly index = new Map<string, number>();
  private readonly files: string[] = [];
  /** Kind code, from, to, line and column of each declaration. */
  private numbers = new Int32Array(5 * 256);

  get size(): number {
    return this.files.length;
  }

  /** Records a declaration; the id must not be declared yet. */
  add(id: string, kind: DeclarationKind, at: Location): void {
    const n = this.files.length;
    if (5 * n + 5 > this.numbers.length) {
      const bigger = new Int32Array(this.numbers.length * 2);
      bigger.set(this.numbers);
      this.numbers = bigger;
    }
    this.index.set(id, n);
    this.files.push(at.file);
    const p = 5 * n;
    this.numbers[p] = kindCodes.get(kind) ?? 0;
    this.numbers[p + 1] = at.from;
    this.numbers[p + 2] = at.to;
    this.numbers[p + 3] = at.line;
    this.numbers[p + 4] = at.column;
  }

  /** What `id` names, if it is declared. */
  kindOf(id: string): DeclarationKind | undefined {
    const n = this.index.get(id);
    return n === undefined ? undefined : kinds[this.numbers[5 * n] ?? 0];
  }

  /** The declaration of `id`, if any. */
  get(id: string): Declaration | undefined {
    const n = this.index.get(id);
    if (n === undefined) return undefined;
    const p = 5 * n;
    return {
      kind: kinds[this.numbers[p] ?? 0] ?? "source",
      at: {
        file: this.files[n] ?? "",
        from: this.numbers[p + 1] ?? 0,
        to: this.numbers[p + 2] ?? 0,
        line: this.numbers[p + 3] ?? 0,
        column: this.numbers[p + 4] ?? 0,
      },
    };
  }

  /** The declared ids, in the order of their declarations. */
  ids(): IterableIterator<string> {
    return this.index.keys();
  }
}
