import type { Location } from "../diagnostics/location.ts";
import type { Token, TokenKind } from "./token.ts";
import type { TokenTable } from "./token-table.ts";

/**
 * A token read from a token table: it keeps the table and its index, and reads its kind and
 * offsets there; its text, line and column are computed when asked for, its value once.
 */
export class TableToken implements Token {
  private cachedValue: string | undefined = undefined;

  constructor(
    private readonly table: TokenTable,
    private readonly index: number,
  ) {}

  get kind(): TokenKind {
    return this.table.kind(this.index);
  }

  get text(): string {
    return this.table.textOf(this.index);
  }

  get value(): string {
    if (this.cachedValue === undefined) this.cachedValue = this.table.valueOf(this.index);
    return this.cachedValue;
  }

  get from(): number {
    return this.table.from(this.index);
  }

  get to(): number {
    return this.table.to(this.index);
  }

  get line(): number {
    return this.table.line(this.index);
  }

  get column(): number {
    return this.table.column(this.index);
  }

  /** Where the token is, in `file`. */
  locationIn(file: string): Location {
    return this.table.locationIn(this.index, file);
  }

  /** The token as a plain object, as it prints. */
  toJSON(): Token {
    const { kind, text, value, from, to, line, column } = this;
    return { kind, text, value, from, to, line, column };
  }
}
