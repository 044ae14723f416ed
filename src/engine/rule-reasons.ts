import type { Day } from "../language/calendar/day.ts";
import type { Event } from "../language/model/event.ts";
import type { Fact } from "../language/model/fact.ts";
import type { FactRule } from "../language/model/fact-rule.ts";
import { dayText } from "./day-text.ts";
import { describeEvent } from "./format-event.ts";
import { type Cause, mergeSources, type Reason, type ReasonKind } from "./reason.ts";

// The reasons of the values of facts with rules, worded when read, and what set the changes off.

/** A rule and the fact it belongs to (a rule's plan, in the facts with rules). */
export interface RuleOfFact {
  readonly rule: FactRule;
  readonly rt: { readonly fact: Fact };
}

/**
 * The reason of a value started by an event's rule, worded when read: most reasons of a replay
 * are never read, and wording them all would cost more than the rest of the replay.
 */
export class EventRuleReason implements Reason {
  readonly #key: string;
  readonly #plan: RuleOfFact;
  readonly #origin: Event;

  constructor(key: string, plan: RuleOfFact, origin: Event) {
    this.#key = key;
    this.#plan = plan;
    this.#origin = origin;
  }

  // A replay keeps tens of thousands of these: what can be read off the origin and the rule is
  // not copied into each (a smaller object is quicker to make and to keep).
  get kind(): ReasonKind {
    return "event";
  }

  get sources(): readonly string[] {
    const origin = this.#origin.sources;
    const fact = this.#plan.rt.fact.sources;
    // An event without sources (most of a stream) leaves the fact's: no list is merged.
    return origin.length === 0 ? fact : mergeSources(origin, fact);
  }

  get event(): string {
    return this.#origin.id;
  }

  get summary(): string {
    return `${this.#key} from ${describeEvent(this.#origin)}, by '${this.#plan.rule.text}'`;
  }

  toJSON(): Reason {
    return { kind: this.kind, summary: this.summary, event: this.event, sources: this.sources };
  }
}

/** The reason of a value started or ended by another fact's change or by a timer, worded when read. */
export class ChangeRuleReason implements Reason {
  readonly kind = "rule";
  readonly sources: readonly string[];
  readonly #key: string;
  readonly #rule: FactRule;
  readonly #origin: ChangeOrigin | TimerOrigin;
  #text: string | null = null;

  constructor(
    key: string,
    rule: FactRule,
    origin: ChangeOrigin | TimerOrigin,
    sources: readonly string[],
  ) {
    this.#key = key;
    this.#rule = rule;
    this.#origin = origin;
    this.sources = sources;
  }

  get summary(): string {
    const origin = this.#origin;
    this.#text ??=
      origin.kind === "change"
        ? `${this.#key} from the ${origin.edge} of ${origin.key} on ${dayText(origin.day)}, by '${this.#rule.text}'`
        : `${this.#key} after ${origin.key} had held since ${dayText(origin.since)}, by '${this.#rule.text}'`;
    return this.#text;
  }

  get because(): readonly Cause[] {
    const origin = this.#origin;
    // An end's cause is the value on its last day.
    return origin.kind === "change"
      ? [
          {
            kind: "fact",
            id: origin.key,
            day: origin.edge === "end" ? origin.day - 1 : origin.day,
          },
        ]
      : [{ kind: "fact", id: origin.key, day: origin.since }];
  }

  toJSON(): Reason {
    return {
      kind: this.kind,
      summary: this.summary,
      sources: this.sources,
      because: this.because,
    };
  }
}

export interface ChangeOrigin {
  readonly kind: "change";
  readonly edge: "start" | "end";
  readonly key: string;
  readonly day: Day;
}

export interface TimerOrigin {
  readonly kind: "timer";
  readonly since: Day;
  readonly key: string;
}

/** What set a proposal off, to word its reason if it is applied. */
export type Origin = Event | ChangeOrigin | TimerOrigin;
