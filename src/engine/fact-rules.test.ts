import { describe, expect, it } from "vitest";
import { formatDay } from "../language/calendar/day.ts";
import { compile } from "../language/compile.ts";
import { explain, replay, replayToJson } from "./index.ts";

/**
 * Facts with rules, on small meetings: a motion `m`, agents `a`, `b` and a chair `c`. Day N of
 * January 2000 is written `N` in the expectations.
 */
const members = `
asset m "A motion"
asset n "Another motion"
party a "Agent a"
party b "Agent b"
party c "Agent c"
fact chair(p) "Chairs the meeting" { holds c }
`;

function run(rules: string, events: readonly string[]) {
  const text = `${members}\n${rules}\n${events.map((e, i) => `event e${i + 1} 2000-01-${e}`).join("\n")}\n`;
  const compiled = compile([{ file: "t.pacta", text }]);
  expect(compiled.diagnostics.map((d) => `${d.code} ${d.at.line}: ${d.message}`)).toEqual([]);
  return { model: compiled.model, result: replay(compiled.model) };
}

/** A fact instance's intervals as `from..until` in days of January 2000 (`..` when open). */
function days(result: ReturnType<typeof replay>, key: string): string[] {
  return (result.facts.get(key)?.intervals ?? []).map(
    (i) =>
      `${Number(formatDay(i.from).slice(8))}..${i.until === null ? "" : Number(formatDay(i.until).slice(8))}`,
  );
}

const status = `
fact status(m) "The stage of the motion" {
  values null, proposed, voting
  initially null
  becomes proposed on propose ?m when status(?m) = null
  becomes voting on second ?m when status(?m) = proposed
  becomes null 5 days after proposed
  becomes null on withdraw ?m
}
`;

describe("facts with values", () => {
  it("hold their initial value from the first day until something changes it", () => {
    const { result } = run(status, ["01 start m by a", "03 propose m by a"]);
    expect(days(result, "status(m)=null")).toEqual(["1..3", "8.."]);
    expect(days(result, "status(m)=proposed")).toEqual(["3..8"]);
  });

  it("start a value only while the condition holds, as the day began", () => {
    // The second comes before the proposal: status is null, so it starts nothing. A second on
    // the day of the proposal still sees null: one day's events all see the day's first state.
    const { result } = run(status, [
      "02 second m by b",
      "03 propose m by a",
      "03 second m by b",
      "04 second m by b",
    ]);
    expect(days(result, "status(m)=proposed")).toEqual(["3..4"]);
    expect(days(result, "status(m)=voting")).toEqual(["4.."]);
  });

  it("change when a value has held for a time, unless it changed before", () => {
    const { result } = run(status, [
      "01 start m by a",
      "02 propose m by a",
      "10 propose m by a",
      "11 second m by b",
    ]);
    // Proposed on the 2nd, null 5 days later; proposed again on the 10th, then voting.
    expect(days(result, "status(m)=proposed")).toEqual(["2..7", "10..11"]);
    expect(days(result, "status(m)=null")).toEqual(["1..2", "7..10"]);
    expect(days(result, "status(m)=voting")).toEqual(["11.."]);
  });

  it("hold no value after two values start on one day, or a value starts and ends", () => {
    const { result } = run(status, ["01 start m by a", "02 propose m by a", "02 withdraw m by a"]);
    expect(days(result, "status(m)=proposed")).toEqual([]);
    // The proposal's timer still runs from the day it was made (as RTEC counts a deadline from
    // every initiation): nothing changed the status since, so it turns null 5 days later.
    expect(days(result, "status(m)=null")).toEqual(["1..2", "7.."]);
    const vote = `fact vote(v, m) {
  values aye, nay
  becomes aye on vote-aye ?m by ?v
  becomes nay on vote-nay ?m by ?v
}`;
    const votes = run(vote, ["02 vote-aye m by a", "03 vote-aye m by a", "03 vote-nay m by a"]);
    expect(days(votes.result, "vote(a,m)=aye")).toEqual(["2..3"]);
    expect(days(votes.result, "vote(a,m)=nay")).toEqual([]);
  });

  it("are keyed by value and explained by the rule that set them", () => {
    const { result, model } = run(status, ["01 start m by a", "03 propose m by a"]);
    const interval = result.facts.get("status(m)=proposed")?.intervals[0];
    expect(interval?.reason.event).toBe("e2");
    expect(interval?.reason.summary).toContain(
      "becomes proposed on propose ?m when status(?m) = null",
    );
    const explanation = explain(result, model, "status(m)=proposed", interval!.from);
    expect(explanation?.steps[0]?.text).toContain("propose m by a");
  });
});

describe("facts without values, with rules", () => {
  const sanction = `
fact sanctioned(p) "The agent is sanctioned" {
  kind sanction
  starts close-ballot ?m by ?p where chair(?p)
  lasts 4 days
}
`;

  it("last a time counted from when they began to hold, not from a later start", () => {
    const { result, model } = run(sanction, [
      "02 close-ballot m by c",
      "04 close-ballot m by c",
      "20 close-ballot m by c",
    ]);
    expect(days(result, "sanctioned(c)")).toEqual(["2..6", "20..24"]);
    expect(model.facts.get("sanctioned")?.normative).toBe("sanction");
  });

  it("start only for the members of a group a pattern names", () => {
    const { result } = run(sanction, ["02 close-ballot m by a"]);
    expect(result.facts.has("sanctioned(a)")).toBe(false);
  });
});

describe("rules set off by other facts", () => {
  const protocol = `${status}
fact permitted(p, m) "The chair may close the ballot" {
  kind permission
  starts start of status(?m) = voting where chair(?p)
  ends end of status(?m) = voting
}
fact obliged(p, m) "The chair must report the motion" {
  kind obligation
  starts end of status(?m) = voting where chair(?p) when status(?m) = voting
}
`;

  it("start with the start of another fact on the same day, for every member of a group", () => {
    const { result } = run(protocol, [
      "01 start m by a",
      "02 propose m by a",
      "03 second m by b",
      "05 withdraw m by a",
    ]);
    expect(days(result, "permitted(c,m)")).toEqual(["3..5"]);
    // The condition reads the day's first state: status was still voting on the 5th.
    expect(days(result, "obliged(c,m)")).toEqual(["5.."]);
    const reason = result.facts.get("permitted(c,m)")?.intervals[0]?.reason;
    expect(reason?.because).toEqual([
      {
        kind: "fact",
        id: "status(m)=voting",
        day: result.facts.get("status(m)=voting")!.intervals[0]!.from,
      },
    ]);
  });

  it("range over a group only when the rule leaves a parameter unbound", () => {
    const { result } = run(protocol, ["01 start m by a", "02 propose n by a", "03 second n by b"]);
    expect([...result.facts.keys()].filter((k) => k.startsWith("permitted"))).toEqual([
      "permitted(c,n)",
    ]);
  });
});

describe("counts and same-day events", () => {
  const ballot = `
fact vote(v, m) {
  values aye, nay
  becomes aye on vote-aye ?m by ?v
  becomes nay on vote-nay ?m by ?v
}
fact carried(m) "The ayes have it" {
  starts close-ballot ?m when count ?v: vote(?v, ?m) = aye more than count ?v: vote(?v, ?m) = nay
}
fact reprimanded(p) {
  starts close-ballot ?m by ?p unless report ?m by ?p
}
`;

  it("count the instances holding as the day began", () => {
    const tie = run(ballot, ["02 vote-aye m by a", "02 vote-nay m by b", "03 close-ballot m by c"]);
    expect(tie.result.facts.has("carried(m)")).toBe(false);
    const ayes = run(ballot, [
      "02 vote-aye m by a",
      "02 vote-nay m by b",
      "03 vote-aye m by b",
      "04 close-ballot m by c",
    ]);
    expect(days(ayes.result, "carried(m)")).toEqual(["4.."]);
    // A vote on the day of the close does not count yet.
    const late = run(ballot, [
      "02 vote-nay m by b",
      "03 vote-aye m by a",
      "03 close-ballot m by c",
    ]);
    expect(late.result.facts.has("carried(m)")).toBe(false);
  });

  it("read a fact that events start as it stands when the rule's event comes", () => {
    // `open` changes with each event, not once a day: the second `second` of day 3 sees it open,
    // though the first did not.
    const rules = `
fact open(m) "The motion is open" { starts open ?m }
fact seconded(m) "The motion was seconded while open" { starts second ?m when open(?m) }
`;
    const { result } = run(rules, [
      "02 second m by a",
      "03 second m by a",
      "03 open m by a",
      "03 second m by b",
    ]);
    expect(days(result, "open(m)")).toEqual(["3.."]);
    expect(days(result, "seconded(m)")).toEqual(["3.."]);
  });

  it("do not start a fact when an `unless` event happens the same day, earlier or later", () => {
    const { result } = run(ballot, [
      "02 close-ballot m by c",
      "02 report m by c",
      "03 close-ballot n by c",
      "04 report m by c",
    ]);
    expect(days(result, "reprimanded(c)")).toEqual(["3.."]);
  });
});

describe("replays that do not use rules", () => {
  it("give the same JSON whether or not a document also declares facts with rules", () => {
    const plain = `${members}
fact at-war(a, b) { starts attack by ?b to ?a }
event e1 2000-01-02 attack by a to b
`;
    const a = compile([{ file: "t.pacta", text: plain }]);
    const b = compile([{ file: "t.pacta", text: `${plain}\n${status}` }]);
    const plainJson = replayToJson(replay(a.model));
    const withRules = replayToJson(replay(b.model));
    expect(withRules.instruments).toEqual(plainJson.instruments);
    expect(JSON.stringify(withRules.facts)).toContain(JSON.stringify(plainJson.facts).slice(1, -1));
  });
});

describe("facts with rules and the rest of the replay", () => {
  it("end every instance when an `ends` rule binds no parameter", () => {
    const presence = `
fact present(p) "In the room" {
  starts arrive by ?p unless adjourn
  ends adjourn
}
`;
    const { result } = run(presence, [
      "02 arrive by a",
      "03 arrive by b",
      "04 adjourn by c",
      "05 arrive by c",
      "05 adjourn by a",
    ]);
    expect(days(result, "present(a)")).toEqual(["2..4"]);
    expect(days(result, "present(b)")).toEqual(["3..4"]);
    expect(result.facts.has("present(c)")).toBe(false);
  });

  it("put provisions in effect and derived facts in place once the day is settled", () => {
    const treaty = `${status}
fact open-for-votes(m) = status(m) = voting
instrument t "A treaty" {
  kind treaty
  parties a, b
  in-force on signature
  duty tally "Tally the votes" {
    holder a
    counterparty b
    act count
    when open-for-votes(m)
  }
}
`;
    const { result } = run(treaty, [
      "01 sign t by a, b",
      "02 propose m by a",
      "03 second m by b",
      "05 withdraw m by a",
    ]);
    const states = (result.provisions.get("t.tally")?.intervals ?? []).map(
      (i) => `${i.state} ${Number(formatDay(i.from).slice(8))}`,
    );
    expect(states).toEqual(["pending 1", "in-effect 3", "pending 5"]);
    expect(days(result, "open-for-votes(m)")).toEqual(["3..5"]);
  });
});

describe("provision conditions over a value", () => {
  it("follow a change that only the value names", () => {
    const treaty = `${status}
instrument t "A treaty" {
  kind treaty
  parties a, b
  in-force on signature
  duty tally "Tally the votes" {
    holder a
    counterparty b
    act count
    when any ?x: status(?x) = voting
  }
}
`;
    const { result } = run(treaty, ["01 sign t by a, b", "02 propose m by a", "03 second m by b"]);
    const states = (result.provisions.get("t.tally")?.intervals ?? []).map(
      (i) => `${i.state} ${Number(formatDay(i.from).slice(8))}`,
    );
    expect(states).toEqual(["pending 1", "in-effect 3"]);
  });
});

describe("explanations of facts with rules", () => {
  it("follow a start or an end to the value that set it off", () => {
    const protocol = `${status}
fact obliged(p, m) "The chair must report the motion" {
  kind obligation
  starts end of status(?m) = voting where chair(?p)
}
`;
    const { result, model } = run(protocol, [
      "01 start m by a",
      "02 propose m by a",
      "03 second m by b",
      "05 withdraw m by a",
    ]);
    const interval = result.facts.get("obliged(c,m)")?.intervals[0];
    const explanation = explain(result, model, "obliged(c,m)", interval!.from);
    const cause = explanation?.steps[0]?.because[0];
    expect(cause?.id).toBe("status(m)=voting");
    expect(cause?.state).toBe("holds");
  });
});

describe("replays up to a day", () => {
  it("settle the last day and run the timers due by then, and no later", () => {
    const { model } = run(status, ["01 start m by a", "02 propose m by a", "20 propose m by b"]);
    const early = replay(model, { until: model.events[0]!.date.first + 5 });
    expect(days(early, "status(m)=proposed")).toEqual(["2.."]);
    const later = replay(model, { until: model.events[0]!.date.first + 7 });
    expect(days(later, "status(m)=proposed")).toEqual(["2..7"]);
    expect(days(later, "status(m)=null")).toEqual(["1..2", "7.."]);
  });
});

describe("facts without parameters", () => {
  it("start and end by rules like any other", () => {
    const session = `
fact in-session "The meeting is in session" {
  starts open-meeting by ?c where chair(?c)
  ends close-meeting
  lasts 3 days
}
`;
    const { result } = run(session, [
      "02 open-meeting by c",
      "03 open-meeting by c",
      "10 open-meeting by a",
      "12 open-meeting by c",
      "13 close-meeting by a",
    ]);
    expect(days(result, "in-session()")).toEqual(["2..5", "12..13"]);
  });

  it("carries a change set off for a stratum already settled (rules in a circle, PCT116) to the next settlement", () => {
    const text = `${members}
fact ping(m) "Ping" {
  starts propose ?m
  starts start of pong(?m)
  lasts 2 days
}
fact pong(m) "Pong" {
  starts start of ping(?m)
  lasts 3 days
}
event e1 2000-01-01 propose m by a
event e2 2000-01-09 propose m by a
`;
    const compiled = compile([{ file: "t.pacta", text }]);
    expect(compiled.diagnostics.map((d) => d.code)).toEqual(["PCT116"]);
    const result = replay(compiled.model);
    expect(days(result, "ping(m)")).toEqual(["1..3", "9..11"]);
    expect(days(result, "pong(m)")).toEqual(["3..6", "11..14"]);
  });
});
