import type { Day } from "../language/calendar/day.ts";
import { addDuration } from "../language/calendar/duration.ts";
import type { Anchor } from "../language/model/anchor.ts";
import type { EventPattern } from "../language/model/pattern.ts";
import type { TimeExpression } from "../language/model/time-expression.ts";
import { assertNever } from "./assert-never.ts";

/** A time expression's current value: its day and the limb that fixed it. */
export interface TimeValue {
  readonly day: Day;
  readonly limb: TimeExpression;
}

/** What a tracker needs from the replay: to hear of events and anchors as they come. */
export interface LimbHost {
  /** Calls `fire` (now or later) with the day of the first event matching the pattern. */
  watchPattern(pattern: EventPattern, fire: (day: Day) => void): void;
  /** Calls `fire` (now or later) with the day of the anchor. */
  watchAnchor(anchor: Anchor, fire: (day: Day) => void): void;
}

interface Leaf {
  readonly kind: "leaf";
  readonly expr: TimeExpression;
  day: Day | null;
}

interface Composite {
  readonly kind: "earliest" | "latest";
  readonly expr: TimeExpression;
  readonly limbs: readonly TimeNode[];
}

type TimeNode = Leaf | Composite;

function valueOf(node: TimeNode): TimeValue | null {
  if (node.kind === "leaf") return node.day === null ? null : { day: node.day, limb: node.expr };
  let best: TimeValue | null = null;
  for (const limb of node.limbs) {
    const value = valueOf(limb);
    if (value === null) {
      if (node.kind === "latest") return null;
      continue;
    }
    if (
      best === null ||
      (node.kind === "earliest" ? value.day < best.day : value.day > best.day)
    )
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
 */
export class TimeTracker {
  private readonly root: TimeNode;
  private listener: (() => void) | null = null;

  constructor(expr: TimeExpression, host: LimbHost) {
    this.root = this.build(expr, host);
  }

  /** The value now, or null while no limb (for `latest`: not every limb) has arrived. */
  value(): TimeValue | null {
    return valueOf(this.root);
  }

  /** Calls `listener` whenever a limb arrives after construction. */
  listen(listener: () => void): void {
    this.listener = listener;
  }

  private resolve(leaf: Leaf, day: Day): void {
    if (leaf.day !== null) return;
    leaf.day = day;
    this.listener?.();
  }

  private build(expr: TimeExpression, host: LimbHost): TimeNode {
    switch (expr.kind) {
      case "date":
        return { kind: "leaf", expr, day: expr.date.last };
      case "after": {
        const leaf: Leaf = { kind: "leaf", expr, day: null };
        host.watchAnchor(expr.anchor, (day) => this.resolve(leaf, addDuration(day, expr.duration)));
        return leaf;
      }
      case "on": {
        const leaf: Leaf = { kind: "leaf", expr, day: null };
        host.watchPattern(expr.pattern, (day) => this.resolve(leaf, day));
        return leaf;
      }
      case "earliest":
      case "latest":
        return { kind: expr.kind, expr, limbs: expr.limbs.map((limb) => this.build(limb, host)) };
      default:
        return assertNever(expr);
    }
  }
}
