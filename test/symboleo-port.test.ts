// Symboleo-JS-Core's sample contracts (a devDependency) and their Pacta ports agree, through the
// state mapping, on every transition except the differences the comparison names.
import * as core from "symboleo-js-core";
import { describe, expect, it } from "vitest";
import { compareScenario } from "../bench/symboleo.ts";
import { compareTransitions, neverCreated } from "../bench/symboleo-compare.ts";
import { dataProcessing, processingScenarios } from "../bench/symboleo-data-processing.ts";
import { driveSymboleo } from "../bench/symboleo-driver.ts";
import { meatSale, meatSaleIds, meatSaleScenarios } from "../bench/symboleo-meat-sale.ts";
import { mapState } from "../bench/symboleo-state-mapping.ts";
import { energyScenarios, transactiveEnergy } from "../bench/symboleo-transactive-energy.ts";
import { compile, dayFromCivil } from "../src/language/index.ts";

const scenario = <S extends { readonly name: string }>(list: readonly S[], name: string): S => {
  const found = list.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no scenario ${name}`);
  return found;
};

describe("Symboleo's meat sale, side by side", () => {
  it("agrees on every transition of a late payment", () => {
    const late = scenario(meatSaleScenarios, "late-payment");
    const c = compareScenario(core, meatSale, late);
    expect(c.mismatches).toEqual([]);
    expect(c.matches).toBe(c.symboleoTransitions);
    expect(c.matches).toBe(c.pactaTransitions);
    // The payment is violated the day after its due day on both sides, and the late payment starts then.
    const trace = driveSymboleo(core, meatSale, late, true);
    const ids = meatSaleIds(0);
    expect(trace.transitions.filter((t) => t.subject === ids.payment)).toEqual([
      { subject: ids.payment, state: "Active.InEffect", day: dayFromCivil(2024, 1, 1) },
      { subject: ids.payment, state: "Violation", day: dayFromCivil(2024, 1, 21) },
    ]);
    expect(trace.transitions.filter((t) => t.subject === ids.latePayment).at(-1)).toEqual({
      subject: ids.latePayment,
      state: "Fulfillment",
      day: dayFromCivil(2024, 1, 25),
    });
  });

  it("differs on a contract performed only by Symboleo's successful termination", () => {
    const c = compareScenario(core, meatSale, scenario(meatSaleScenarios, "on-time"));
    expect(c.mismatches).toHaveLength(1);
    expect(c.mismatches[0]).toMatchObject({
      side: "symboleo",
      subject: "meat-sale-0",
      state: "SuccessfulTermination",
      day: dayFromCivil(2024, 1, 15),
    });
    expect(c.mismatches[0]!.reason).toMatch(/do not end when their duties are performed/);
  });

  it("names the reason of each difference in a termination", () => {
    const c = compareScenario(
      core,
      meatSale,
      scenario(meatSaleScenarios, "late-delivery-terminated"),
    );
    const reasons = new Set(c.mismatches.map((m) => m.reason));
    expect(reasons).toEqual(new Set([neverCreated]));
    // The buyer's power to terminate is fulfilled by the termination on both sides.
    expect(c.mismatches.some((m) => m.subject.endsWith(".terminate-contract"))).toBe(false);
    // Both end the contract on the day the buyer terminates it.
    expect(c.mismatches.some((m) => m.subject === "meat-sale-0")).toBe(false);
  });

  it("explains every mismatch of a generated scenario, and its documents compile cleanly", () => {
    const generated = meatSale.generate(400, 7);
    const compilation = compile(meatSale.pactaDocuments(generated));
    expect(compilation.diagnostics).toEqual([]);
    const c = compareScenario(core, meatSale, generated, compilation.model);
    expect(c.matches).toBeGreaterThan(0.8 * c.symboleoTransitions);
    expect(c.mismatches.filter((m) => m.reason === "unexplained")).toEqual([]);
  });
});

describe("Symboleo's transactive energy agreement, side by side", () => {
  it("agrees on a supply paid on time but for the successful termination", () => {
    const c = compareScenario(core, transactiveEnergy, scenario(energyScenarios, "supplied-paid"));
    expect(c.mismatches.map((m) => [m.subject, m.state])).toEqual([
      ["energy-0", "SuccessfulTermination"],
    ]);
    expect(c.matches).toBe(c.pactaTransitions);
  });

  it("explains every mismatch of a generated scenario", () => {
    const c = compareScenario(core, transactiveEnergy, transactiveEnergy.generate(400, 11));
    expect(c.mismatches.filter((m) => m.reason === "unexplained")).toEqual([]);
  });
});

describe("Symboleo's data processing agreement, side by side", () => {
  it("agrees on every transition of a breach, suspension, termination of the request and resumption", () => {
    const c = compareScenario(
      core,
      dataProcessing,
      scenario(processingScenarios, "suspended-resumed"),
    );
    expect(c.mismatches).toEqual([]);
    expect(c.matches).toBe(c.pactaTransitions);
  });

  it("names the two events Symboleo needs to end the service where Pacta takes one", () => {
    const c = compareScenario(
      core,
      dataProcessing,
      scenario(processingScenarios, "ended-provider-first"),
    );
    const service = c.mismatches.filter(
      (m) => m.subject === "processing-0-service.provide-service",
    );
    expect(service.map((m) => [m.side, m.state, m.day])).toEqual([
      ["pacta", "fulfilled", dayFromCivil(2024, 3, 5)],
      ["symboleo", "fulfilled", dayFromCivil(2024, 3, 6)],
    ]);
    for (const m of service) expect(m.reason).toMatch(/both parties agree/);
  });

  it("explains every mismatch of a generated scenario", () => {
    const c = compareScenario(core, dataProcessing, dataProcessing.generate(400, 13));
    expect(c.mismatches.filter((m) => m.reason === "unexplained")).toEqual([]);
  });
});

describe("the state mapping", () => {
  it("maps Symboleo's states to Pacta's, and names the ones without a counterpart", () => {
    expect(mapState("obligation", "Active.InEffect")).toEqual({ pacta: "in-effect" });
    expect(mapState("obligation", "Violation")).toEqual({ pacta: "violated" });
    expect(mapState("power", "SuccessfulTermination")).toEqual({ pacta: "fulfilled" });
    expect(mapState("contract", "UnsuccessfulTermination")).toEqual({ pacta: "terminated" });
    expect(mapState("contract", "SuccessfulTermination")).toHaveProperty("none");
  });

  it("reports an unknown Symboleo state as a mismatch instead of failing", () => {
    expect(mapState("power", "Bogus")).toEqual({ none: "no mapping for Bogus" });
    const late = scenario(meatSaleScenarios, "late-payment");
    const trace = driveSymboleo(core, meatSale, late, true);
    const ids = meatSaleIds(0);
    const bogus = {
      ...trace,
      transitions: [...trace.transitions, { subject: ids.payment, state: "Bogus", day: 0 }],
    };
    const c = compareTransitions(meatSale, late, bogus, []);
    expect(c.matches).toBe(0);
    expect(c.mismatches.find((m) => m.state === "Bogus")?.reason).toBe("no mapping for Bogus");
  });
});
