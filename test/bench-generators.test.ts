import { describe, expect, it } from "vitest";
import { loanOutcomes } from "../bench/eflint-loan.ts";
import {
  expectedLoanDuties,
  loanDocument,
  loanProvisionId,
} from "../bench/eflint-loan-document.ts";
import { readEflintTrace } from "../bench/eflint-trace.ts";
import { portHeader, portModel, readRecognitions, readVotingStream } from "../bench/rtec-voting.ts";
import { generateCorpus } from "../bench/synthetic-corpus.ts";
import { replay, replayToJson } from "../src/engine/index.ts";
import { compile } from "../src/language/index.ts";

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
  it("declares agents, motions and facts without diagnostics", () => {
    const text = portHeader([0, 10, 362]);
    expect(compile([{ file: "voting.pacta", text }]).diagnostics).toEqual([]);
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

  it("replays a proposal, a secondment and a vote into facts", () => {
    const stream = readVotingStream(
      ["propose|1|1|430|3", "second|3|3|950|3", "vote|4|4|362|3|aye", "close_ballot|7|7|10|3"].join(
        "\n",
      ),
    );
    const facts = replay(portModel(stream)).facts;
    expect([...facts.keys()].sort()).toEqual([
      "proposed(m3)",
      "voted(m3)",
      "voted-aye(a362,m3)",
      "voting(m3)",
    ]);
  });
});
