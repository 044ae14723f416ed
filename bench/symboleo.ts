/**
 * Symboleo-JS-Core's sample contracts, side by side with Pacta (docs/benchmarks.md §7). For each
 * sample (bench/symboleo-*.ts): hand-written scenarios and a generated one are run through
 * symboleo-js-core (an exact-version devDependency, in this process) and through Pacta's replay
 * of the same contract as a Pacta document; their transitions are compared one by one through a
 * mapping of Symboleo's state names to Pacta's, and every mismatch is listed with its reason. Then
 * both are timed on generated event sequences of several sizes.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { replay } from "../src/engine/index.ts";
import { compile, formatDay, type Model } from "../src/language/index.ts";
import { type BenchOptions, type BenchResult, count, median, ms, table, time } from "./measure.ts";
import { profileIfAsked } from "./profile.ts";
import { replayAndRead } from "./read-replay.ts";
import { type Comparison, compareTransitions, reasonsTally } from "./symboleo-compare.ts";
import { dataProcessing } from "./symboleo-data-processing.ts";
import { driveSymboleo } from "./symboleo-driver.ts";
import { meatSale } from "./symboleo-meat-sale.ts";
import type { Core, Mismatch, Scenario, SymboleoSample } from "./symboleo-sample.ts";
import { transactiveEnergy } from "./symboleo-transactive-energy.ts";
import { pactaTransitions } from "./symboleo-transitions.ts";

export const symboleoSizes = { full: [1_000, 10_000, 50_000], quick: [1_000, 10_000] };
/** The size of the generated scenario whose transitions are compared in full. */
export const comparedSize = { full: 10_000, quick: 1_000 };
/** The seed of the generated scenarios (bench/replay-alloc.ts replays them with it too). */
export const symboleoSeed = 0x5eb01e0;

/** symboleo-js-core, or null when it is not installed. */
export async function loadSymboleo(): Promise<Core | null> {
  try {
    return await import("symboleo-js-core");
  } catch (error) {
    if ((error as { code?: unknown }).code === "ERR_MODULE_NOT_FOUND") return null;
    throw error;
  }
}

/** The Pacta model of a scenario (throws if the generated documents do not compile). */
export function scenarioModel<T, A extends string>(
  sample: SymboleoSample<T, A>,
  scenario: Scenario<T, A>,
): Model {
  const compilation = compile(sample.pactaDocuments(scenario));
  if (compilation.hasErrors) {
    const first = compilation.diagnostics.find((d) => d.severity === "error");
    throw new Error(
      `the Pacta documents of ${sample.name}/${scenario.name} do not compile: ${first?.code} ${first?.message}`,
    );
  }
  return compilation.model;
}

/** Runs one scenario through both and compares their transitions. */
export function compareScenario<T, A extends string>(
  core: Core,
  sample: SymboleoSample<T, A>,
  scenario: Scenario<T, A>,
  model: Model = scenarioModel(sample, scenario),
): Comparison {
  const trace = driveSymboleo(core, sample, scenario, true);
  const subjects = scenario.contracts.flatMap((terms, index) => sample.subjects(terms, index));
  return compareTransitions(sample, scenario, trace, pactaTransitions(replay(model), subjects));
}

function comparisonFigures(c: Comparison): Record<string, unknown> {
  return {
    symboleoTransitions: c.symboleoTransitions,
    pactaTransitions: c.pactaTransitions,
    matches: c.matches,
    mismatches: c.mismatches.length,
    reasons: Object.fromEntries(reasonsTally(c.mismatches)),
  };
}

/** One mismatch as a line of the report. */
function describeMismatch(scenario: string, m: Mismatch): string {
  const own = m.symboleoState !== undefined && m.symboleoState !== m.state;
  return `${scenario}: ${m.side === "symboleo" ? "only Symboleo" : "only Pacta"}: ${m.subject} ${m.state}${own ? ` (${m.symboleoState})` : ""} on ${formatDay(m.day)}: ${m.reason}`;
}

interface SampleSettings {
  readonly sizes: readonly number[];
  readonly compared: number;
  readonly plan: { warmups: number; runs: number; minRuns: number; budgetMs: number };
}

/** One sample: its scenarios compared, the generated one compared, and both timed. */
export async function benchSample<T, A extends string>(
  core: Core,
  sample: SymboleoSample<T, A>,
  options: BenchOptions,
  { sizes, compared, plan }: SampleSettings,
): Promise<Record<string, unknown>> {
  options.log("");
  options.log(`-- ${sample.title}`);
  const scenarioRows: string[][] = [
    ["scenario", "events", "Symboleo", "Pacta", "match", "mismatch", "course"],
  ];
  const scenarioFigures: Record<string, unknown>[] = [];
  const details: string[] = [];
  for (const scenario of sample.scenarios()) {
    const c = compareScenario(core, sample, scenario);
    scenarioRows.push([
      scenario.name,
      String(scenario.events.length),
      String(c.symboleoTransitions),
      String(c.pactaTransitions),
      String(c.matches),
      String(c.mismatches.length),
      scenario.description,
    ]);
    for (const m of c.mismatches) details.push(describeMismatch(scenario.name, m));
    scenarioFigures.push({
      scenario: scenario.name,
      events: scenario.events.length,
      ...comparisonFigures(c),
    });
  }
  options.log("Transitions (subject, state, day) of the hand-written scenarios:");
  for (const line of table(scenarioRows)) options.log(`  ${line}`);
  options.log("Every mismatch, with its reason:");
  for (const line of details) options.log(`  ${line}`);

  // The generated scenario, compared in full.
  const generated = sample.generate(compared, symboleoSeed);
  const c = compareScenario(core, sample, generated);
  const share = (100 * c.matches) / Math.max(1, c.symboleoTransitions);
  options.log(
    `Generated scenario (${count(generated.events.length)} events, ${count(generated.contracts.length)} contracts): Symboleo ${count(c.symboleoTransitions)} transitions, Pacta ${count(c.pactaTransitions)}, ${count(c.matches)} match (${share.toFixed(1)}% of Symboleo's); ${count(c.mismatches.length)} mismatches, by reason:`,
  );
  for (const [reason, n] of reasonsTally(c.mismatches))
    options.log(`  ${String(n).padStart(6)}  ${reason}`);
  const listFile = `symboleo-${sample.name}-mismatches.txt`;
  writeFileSync(
    join(options.resultsDir, listFile),
    c.mismatches.map((m) => `${describeMismatch(generated.name, m)}\n`).join(""),
  );
  options.log(`Every one of them, with its reason: bench/results/${listFile}`);

  // Speed.
  const speedRows: string[][] = [
    [
      "events",
      "contracts",
      "compile",
      "Pacta replay",
      "Pacta events/s",
      "µs/event",
      "µs/contract",
      "Symboleo run",
      "Symboleo events/s",
      "µs/event",
      "µs/contract",
      "Pacta ÷ Symboleo",
    ],
  ];
  const speed: Record<string, unknown>[] = [];
  let largest: Model | undefined;
  for (const size of sizes) {
    options.progress(`${sample.name}: ${count(size)} events`);
    const scenario = sample.generate(size, symboleoSeed);
    const events = scenario.events.length;
    const compileStart = performance.now();
    const model = scenarioModel(sample, scenario);
    const compileMs = performance.now() - compileStart;
    largest = model;
    // Alternate the two, sample by sample, so that a burst of load hits both alike.
    const pactaRuns: number[] = [];
    const symboleoRuns: number[] = [];
    const rounds = plan.runs;
    for (let round = 0; round < rounds; round++) {
      const p = time(() => replayAndRead(model), {
        warmups: round === 0 ? plan.warmups : 0,
        runs: 1,
      });
      const s = time(() => driveSymboleo(core, sample, scenario, false), {
        warmups: round === 0 ? plan.warmups : 0,
        runs: 1,
      });
      pactaRuns.push(...p.runs);
      symboleoRuns.push(...s.runs);
      const spent = pactaRuns.reduce((a, b) => a + b, 0) + symboleoRuns.reduce((a, b) => a + b, 0);
      if (round + 1 >= plan.minRuns && spent > plan.budgetMs) break;
    }
    const pactaMs = median(pactaRuns);
    const symboleoMs = median(symboleoRuns);
    speedRows.push([
      count(events),
      count(scenario.contracts.length),
      ms(compileMs),
      ms(pactaMs),
      count((events / pactaMs) * 1000),
      ((pactaMs * 1000) / events).toFixed(2),
      ((pactaMs * 1000) / scenario.contracts.length).toFixed(1),
      ms(symboleoMs),
      count((events / symboleoMs) * 1000),
      ((symboleoMs * 1000) / events).toFixed(2),
      ((symboleoMs * 1000) / scenario.contracts.length).toFixed(1),
      `${(pactaMs / symboleoMs).toFixed(2)}×`,
    ]);
    speed.push({
      events,
      contracts: scenario.contracts.length,
      compileMs,
      pactaMs,
      pactaBestMs: Math.min(...pactaRuns),
      symboleoMs,
      symboleoBestMs: Math.min(...symboleoRuns),
      samples: pactaRuns.length,
    });
  }
  options.log(
    "Speed (median of alternating samples; Pacta's replay from the compiled model, Symboleo's run from creating the contracts; the last column is Pacta's time over Symboleo's):",
  );
  for (const line of table(speedRows)) options.log(`  ${line}`);
  const profiled = largest;
  const hot =
    profiled === undefined
      ? null
      : await profileIfAsked(
          options,
          `symboleo-${sample.name}`,
          `10 of Pacta's replays of the largest generated ${sample.name} scenario`,
          () => {
            for (let i = 0; i < 10; i++) replay(profiled);
          },
        );
  return {
    ...(hot === null ? {} : { profile: hot }),
    scenarios: scenarioFigures,
    generated: { events: generated.events.length, ...comparisonFigures(c) },
    speed,
  };
}

export async function symboleoBench(options: BenchOptions): Promise<BenchResult> {
  const core = await loadSymboleo();
  if (core === null) {
    options.log(
      "Skipped: symboleo-js-core is not installed (it is a devDependency: run `npm ci` or `npm install`)",
    );
    return { name: "symboleo", figures: { skipped: "symboleo-js-core is not installed" } };
  }
  const sizes = options.quick ? symboleoSizes.quick : symboleoSizes.full;
  const compared = options.quick ? comparedSize.quick : comparedSize.full;
  const plan = options.quick
    ? { warmups: 1, runs: 5, minRuns: 3, budgetMs: 5_000 }
    : { warmups: 2, runs: 9, minRuns: 5, budgetMs: 20_000 };
  const settings: SampleSettings = { sizes, compared, plan };
  return {
    name: "symboleo",
    figures: {
      [meatSale.name]: await benchSample(core, meatSale, options, settings),
      [transactiveEnergy.name]: await benchSample(core, transactiveEnergy, options, settings),
      [dataProcessing.name]: await benchSample(core, dataProcessing, options, settings),
    },
  };
}
