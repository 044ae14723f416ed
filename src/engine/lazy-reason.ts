import type { Cause, Reason, ReasonKind } from "./reason.ts";

/** A reason as plain data, its fields in the order JSON gives them. */
export interface PlainReason {
  readonly kind: ReasonKind;
  readonly summary: string;
  readonly event?: string;
  readonly limb?: string;
  readonly instrument?: string;
  readonly rule?: string;
  readonly sources: readonly string[];
  readonly because?: readonly Cause[];
}

/**
 * A reason whose summary is written only when it is read: a replay records a reason for every
 * change of state, and most summaries are never read. It keeps what the sentence needs, captured
 * at the time of the change (a day, an event, a deadline), and a function that writes it. As
 * JSON it is the plain reason, with the summary, its fields in the usual order.
 */
export class LazyReason<S> implements Reason {
  constructor(
    readonly kind: ReasonKind,
    private readonly write: (subject: S) => string,
    private readonly subject: S,
    readonly sources: readonly string[],
    readonly event: string | undefined = undefined,
    readonly limb: string | undefined = undefined,
    readonly instrument: string | undefined = undefined,
    readonly rule: string | undefined = undefined,
    readonly because: readonly Cause[] | undefined = undefined,
  ) {}

  get summary(): string {
    return this.write(this.subject);
  }

  toJSON(): PlainReason {
    return plainReason(this);
  }
}

/** A reason as plain data, with its summary written out. */
export function plainReason(reason: Reason): PlainReason {
  return {
    kind: reason.kind,
    summary: reason.summary,
    ...(reason.event === undefined ? {} : { event: reason.event }),
    ...(reason.limb === undefined ? {} : { limb: reason.limb }),
    ...(reason.instrument === undefined ? {} : { instrument: reason.instrument }),
    ...(reason.rule === undefined ? {} : { rule: reason.rule }),
    sources: reason.sources,
    ...(reason.because === undefined ? {} : { because: reason.because }),
  };
}
