import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);

function bench(script: string, args: readonly string[]) {
  return run(process.execPath, ["--import", "tsx", `bench/${script}`, ...args], { cwd: root });
}

describe("bench/replay-alloc.ts", () => {
  it("reports what a replay of a Symboleo sample's scenario allocates, by site", {
    timeout: 60_000,
  }, async () => {
    const { stdout } = await bench("replay-alloc.ts", [
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
});

describe("bench/replay-anatomy.ts", () => {
  it("takes the model's heap apart and times a replay's three steps", {
    timeout: 60_000,
  }, async () => {
    const { stdout } = await bench("replay-anatomy.ts", ["--events", "2000", "--runs", "1"]);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^2,000 events: model [\d.]+ MB$/);
    expect(lines[1]).toMatch(/^ {2}2,000 events [\d.]+ MB \(\d+ bytes an event\)$/);
    expect(lines[2]).toMatch(/^ {2}[\d,]+ provisions [\d.]+ MB \(\d+ bytes each\)$/);
    expect(lines.at(-1)).toMatch(
      /^Replay, median of 1: set-up [\d.]+ µs\/event, fold [\d.]+ µs\/event, result with every timeline read [\d.]+ µs\/event$/,
    );
  });
});

describe("the bench commands, given bad arguments", () => {
  const cases: readonly (readonly [string, readonly string[], RegExp])[] = [
    ["run.ts", ["--bogus"], /^bench: Unknown option '--bogus'/],
    ["run.ts", ["--only"], /^bench: Option '--only <value>' argument missing/],
    ["run.ts", ["--only", "nope"], /^Unknown benchmark 'nope'/],
    [
      "replay-alloc.ts",
      ["--corpus", "nope", "--events", "10"],
      /^replay-alloc: no corpus named 'nope'/,
    ],
    [
      "replay-alloc.ts",
      ["--events", "ten"],
      /^replay-alloc: --events 'ten' is not a positive integer/,
    ],
    [
      "replay-alloc.ts",
      ["--events", "-5"],
      /^replay-alloc: Option '--events' argument is ambiguous\. .*'--events=-XYZ'/,
    ],
    ["replay-alloc.ts", ["--runs", "0"], /^replay-alloc: --runs '0' is not a positive integer/],
    [
      "replay-anatomy.ts",
      ["--runs", "many"],
      /^replay-anatomy: --runs 'many' is not a positive integer/,
    ],
    ["replay-work.ts", ["--max", "x"], /^replay-work: --max 'x' is not a positive integer/],
    ["replay-child.ts", [], /^replay-child: --events is required/],
    [
      "web-cold-compile.ts",
      ["--rounds", "x"],
      /^web-cold-compile: --rounds 'x' is not a positive integer/,
    ],
    [
      "compile-scale-child.ts",
      ["--events", "1e3x"],
      /^compile-scale-child: --events '1e3x' is not a positive integer/,
    ],
  ];

  it("say what is wrong and how to call them, with exit code 2 and no stack trace", {
    timeout: 120_000,
  }, async () => {
    for (const [script, args, reason] of cases) {
      const failure = await bench(script, args).then(
        () => null,
        (error: { code?: number; stderr?: string }) => error,
      );
      expect(failure?.code, `${script} ${args.join(" ")}`).toBe(2);
      const stderr = failure?.stderr ?? "";
      expect(stderr, `${script} ${args.join(" ")}`).toMatch(reason);
      expect(stderr).toMatch(/\nUsage: /);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});
