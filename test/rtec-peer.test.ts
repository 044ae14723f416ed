import { describe, expect, it } from "vitest";
import type { BenchOptions } from "../bench/measure.ts";
import { recognitionTimes, rtecPeer } from "../bench/rtec-peer.ts";

const output = `Current Window                         	: (0, 10]
Recognition Time (ms)			: 99
Input Entities				: 10064
=========================================================
Current Window                         	: (10, 20]
Recognition Time (ms)			: 215.5
Recognition Time average (ms)		: 157.25
`;

function options(peersDir: string, lines: string[]): BenchOptions {
  return {
    quick: true,
    profile: false,
    peersDir,
    resultsDir: "/nonexistent",
    log: (line) => lines.push(line),
    progress: () => {},
  };
}

describe("RTEC run next to Pacta", () => {
  it("reads each window's recognition time, not the averages", () => {
    expect(recognitionTimes(output)).toEqual([99, 215.5]);
    expect(recognitionTimes("no windows here")).toEqual([]);
  });

  it("is skipped with the reason when no checkout is named or it is not RTEC", async () => {
    const saved = process.env["PACTA_RTEC_DIR"];
    try {
      delete process.env["PACTA_RTEC_DIR"];
      const lines: string[] = [];
      const none = await rtecPeer(options("/nonexistent", lines));
      expect(none.figures["skipped"]).toMatch(/PACTA_RTEC_DIR is not set/);
      expect(lines[0]).toMatch(/^Skipped: /);
      process.env["PACTA_RTEC_DIR"] = "/nonexistent/rtec";
      const wrong = await rtecPeer(options("/nonexistent", []));
      expect(wrong.figures["skipped"]).toMatch(/no 'execution scripts\/run_rtec.sh'/);
    } finally {
      if (saved === undefined) delete process.env["PACTA_RTEC_DIR"];
      else process.env["PACTA_RTEC_DIR"] = saved;
    }
  });
});
