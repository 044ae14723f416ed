import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);

function replayAlloc(args: readonly string[]) {
  return run(process.execPath, ["--import", "tsx", "bench/replay-alloc.ts", ...args], {
    cwd: root,
  });
}

describe("bench/replay-alloc.ts", () => {
  it("reports what a replay of a Symboleo sample's scenario allocates, by site", {
    timeout: 60_000,
  }, async () => {
    const { stdout } = await replayAlloc([
      "--corpus",
      "data-processing",
      "--events",
      "300",
      "--runs",
      "1",
    ]);
    const [head, ...rest] = stdout.trim().split("\n");
    expect(head).toMatch(
      /^data-processing, 300 events, [\d,]+ provisions: [\d.]+ MB allocated per replay \(\d+ bytes an event, \d+ a provision; mean of 1\)$/,
    );
    // The sites are the engine's functions, and one more replay's collections close the report.
    expect(rest.some((line) => /MB {2}\w+ \(replay-engine\.ts\)$/.test(line))).toBe(true);
    expect(rest.at(-1)).toMatch(/^One more replay: \d+ ms, of which \d+ ms in \d+ collections/);
  });

  it("refuses an unknown corpus or a size that is not a positive integer, saying what it takes", {
    timeout: 60_000,
  }, async () => {
    for (const [args, reason] of [
      [["--corpus", "nope", "--events", "10"], /no corpus named 'nope'/],
      [["--events", "ten"], /--events 'ten' is not a positive integer/],
      [["--events", "-5"], /Option '--events' argument is ambiguous/],
      [["--runs", "0"], /--runs '0' is not a positive integer/],
      [["--bogus"], /Unknown option '--bogus'/],
    ] as const) {
      const failure = await replayAlloc(args).then(
        () => null,
        (error: { code?: number; stderr?: string }) => error,
      );
      expect(failure?.code).toBe(2);
      expect(failure?.stderr).toMatch(reason);
      expect(failure?.stderr).toMatch(
        /replay-alloc: --events must be a positive integer, --runs positive, --corpus one of generated, meat-sale, energy, data-processing/,
      );
      // One clear message, not a stack trace.
      expect(failure?.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
