/**
 * RTEC itself on the voting stream, next to Pacta's port (bench/rtec-voting.ts), on the same
 * machine and in the same run.
 *
 * Needs a checkout of RTEC (public: aartikis/RTEC; the peers' data was made at commit d7215f4a)
 * named by `PACTA_RTEC_DIR`, and SWI-Prolog's `swipl` on the PATH (Debian: `swi-prolog-nox`).
 * Skipped with a message when either is missing. Nothing of RTEC is part of Pacta: the bench only
 * runs the checkout's own script, `execution scripts/run_rtec.sh`, as its README says, with the
 * voting application, windows and steps of 10 time points, the peers' `voting.csv` as input and
 * the output written to a scratch folder. It then reads RTEC's log (the recognition time of each
 * window) and checks that the intervals RTEC recognised are those in the peers' data, which is
 * what the port is compared with.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { type BenchOptions, type BenchResult, count, median, ms, repoRoot } from "./measure.ts";

/** Events in the voting stream: one per line of voting.csv. */
function countLines(text: string): number {
  let lines = 0;
  for (const line of text.split("\n")) if (line.trim() !== "") lines++;
  return lines;
}

/** Per-window recognition times (ms) from RTEC's console output. */
export function recognitionTimes(output: string): number[] {
  const times: number[] = [];
  for (const match of output.matchAll(/^Recognition Time \(ms\)\s*:\s*([0-9.]+)\s*$/gm))
    times.push(Number(match[1]));
  return times;
}

function findSwipl(): string | undefined {
  const found = spawnSync("swipl", ["--version"], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

export async function rtecPeer(options: BenchOptions): Promise<BenchResult> {
  const setting = process.env["PACTA_RTEC_DIR"];
  const csv = join(options.peersDir, "rtec-voting", "voting.csv");
  const expected = join(options.peersDir, "rtec-voting", "recognised-intervals-window10.txt");
  const skip = (reason: string): BenchResult => {
    options.log(`Skipped: ${reason}`);
    return { name: "rtec-peer", figures: { skipped: reason } };
  };
  if (setting === undefined || setting === "")
    return skip(
      "PACTA_RTEC_DIR is not set (a checkout of RTEC, github.com/aartikis/RTEC, to run it next to Pacta)",
    );
  const rtecDir = isAbsolute(setting) ? setting : resolve(repoRoot, setting);
  const scripts = join(rtecDir, "execution scripts");
  if (!existsSync(join(scripts, "run_rtec.sh")))
    return skip(`no 'execution scripts/run_rtec.sh' in PACTA_RTEC_DIR (${rtecDir})`);
  const swipl = findSwipl();
  if (swipl === undefined) return skip("swipl is not on the PATH (Debian: swi-prolog-nox)");
  if (!existsSync(csv)) return skip(`the voting stream is missing (${csv})`);
  const events = countLines(readFileSync(csv, "utf8"));
  options.log(`RTEC checkout: ${rtecDir}; ${swipl}`);

  const runs = options.quick ? 1 : 3;
  const walls: number[] = [];
  const recognitions: number[] = [];
  let sameIntervals: boolean | undefined;
  for (let run = 0; run < runs; run++) {
    const out = mkdtempSync(join(os.tmpdir(), "pacta-rtec-"));
    try {
      options.progress(`RTEC run ${run + 1} of ${runs}`);
      const started = performance.now();
      const result = spawnSync(
        "bash",
        [
          "./run_rtec.sh",
          "--app=voting",
          "--window-size=10",
          "--step=10",
          "--output-mode=file",
          `--input=${csv}`,
          `--results-directory=${out}`,
        ],
        { cwd: scripts, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 600_000 },
      );
      const wall = performance.now() - started;
      // run_rtec.sh ends with a test that is false outside its fifo mode, so its exit status is
      // 1 after a good run: success is a recognition time per window and an intervals file.
      const times = recognitionTimes(result.stdout);
      if (result.error !== undefined || times.length === 0)
        throw new Error(
          `RTEC failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}): ${(result.stderr || result.stdout).slice(-600)}`,
        );
      walls.push(wall);
      recognitions.push(times.reduce((a, b) => a + b, 0));
      const produced = readdirSync(out).find((f) => f.endsWith("recognised-intervals.txt"));
      if (produced === undefined) throw new Error(`RTEC wrote no recognised intervals in ${out}`);
      if (existsSync(expected))
        sameIntervals =
          readFileSync(join(out, produced), "utf8") === readFileSync(expected, "utf8");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  const wall = median(walls);
  const recognition = median(recognitions);
  options.log(
    `RTEC on ${count(events)} events, windows of 10: ${ms(wall)} wall (median of ${runs}: rules compiled, stream loaded, recognised, written), ${ms(recognition)} recognising`,
  );
  options.log(
    `  ${count(Math.round(events / (wall / 1000)))} events/s wall; ${count(Math.round(events / (recognition / 1000)))} events/s recognising alone`,
  );
  if (sameIntervals !== undefined)
    options.log(
      sameIntervals
        ? "  its recognised intervals are those of the peers' data, byte for byte: the port is compared with what RTEC computes here"
        : "  its recognised intervals DIFFER from the peers' data (another RTEC version?): the port's comparison is with the peers' file",
    );
  return {
    name: "rtec-peer",
    figures: {
      rtecDir,
      swipl,
      events,
      runs,
      wallMs: wall,
      recognitionMs: recognition,
      eventsPerSecondWall: events / (wall / 1000),
      eventsPerSecondRecognition: events / (recognition / 1000),
      sameIntervalsAsPeersData: sameIntervals ?? null,
    },
  };
}
