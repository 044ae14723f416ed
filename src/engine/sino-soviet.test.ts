import { describe, expect, it } from "vitest";
import { formatDay } from "../language/calendar/day.ts";
import { dueBetween, explain, replay, replayToJson, violations } from "./index.ts";
import {
  buildModel,
  dateLimb,
  day,
  event,
  instrument,
  latest,
  notLaterThan,
  on,
} from "./test-model.ts";
import type { Interval } from "./timeline.ts";

function rows(intervals: readonly Interval<string>[] | undefined): string[] {
  return (intervals ?? []).map(
    (i) => `${i.state} ${formatDay(i.from)}..${i.until === null ? "" : formatDay(i.until)}`,
  );
}

/** The 1950 agreement on the Changchun railway, Port Arthur and Dalny, with its two amendments. */
function sinoSoviet(options: { withNotes1952?: boolean } = {}) {
  const peaceByUssr = "conclude-peace by ussr with japan";
  const agreement = instrument("cca-1950", {
    inForce: "exchange",
    inForceSources: ["frus-d157"],
    sources: ["wjpn-1950"],
    provisions: {
      "railway-transfer": {
        holder: ["ussr"],
        counterparty: ["prc"],
        due: notLaterThan(on(peaceByUssr), dateLimb("end of 1952")),
        fulfilledBy: "transfer changchun-railway by ussr to prc",
        sources: ["cca-text"],
      },
      "port-arthur-withdrawal": {
        holder: ["ussr"],
        counterparty: ["prc"],
        due: notLaterThan(on(peaceByUssr), dateLimb("end of 1952")),
        fulfilledBy: "withdraw port-arthur by ussr",
        sources: ["cca-text"],
      },
    },
  });
  const notes = instrument("notes-1952", {
    inForce: "signature",
    amends: [
      {
        provision: "cca-1950.port-arthur-withdrawal",
        from: "1952-09-15",
        changes: {
          due: latest(
            on("conclude-peace by prc with japan"),
            on("conclude-peace by ussr with japan"),
          ),
        },
        sources: ["notes-1952-text"],
      },
    ],
  });
  const communique = instrument("communique-1954", {
    inForce: "signature",
    amends: [
      {
        provision: "cca-1950.port-arthur-withdrawal",
        changes: { due: dateLimb("1955-05-31") },
        sources: ["communique-text"],
      },
    ],
  });
  const events = [
    event("cca-signed", "1950-02-14", "sign cca-1950 by prc, ussr", { sources: ["wjpn-1950"] }),
    event("cca-exchanged", "1950-04-11", "exchange cca-1950 by prc, ussr", {
      sources: ["frus-d157"],
    }),
    event("railway-handover", "1952-12-31", "transfer changchun-railway by ussr to prc", {
      sources: ["harbin-1952"],
    }),
    event("communique-signed", "1954-10-12", "sign communique-1954 by prc, ussr"),
    event("port-arthur-withdrawn-1955", "1955-05-26", "withdraw port-arthur by ussr", {
      sources: ["dalian-1955"],
    }),
  ];
  if (options.withNotes1952 !== false)
    events.push(event("notes-1952-exchanged", "1952-09-15", "sign notes-1952 by prc, ussr"));
  return buildModel({ instruments: [agreement, notes, communique], events });
}

describe("the 1950 Changchun railway and Port Arthur agreement", () => {
  const result = replay(sinoSoviet());

  it("enters into force on the exchange of ratifications", () => {
    expect(rows(result.instruments.get("cca-1950")?.intervals)).toEqual([
      "signed 1950-02-14..1950-04-11",
      "in-force 1950-04-11..",
    ]);
    const inForce = result.instruments.get("cca-1950")!.intervals[1]!;
    expect(inForce.reason.kind).toBe("rule");
    expect(inForce.reason.event).toBe("cca-exchanged");
    expect(inForce.reason.sources).toEqual(["frus-d157"]);
  });

  it("fulfils the railway transfer on 1952-12-31 under the limb 'end of 1952'", () => {
    const intervals = result.provisions.get("cca-1950.railway-transfer")!.intervals;
    expect(rows(intervals)).toEqual([
      "pending 1950-02-14..1950-04-11",
      "in-effect 1950-04-11..1952-12-31",
      "fulfilled 1952-12-31..",
    ]);
    const reason = intervals[2]!.reason;
    expect(reason.summary).toBe(
      "Fulfilled by railway-handover (transfer changchun-railway by ussr to prc) on 1952-12-31; the governing limb was 'end of 1952'",
    );
    expect(reason.limb).toBe("end of 1952");
    expect(reason.event).toBe("railway-handover");
    expect(reason.sources).toEqual(["harbin-1952", "cca-text"]);
  });

  it("moves the Port Arthur deadline twice and finds it met in 1955", () => {
    const intervals = result.provisions.get("cca-1950.port-arthur-withdrawal")!.intervals;
    expect(rows(intervals)).toEqual([
      "pending 1950-02-14..1950-04-11",
      "in-effect 1950-04-11..1952-09-15",
      "in-effect 1952-09-15..1954-10-12",
      "in-effect 1954-10-12..1955-05-26",
      "fulfilled 1955-05-26..",
    ]);
    expect(intervals[2]!.reason.kind).toBe("amendment");
    expect(intervals[2]!.reason.instrument).toBe("notes-1952");
    expect(intervals[2]!.reason.sources).toEqual(["notes-1952-text"]);
    expect(intervals[2]!.reason.summary).toBe(
      "Amended by notes-1952 from 1952-09-15: deadline 'on conclude-peace by ussr with japan but not later than end of 1952' (due 1952-12-31) replaced by 'latest of (on conclude-peace by prc with japan, on conclude-peace by ussr with japan)' (not yet fixed)",
    );
    expect(intervals[3]!.reason.instrument).toBe("communique-1954");
    expect(intervals[3]!.reason.summary).toContain("(due 1955-05-31)");
    expect(intervals[4]!.reason.limb).toBe("1955-05-31");
    expect(violations(result)).toEqual([]);
  });

  it("records every deadline as it stood", () => {
    const records = result.deadlines.map((d) => ({ ...d, due: formatDay(d.due) }));
    expect(records).toEqual([
      {
        provision: "cca-1950.port-arthur-withdrawal",
        due: "1952-12-31",
        limb: "end of 1952",
        outcome: "replaced",
      },
      {
        provision: "cca-1950.railway-transfer",
        due: "1952-12-31",
        limb: "end of 1952",
        outcome: "fulfilled",
      },
      {
        provision: "cca-1950.port-arthur-withdrawal",
        due: "1955-05-31",
        limb: "1955-05-31",
        outcome: "fulfilled",
      },
    ]);
    expect(
      dueBetween(result, day("1955-01-01"), day("1955-12-31")).map((d) => d.provision),
    ).toEqual(["cca-1950.port-arthur-withdrawal"]);
  });

  it("explains the withdrawal back to the entry into force", () => {
    const explanation = explain(result, sinoSoviet(), "port-arthur-withdrawal", day("1955-06-01"))!;
    expect(explanation.id).toBe("cca-1950.port-arthur-withdrawal");
    const texts: string[] = [];
    const walk = (steps: typeof explanation.steps) => {
      for (const s of steps) {
        texts.push(s.text);
        walk(s.because);
      }
    };
    walk(explanation.steps);
    expect(texts[0]).toMatch(
      /^cca-1950.port-arthur-withdrawal fulfilled from 1955-05-26: Fulfilled by/,
    );
    expect(texts.some((t) => t.startsWith("communique-1954 in-force from 1954-10-12"))).toBe(true);
    expect(texts.some((t) => t.startsWith("notes-1952 in-force from 1952-09-15"))).toBe(true);
    expect(texts.some((t) => t.startsWith("cca-1950 in-force from 1950-04-11"))).toBe(true);
  });

  it("without the 1952 notes, the withdrawal is violated from 1953-01-01", () => {
    const without = replay(sinoSoviet({ withNotes1952: false }));
    const intervals = without.provisions.get("cca-1950.port-arthur-withdrawal")!.intervals;
    expect(rows(intervals)).toEqual([
      "pending 1950-02-14..1950-04-11",
      "in-effect 1950-04-11..1953-01-01",
      "violated 1953-01-01..",
    ]);
    expect(intervals[2]!.reason.kind).toBe("deadline");
    expect(intervals[2]!.reason.limb).toBe("end of 1952");
    expect(intervals[2]!.reason.sources).toEqual(["cca-text"]);
  });

  it("gives plain JSON with ISO dates", () => {
    const json = replayToJson(result);
    const transfer = json.provisions.find((p) => p.id === "cca-1950.railway-transfer")!;
    expect(transfer.intervals[2]).toEqual({
      state: "fulfilled",
      from: "1952-12-31",
      until: null,
      reason: {
        kind: "event",
        summary:
          "Fulfilled by railway-handover (transfer changchun-railway by ussr to prc) on 1952-12-31; the governing limb was 'end of 1952'",
        event: "railway-handover",
        limb: "end of 1952",
        sources: ["harbin-1952", "cca-text"],
      },
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
