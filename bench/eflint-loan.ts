/**
 * eFLINT's loan-repayment duty, ported (see eflint-loan-document.ts): the Pacta document for 250,
 * 500, 1000 and 2000 steps, compiled and replayed; the outcome of every duty checked against the
 * pattern, and against eFLINT's own scenarios (b250.eflint, b2000.eflint) when the peers' data is
 * present.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { replay } from "../src/engine/index.ts";
import { compile, type Model } from "../src/language/index.ts";
import {
  expectedLoanDuties,
  type LoanDuty,
  type LoanOutcome,
  loanDocument,
  loanParties,
  loanProvisionId,
  stepDay,
} from "./eflint-loan-document.ts";
import { readEflintTrace } from "./eflint-trace.ts";
import { type BenchOptions, type BenchResult, ms, table, time, verdictBelow } from "./measure.ts";
import { profileIfAsked } from "./profile.ts";
import { replayAndRead } from "./read-replay.ts";

export const eflintSteps = { full: [250, 500, 1000, 2000], quick: [250, 2000] };
/** eFLINT's times on these machines (peers/README.md), in ms. */
export const eflintReportedMs: Readonly<Record<number, number>> = {
  250: 8_000,
  500: 19_000,
  1000: 61_000,
  2000: 231_000,
};
export const eflintTargetMs = 10;

/** The outcome Pacta gives each duty of the loan document after `steps` steps. */
export function loanOutcomes(model: Model, steps: number): LoanDuty[] {
  const result = replay(model, { until: stepDay(steps) });
  const out: LoanDuty[] = [];
  for (const duty of expectedLoanDuties(steps)) {
    const id = loanProvisionId(
      loanParties.find((p) => p.eflint === duty.debtor)!.id,
      duty.deadline,
    );
    const state = result.provisions.get(id)?.intervals.at(-1)?.state;
    const outcome: LoanOutcome =
      state === "fulfilled" ? "fulfilled" : state === "violated" ? "violated" : "open";
    out.push({ ...duty, outcome });
  }
  return out;
}

function tally(duties: readonly LoanDuty[]): string {
  const parts: string[] = [];
  for (const party of loanParties) {
    const mine = duties.filter((d) => d.debtor === party.eflint);
    const f = mine.filter((d) => d.outcome === "fulfilled").length;
    const v = mine.filter((d) => d.outcome === "violated").length;
    const o = mine.length - f - v;
    parts.push(`${party.eflint} ${f} fulfilled/${v} violated${o > 0 ? `/${o} open` : ""}`);
  }
  return parts.join(", ");
}

/** The duties on which two lists disagree, described. */
function differences(actual: readonly LoanDuty[], expected: readonly LoanDuty[]): string[] {
  const key = (d: LoanDuty): string => `${d.debtor}→${d.creditor} due ${d.deadline}`;
  const want = new Map(expected.map((d) => [key(d), d.outcome]));
  const got = new Map(actual.map((d) => [key(d), d.outcome]));
  const out: string[] = [];
  for (const [k, outcome] of want)
    if (got.get(k) !== outcome)
      out.push(`${k}: expected ${outcome}, Pacta ${got.get(k) ?? "missing"}`);
  for (const k of got.keys()) if (!want.has(k)) out.push(`${k}: not in eFLINT's scenario`);
  return out;
}

export async function eflintLoan(options: BenchOptions): Promise<BenchResult> {
  const stepsList = options.quick ? eflintSteps.quick : eflintSteps.full;
  const plan = options.quick ? { warmups: 5, runs: 7 } : { warmups: 20, runs: 21 };
  const rows: string[][] = [
    [
      "steps",
      "duties",
      "compile",
      "replay",
      "best",
      "µs/step",
      "outcomes",
      "pattern",
      "eFLINT (reported)",
      "speed-up",
    ],
  ];
  const figures: Record<string, unknown>[] = [];
  let allMatch = true;
  for (const steps of stepsList) {
    const text = loanDocument(steps);
    const compilation = compile([{ file: `loan-${steps}.pacta`, text }]);
    if (compilation.hasErrors)
      throw new Error(`the loan document for ${steps} steps does not compile`);
    const model = compilation.model;
    const outcomes = loanOutcomes(model, steps);
    const mismatches = differences(outcomes, expectedLoanDuties(steps));
    if (mismatches.length > 0) allMatch = false;
    const compileTiming = time(() => compile([{ file: `loan-${steps}.pacta`, text }]), plan);
    const replayTiming = time(() => replayAndRead(model, { until: stepDay(steps) }), plan);
    const reported = eflintReportedMs[steps];
    rows.push([
      String(steps),
      String(outcomes.length),
      ms(compileTiming.median),
      ms(replayTiming.median),
      ms(replayTiming.min),
      ((replayTiming.median * 1000) / steps).toFixed(2),
      tally(outcomes),
      mismatches.length === 0 ? "match" : `${mismatches.length} differ`,
      reported === undefined ? "" : ms(reported),
      reported === undefined
        ? ""
        : `${Math.round(reported / (compileTiming.median + replayTiming.median)).toLocaleString("en-US")}×`,
    ]);
    for (const m of mismatches.slice(0, 5)) options.log(`  mismatch at ${steps} steps: ${m}`);
    figures.push({
      steps,
      duties: outcomes.length,
      bytes: text.length,
      compileMs: compileTiming.median,
      replayMs: replayTiming.median,
      replayBestMs: replayTiming.min,
      outcomes: tally(outcomes),
      matchesPattern: mismatches.length === 0,
      eflintReportedMs: reported ?? null,
    });
  }
  for (const line of table(rows)) options.log(`  ${line}`);
  const last = figures[figures.length - 1]!;
  const first = figures[0]!;
  const perStepRatio =
    Number(last["replayMs"]) /
    Number(last["steps"]) /
    (Number(first["replayMs"]) / Number(first["steps"]));
  options.log(
    `Replay at ${String(last["steps"])} steps: ${ms(Number(last["replayMs"]))} (target < ${eflintTargetMs} ms: ${verdictBelow(Number(last["replayMs"]), eflintTargetMs)}); per-step cost at ${String(last["steps"])} vs ${String(first["steps"])} steps: ${perStepRatio.toFixed(2)}× (1 = linear). Speed-up: eFLINT's time over Pacta's compile + replay.`,
  );
  options.log(
    `Outcomes against the pattern (USSR pays every duty, PRC's are all violated): ${allMatch ? "all match" : "MISMATCH, see above"}`,
  );

  const largest = stepsList[stepsList.length - 1]!;
  const largestModel = compile([{ file: "loan.pacta", text: loanDocument(largest) }]).model;
  const hot = await profileIfAsked(
    options,
    "eflint-loan",
    `100 replays at ${largest} steps`,
    () => {
      for (let i = 0; i < 100; i++) replay(largestModel, { until: stepDay(largest) });
    },
  );

  // eFLINT's own scenarios, when the peers' data is here.
  const dir = join(options.peersDir, "eflint-loan");
  const peerChecks: Record<string, unknown>[] = [];
  if (!existsSync(dir))
    options.log(`eFLINT's scenarios: skipped, ${dir} is absent (set PACTA_PEERS_DIR)`);
  else
    for (const name of ["b250.eflint", "b2000.eflint"]) {
      const path = join(dir, name);
      if (!existsSync(path)) {
        options.log(`eFLINT's ${name}: skipped, not in ${dir}`);
        continue;
      }
      const trace = readEflintTrace(readFileSync(path, "utf8"));
      const steps = trace.finalNow;
      const model = compile([{ file: `loan-${steps}.pacta`, text: loanDocument(steps) }]).model;
      const outcomes = loanOutcomes(model, steps);
      const mismatches = differences(outcomes, trace.duties);
      const queriesOk = trace.queries.every((q) => q.holds === q.expected);
      options.log(
        `eFLINT's ${name}: ${steps} steps, ${trace.duties.length} duties (${tally(trace.duties)}); Pacta ${mismatches.length === 0 ? "matches every duty" : `differs on ${mismatches.length}`}; the scenario's ${trace.queries.length} closing queries ${queriesOk ? "agree with the derived state" : "DISAGREE with the derived state"}`,
      );
      for (const m of mismatches.slice(0, 5)) options.log(`  ${m}`);
      peerChecks.push({
        file: name,
        steps,
        duties: trace.duties.length,
        mismatches: mismatches.length,
        queriesAgree: queriesOk,
      });
    }
  return {
    name: "eflint",
    figures: {
      ...(hot === null ? {} : { profile: hot }),
      sizes: figures,
      perStepRatio,
      allMatchPattern: allMatch,
      peerChecks,
      targetMs: eflintTargetMs,
    },
  };
}
