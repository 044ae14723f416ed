import type { Day } from "../language/calendar/day.ts";
import type { Anchor } from "../language/model/anchor.ts";
import { dayText } from "./day-text.ts";
import { formatAnchor } from "./format-condition.ts";
import { type PlainReason, plainReason } from "./lazy-reason.ts";
import type { Cause, Reason, ReasonKind } from "./reason.ts";

/** An instrument's opening (signature or entry into force), shared by its provisions' reasons. */
export interface Opening {
  /** The instrument's id. */
  readonly id: string;
  readonly how: "was signed" | "entered into force";
  readonly day: Day;
  /** `[the instrument on that day]`. */
  readonly because: readonly Cause[];
}

/**
 * Why a provision became pending when its instrument opened: `Pending: ID was signed on DAY; in
 * effect from START`, a rule resting on the instrument. Every provision of an instrument has one,
 * and those with other starts than entry into force one each: it keeps only the opening (shared),
 * the start and the sources, writes the rest when read, and as JSON is the plain reason, as a
 * LazyReason is.
 */
export class OpenedReason implements Reason {
  constructor(
    private readonly opening: Opening,
    private readonly from: Anchor,
    readonly sources: readonly string[],
  ) {}

  get kind(): ReasonKind {
    return "rule";
  }

  get summary(): string {
    const { id, how, day } = this.opening;
    return `Pending: ${id} ${how} on ${dayText(day)}; in effect from ${formatAnchor(this.from)}`;
  }

  get instrument(): string {
    return this.opening.id;
  }

  get because(): readonly Cause[] {
    return this.opening.because;
  }

  toJSON(): PlainReason {
    return plainReason(this);
  }
}
