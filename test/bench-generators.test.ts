import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loanOutcomes } from "../bench/eflint-loan.ts";
import {
  expectedLoanDuties,
  loanDocument,
  loanProvisionId,
} from "../bench/eflint-loan-document.ts";
import { readEflintTrace } from "../bench/eflint-trace.ts";
import {
  membersDocument,
  portModel,
  protocolPath,
  readRecognitions,
  readVotingStream,
  rtecKey,
} from "../bench/rtec-voting.ts";
import { generateCorpus } from "../bench/synthetic-corpus.ts";
import { replay, replayToJson } from "../src/engine/index.ts";
import { compile, formatDay } from "../src/language/index.ts";

/** A copy without source positions (`at`), which the generated objects do not have. */
function withoutPositions(value: unknown): unknown {
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, withoutPositions(v)]));
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "at")
        .map(([key, v]) => [key, withoutPositions(v)]),
    );
  return value;
}

describe("the synthetic corpus", () => {
  const events = 3000;
  const text = generateCorpus({ events, text: true, documentSize: 100_000 });
  const objects = generateCorpus({ events, model: true });
  const compiled = compile(text.documents);

  it("compiles without any diagnostic", () => {
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.model.events).toHaveLength(events);
    expect(text.documents.length).toBeGreaterThan(3);
  });

  it("has exactly the asked number of events, mostly noise, and every kind of provision", () => {
    expect(objects.stats.events).toBe(events);
    expect(objects.stats.noiseEvents / events).toBeGreaterThan(0.5);
    const modalities = new Set([...compiled.model.provisions.values()].map((p) => p.modality));
    expect([...modalities].sort()).toEqual(["duty", "power", "prohibition"]);
    const types = new Set(compiled.model.events.map((e) => e.type));
    for (const type of ["sign", "ratify", "exchange", "pay", "transfer", "withdraw", "denounce"])
      expect(types).toContain(type);
  });

  it("builds as objects the very model the compiler makes of its text", () => {
    expect(withoutPositions(objects.model)).toEqual(withoutPositions(compiled.model));
  });

  it("replays the objects as the compiled text", () => {
    const a = replayToJson(replay(compiled.model));
    const b = replayToJson(replay(objects.model!));
    expect(b).toEqual(a);
    const states = new Set(
      [...replay(objects.model!).provisions.values()].map((t) => t.intervals.at(-1)?.state),
    );
    for (const state of ["fulfilled", "violated", "expired"]) expect(states).toContain(state);
  });

  it("ends every tacit renewal: nothing is in force for ever", () => {
    for (const seed of [3, 11]) {
      const model = generateCorpus({ events: 8000, model: true, seed }).model!;
      const result = replay(model);
      let renewing = 0;
      for (const inst of model.instruments.values()) {
        if (inst.term?.renewal === undefined) continue;
        renewing++;
        const last = result.instruments.get(inst.id)!.intervals.at(-1);
        if (last !== undefined) expect([inst.id, last.state]).not.toEqual([inst.id, "in-force"]);
      }
      expect(renewing).toBeGreaterThan(20);
    }
  });

  it("is the same for the same seed and differs for another", () => {
    const again = generateCorpus({ events: 500, text: true });
    const same = generateCorpus({ events: 500, text: true });
    const other = generateCorpus({ events: 500, text: true, seed: 7 });
    expect(same.documents).toEqual(again.documents);
    expect(other.documents).not.toEqual(again.documents);
  });
});

describe("eFLINT's loan pattern", () => {
  it("compiles without diagnostics", () => {
    expect(compile([{ file: "loan.pacta", text: loanDocument(100) }]).diagnostics).toEqual([]);
  });

  it("fulfils every duty of the paying party and violates every duty of the other", () => {
    const steps = 50;
    const model = compile([{ file: "loan.pacta", text: loanDocument(steps) }]).model;
    const outcomes = loanOutcomes(model, steps);
    const count = (debtor: string, outcome: string) =>
      outcomes.filter((d) => d.debtor === debtor && d.outcome === outcome).length;
    expect(count("USSR", "fulfilled")).toBe(5);
    expect(count("USSR", "violated")).toBe(0);
    expect(count("PRC", "violated")).toBe(5);
    expect(count("PRC", "fulfilled")).toBe(0);
    expect(outcomes).toEqual(expectedLoanDuties(steps));
  });

  it("leaves a duty whose deadline has not passed open, as eFLINT does", () => {
    // After 53 steps the duties created at step 50 (due at 55) are neither paid nor late.
    const model = compile([{ file: "loan.pacta", text: loanDocument(53) }]).model;
    const last = loanOutcomes(model, 53).filter((d) => d.deadline === 55);
    expect(last.map((d) => d.outcome)).toEqual(["fulfilled", "open"]);
    expect(model.provisions.has(loanProvisionId("prc", 55))).toBe(true);
  });

  it("reads an eFLINT scenario into the duties it creates and their outcomes", () => {
    const scenario = [
      "Fact now Identified by Int",
      ".",
      "+now(0).",
      '+repay(debtor("USSR"), creditor("PRC"), deadline(5)).+repay(debtor("PRC"), creditor("USSR"), deadline(5)).',
      "-now(0).+now(1).",
      "-now(1).+now(2).",
      "-now(2).+now(3).",
      'pay(debtor("USSR"), creditor("PRC"), deadline(5)).',
      ...Array.from({ length: 7 }, (_, i) => `-now(${i + 3}).+now(${i + 4}).`),
      '?!repay(debtor("USSR"), creditor("PRC"), deadline(5)).',
      '?repay(debtor("PRC"), creditor("USSR"), deadline(5)).',
    ].join("\n");
    const trace = readEflintTrace(scenario);
    expect(trace.finalNow).toBe(10);
    expect(trace.duties).toEqual([
      { debtor: "PRC", creditor: "USSR", deadline: 5, outcome: "violated" },
      { debtor: "USSR", creditor: "PRC", deadline: 5, outcome: "fulfilled" },
    ]);
    expect(trace.queries.map((q) => q.holds === q.expected)).toEqual([true, true]);
  });
});

describe("RTEC's voting protocol, ported", () => {
  it("declares the protocol, agents, roles and motions without diagnostics", () => {
    const compiled = compile([
      { file: "protocol.pacta", text: readFileSync(protocolPath, "utf8") },
      { file: "members.pacta", text: membersDocument([0, 10, 362], [3]) },
    ]);
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.model.facts.get("chair")?.holds).toEqual([["a0"], ["a10"]]);
  });

  it("names Pacta's facts as RTEC's fluents", () => {
    expect(rtecKey("vote(a5,m3)=aye")).toBe("voted(5,3)=aye");
    expect(rtecKey("close-ballot-permission(a0,m3)=withheld")).toBe("per(close_ballot(0,3))=false");
    expect(rtecKey("declare-carried-obligation(a10,m9)=owed")).toBe(
      "obl(declare(10,9,carried))=true",
    );
    expect(rtecKey("sanctioned(a20)=lifted")).toBe("sanctioned(20)=false");
    expect(rtecKey("chair(a10)")).toBeUndefined();
  });

  it("reads RTEC's recognitions, merging a pair's intervals across windows", () => {
    const intervals = readRecognitions(
      [
        "recognitions(predictions,status,[[3],null],[(1,2),(9,11)]).",
        "recognitions(predictions,status,[[3],null],[(11,14),(19,21)]).",
        "recognitions(predictions,voted,[[1,3],aye],[(7,9)]).",
      ].join("\n"),
    );
    expect(intervals.get("status(3)=null")).toEqual([
      [1, 2],
      [9, 14],
      [19, 21],
    ]);
    expect(intervals.get("voted(1,3)=aye")).toEqual([[7, 9]]);
  });

  it("replays a proposal, a secondment, a vote and a ballot closed by a chair", () => {
    const stream = readVotingStream(
      ["propose|1|1|430|3", "second|3|3|950|3", "vote|4|4|362|3|aye", "close_ballot|7|7|10|3"].join(
        "\n",
      ),
    );
    const facts = replay(portModel(stream)).facts;
    const days = (key: string) =>
      facts
        .get(key)
        ?.intervals.map((i) => [formatDay(i.from), i.until === null ? null : formatDay(i.until)]);
    expect(days("status(m3)=null")).toEqual([
      ["2000-01-01", "2000-01-02"],
      ["2000-01-18", null],
    ]);
    expect(days("status(m3)=proposed")).toEqual([["2000-01-02", "2000-01-04"]]);
    expect(days("status(m3)=voting")).toEqual([["2000-01-04", "2000-01-08"]]);
    expect(days("status(m3)=voted")).toEqual([["2000-01-08", "2000-01-18"]]);
    expect(days("vote(a362,m3)=aye")).toEqual([["2000-01-05", "2000-01-18"]]);
    expect(days("declare-carried-obligation(a10,m3)=owed")).toEqual([["2000-01-08", "2000-01-18"]]);
    // Closing without permission, then leaving the motion undeclared while obliged to declare it.
    expect(days("sanctioned(a10)=imposed")).toEqual([
      ["2000-01-08", "2000-01-12"],
      ["2000-01-18", "2000-01-22"],
    ]);
  });
});
