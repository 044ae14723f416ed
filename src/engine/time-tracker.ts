import type { Day } from "../language/calendar/day.ts";
import { addDuration } from "../language/calendar/duration.ts";
import type { TimeExpression } from "../language/model/time-expression.ts";
import { assertNever } from "./assert-never.ts";

/** A time expression's current value: its day and the limb that fixed it. */
export interface TimeValue {
  readonly day: Day;
  readonly limb: TimeExpression;
}

/**
 * A limb whose day is not known when tracking starts: `on PATTERN` (the day of the event) or
 * `DURATION after ANCHOR` (that long after the anchor). The replay resolves it.
 */
export interface WaitingLimb {
  readonly kind: "leaf";
  readonly expr: TimeExpression;
  day: Day | null;
}

interface Composite {
  readonly kind: "earliest" | "latest";
  readonly expr: TimeExpression;
  readonly limbs: readonly TimeNode[];
}

type TimeNode = WaitingLimb | Composite;

function currentValue(node: TimeNode): TimeValue | null {
  if (node.kind === "leaf") return node.day === null ? null : { day: node.day, limb: node.expr };
  let best: TimeValue | null = null;
  for (const limb of node.limbs) {
    const value = currentValue(limb);
    if (value === null) {
      if (node.kind === "latest") return null;
      continue;
    }
    if (best === null || (node.kind === "earliest" ? value.day < best.day : value.day > best.day))
      best = value;
  }
  return best;
}

/**
 * The incremental value of a deadline or end. A date is known at once (its last day); `after`
 * is known when its anchor comes; `on PATTERN` when a matching event happens. `earliest` is the
 * first limb to arrive among those known (so a date limb can be overtaken by an event limb that
 * comes before it); `latest` is known when every limb is, and is the last of them. The governing
 * limb is the leaf expression that fixed the value.
 *
 * The tracker holds no callbacks: the replay watches each of `waiting` and calls `resolve`.
 */
export class TimeTracker {
  private readonly root: TimeNode;
  /** The limbs the replay must watch for. */
  get waiting(): readonly WaitingLimb[] {
    return this.limbs;
  }
  // Usually one or two: kept at their exact size (see `wait`).
  private limbs: WaitingLimb[] = [];
  /** Set by the replay once it watches the limbs: from then on, changes are committed. */
  live = false;

  constructor(expr: TimeExpression) {
    this.root = this.build(expr);
  }

  /** The value now, or null while no limb (for `latest`: not every limb) has arrived. */
  value(): TimeValue | null {
    return currentValue(this.root);
  }

  /**
   * A waited-for limb has come: `day` is the event's day (`on`) or the anchor's (`after`).
   * Returns whether the limb was still open.
   */
  resolve(limb: WaitingLimb, day: Day): boolean {
    if (limb.day !== null) return false;
    const expr = limb.expr;
    limb.day = expr.kind === "after" ? addDuration(day, expr.duration) : day;
    return true;
  }

  private build(expr: TimeExpression): TimeNode {
    switch (expr.kind) {
      case "date":
        return { kind: "leaf", expr, day: expr.date.last };
      case "after":
        if (expr.anchor.kind === "date")
          return { kind: "leaf", expr, day: addDuration(expr.anchor.date.first, expr.duration) };
        return this.wait(expr);
      case "on":
        return this.wait(expr);
      case "earliest":
      case "latest":
        return { kind: expr.kind, expr, limbs: expr.limbs.map((limb) => this.build(limb)) };
      default:
        return assertNever(expr);
    }
  }

  private wait(expr: TimeExpression): WaitingLimb {
    const leaf: WaitingLimb = { kind: "leaf", expr, day: null };
    this.limbs = this.limbs.length === 0 ? [leaf] : this.limbs.concat(leaf);
    return leaf;
  }
}
