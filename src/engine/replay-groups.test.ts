import { describe, expect, it } from "vitest";
import type { Event } from "../language/model/event.ts";
import type { Model } from "../language/model/model.ts";
import { replay, replayToJson } from "./index.ts";
import { GROUP_INSTRUMENTS, replayGroups } from "./replay-groups.ts";
import { selectReplayEvents } from "./select-events.ts";
import {
  buildModel,
  dateLimb,
  day,
  durationAfter,
  event,
  fact,
  holds,
  type InstrumentDraft,
  instrument,
  on,
  some,
} from "./test-model.ts";

const atWar = fact("at-war", ["a", "b"], {
  starts: ["attack by ?b to ?a"],
  ends: ["armistice by ?a with ?b"],
});

/**
 * Many small agreements, each with a payment due a year after entry into force, and among them
 * the kinds of link that make two instruments one part: a supersession, an amendment, a duty
 * that starts on another's fulfilment, alliances whose duties read a fact.
 */
function corpus(count: number, extra: { readonly derived?: boolean } = {}): Model {
  const instruments: InstrumentDraft[] = [];
  const events: Event[] = [];
  const id = (n: number) => `t${String(n).padStart(3, "0")}`;
  for (let n = 0; n < count; n++) {
    const year = 1950 + (n % 20);
    const party = `s${n % 7}`;
    const other = `s${(n + 3) % 7}`;
    const spec: Parameters<typeof instrument>[1] = {
      inForce: "signature",
      parties: [party, other],
      ...(n % 5 === 0 ? { term: "3 years" } : {}),
      provisions: {
        pay: {
          holder: [party],
          counterparty: [other],
          due: durationAfter("1 year", { kind: "entry-into-force" }),
          fulfilledBy: `pay ${id(n)}-credit by holder to counterparty`,
        },
        ...(n % 11 === 3 && n >= 200
          ? {
              // Starts when an agreement's of long before payment is made.
              follow: {
                holder: [other],
                counterparty: [party],
                from: { kind: "fulfilment", provision: `${id(n - 200)}.pay` },
                due: dateLimb(String(year + 4)),
                fulfilledBy: `transfer ${id(n)}-railway by holder to counterparty`,
              },
            }
          : {}),
        ...(n % 13 === 5
          ? {
              assist: {
                holder: [party, other],
                counterparty: [party, other],
                when: some("?x", holds("at-war", "counterparty", "?x")),
                fulfilledBy: "assist by holder to counterparty",
              },
            }
          : {}),
      },
      ...(n % 17 === 9 && n >= 120 ? { supersedes: [id(n - 120)] } : {}),
      ...(n % 19 === 7 && n >= 150
        ? { amends: [{ provision: `${id(n - 150)}.pay`, changes: { due: dateLimb("1990") } }] }
        : {}),
    };
    instruments.push(instrument(id(n), spec));
    events.push(event(`${id(n)}-sign`, `${year}-0${1 + (n % 9)}-1${n % 10}`, `sign ${id(n)}`));
    if (n % 3 !== 0)
      events.push(
        event(
          `${id(n)}-pay`,
          `${year + 1}-0${1 + (n % 9)}-0${1 + (n % 9)}`,
          `pay ${id(n)}-credit by ${party} to ${other}`,
        ),
      );
    if (n % 11 === 3 && n >= 200)
      events.push(
        event(`${id(n)}-move`, `${year + 3}-05-05`, `transfer ${id(n)}-railway by ${other}`),
      );
    if (n % 23 === 4)
      events.push(event(`${id(n)}-attack`, `${year}-11-11`, `attack by x to ${party}`));
    if (n % 23 === 4)
      events.push(event(`${id(n)}-truce`, `${year + 1}-02-02`, `armistice by ${party} with x`));
    if (n % 29 === 1) events.push(event(`${id(n)}-noise`, `${year}-04-04`, `visit by ${party}`));
  }
  const facts = [atWar];
  if (extra.derived === true)
    facts.push(fact("allied", ["a"], { derived: some("?x", holds("at-war", "a", "?x")) }));
  return buildModel({ instruments, events, facts });
}

const json = (model: Model, options: Parameters<typeof replay>[1] = {}) =>
  JSON.stringify(replayToJson(replay(model, options)));

describe("replaying independent parts one after the other", () => {
  const model = corpus(300);

  it("splits a large model into groups, and keeps linked instruments together", () => {
    const groups = replayGroups(model, selectReplayEvents(model, null))!;
    expect(groups).not.toBeNull();
    expect(groups.length).toBeGreaterThan(2);
    const groupOf = (instrumentId: string) =>
      groups.findIndex((group) => group.model.instruments.has(instrumentId));
    // Links between instruments far apart in the model's order: t128 supersedes t008, t159 amends
    // t009's payment, t201 starts on t001's payment.
    expect(groupOf("t128")).toBe(groupOf("t008"));
    expect(groupOf("t128")).not.toBe(-1);
    expect(groupOf("t159")).toBe(groupOf("t009"));
    expect(groupOf("t201")).toBe(groupOf("t001"));
    // Unlinked instruments far apart are not.
    expect(groupOf("t002")).not.toBe(groupOf("t299"));
    // Every instrument whose terms read a fact is in the group that has the facts.
    const factsGroup = groups.findIndex((group) => group.model.facts.size > 0);
    expect(groupOf("t005")).toBe(factsGroup);
    expect(groupOf("t291")).toBe(factsGroup);
    // Every instrument is in exactly one group; an event goes to each group it may concern.
    const total = groups.reduce((sum, group) => sum + group.model.instruments.size, 0);
    expect(total).toBe(model.instruments.size);
    expect(groups.some((group) => group.model.instruments.size >= GROUP_INSTRUMENTS)).toBe(true);
    const routed = new Set(groups.flatMap((group) => group.events.events.map((e) => e.id)));
    expect(routed.has("t001-noise")).toBe(false);
    expect(routed.has("t004-attack")).toBe(true);
  });

  it("gives the same replay as one fold over everything", () => {
    expect(json(model)).toBe(json(model, { whole: true }));
  });

  it("gives the same replay up to any day", () => {
    for (const until of ["1951-06-30", "1958-01-01", "1972-12-31"])
      expect(json(model, { until: day(until) })).toBe(
        json(model, { until: day(until), whole: true }),
      );
  });

  it("folds a model with derived facts in one piece", () => {
    const derived = corpus(300, { derived: true });
    expect(replayGroups(derived, selectReplayEvents(derived, null))).toBeNull();
    expect(json(derived)).toBe(json(derived, { whole: true }));
  });

  it("folds a small model in one piece", () => {
    const small = corpus(GROUP_INSTRUMENTS);
    expect(replayGroups(small, selectReplayEvents(small, null))).toBeNull();
  });

  it("routes an event whose pattern names no one to every group listening for its type", () => {
    const withFlood = buildModel({
      instruments: Array.from({ length: 2 * GROUP_INSTRUMENTS + 1 }, (_, n) =>
        instrument(`w${String(n).padStart(3, "0")}`, {
          inForce: "signature",
          provisions: {
            watch: { due: on("ceasefire"), fulfilledBy: "report by holder" },
          },
        }),
      ),
      events: [
        ...Array.from({ length: 2 * GROUP_INSTRUMENTS + 1 }, (_, n) =>
          event(`s${n}`, "1960-01-01", `sign w${String(n).padStart(3, "0")}`),
        ),
        event("ceasefire", "1961-03-03", "ceasefire"),
      ],
    });
    const groups = replayGroups(withFlood, selectReplayEvents(withFlood, null))!;
    expect(groups.length).toBeGreaterThan(1);
    for (const group of groups) expect(group.events.events.map((e) => e.id)).toContain("ceasefire");
    expect(json(withFlood)).toBe(json(withFlood, { whole: true }));
  });
});
