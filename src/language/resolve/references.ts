import type { Location } from "../diagnostics/location.ts";

/** What kind of declaration an id names. */
export type DeclarationKind =
  | "source"
  | "party"
  | "asset"
  | "instrument"
  | "provision"
  | "fact"
  | "event"
  | "contested"
  | "claim"
  | "reading"
  | "what-if";

/** A use of an id, checked once every declaration is known. */
export interface Reference {
  readonly id: string;
  /** Acceptable kinds; empty means any declared id. */
  readonly kinds: readonly DeclarationKind[];
  readonly at: Location;
  /** What the reference is for, to word the diagnostic. */
  readonly role: string;
}

const anyKind: readonly DeclarationKind[] = [];

/**
 * Collects the references of a resolution pass. A corpus makes several per event, all kept until
 * every declaration is known: they are stored column by column (the positions as numbers, the
 * lists of kinds shared), and a reference is made an object again only when asked for.
 */
export class ReferenceLog {
  private readonly ids: string[] = [];
  private readonly kindLists: (readonly DeclarationKind[])[] = [];
  private readonly roles: string[] = [];
  private readonly files: string[] = [];
  /** From, to, line and column of each reference. */
  private positions = new Int32Array(1024);
  /** Equal lists of kinds, shared: by their kinds joined with spaces. */
  private readonly shared = new Map<string, readonly DeclarationKind[]>();

  get size(): number {
    return this.ids.length;
  }

  add(id: string, kinds: readonly DeclarationKind[], at: Location, role: string): void {
    const n = this.ids.length;
    if (4 * n + 4 > this.positions.length) {
      const bigger = new Int32Array(this.positions.length * 2);
      bigger.set(this.positions);
      this.positions = bigger;
    }
    this.ids.push(id);
    this.kindLists.push(this.share(kinds));
    this.roles.push(role);
    this.files.push(at.file);
    this.positions[4 * n] = at.from;
    this.positions[4 * n + 1] = at.to;
    this.positions[4 * n + 2] = at.line;
    this.positions[4 * n + 3] = at.column;
  }

  /** The id of reference `i`. */
  id(i: number): string {
    return this.ids[i] ?? "";
  }

  /** Reference `i`, in the order they were added. */
  reference(i: number): Reference {
    const p = 4 * i;
    return {
      id: this.id(i),
      kinds: this.kindLists[i] ?? anyKind,
      at: {
        file: this.files[i] ?? "",
        from: this.positions[p] ?? 0,
        to: this.positions[p + 1] ?? 0,
        line: this.positions[p + 2] ?? 0,
        column: this.positions[p + 3] ?? 0,
      },
      role: this.roles[i] ?? "",
    };
  }

  /** The kinds acceptable for reference `i`. */
  kinds(i: number): readonly DeclarationKind[] {
    return this.kindLists[i] ?? anyKind;
  }

  private share(kinds: readonly DeclarationKind[]): readonly DeclarationKind[] {
    if (kinds.length === 0) return anyKind;
    const key = kinds.length === 1 ? (kinds[0] ?? "") : kinds.join(" ");
    const known = this.shared.get(key);
    if (known !== undefined) return known;
    const list = kinds.slice();
    this.shared.set(key, list);
    return list;
  }
}
