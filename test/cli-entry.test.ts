import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { cliEntry } from "../bin/entry.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entryOf = cliEntry;

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A package with sources at `sourceTime` and, if `stamp` is given, a build stamped with it. */
function fakePackage(sourceTime: number, stamp?: string): string {
  const dir = mkdtempSync(join(os.tmpdir(), "pacta-entry-"));
  dirs.push(dir);
  for (const file of ["src/cli/run.ts", "src/engine/replay.ts", "src/web/main.ts"]) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), "");
    utimesSync(join(dir, file), sourceTime / 1000, sourceTime / 1000);
  }
  if (stamp !== undefined) {
    mkdirSync(join(dir, "dist/node/cli"), { recursive: true });
    writeFileSync(join(dir, "dist/node/cli/run.js"), "");
    writeFileSync(join(dir, "dist/node/.built"), stamp);
  }
  return dir;
}

describe("the pacta bin's choice of entry", () => {
  const t = Date.parse("2026-01-01T00:00:00Z");

  it("runs the sources through tsx when there is no build", () => {
    const dir = fakePackage(t);
    expect(entryOf(dir)).toEqual({ built: false, path: join(dir, "src/cli/run.ts") });
  });

  it("runs the build when it started after every source changed", () => {
    const dir = fakePackage(t, `${t + 1000}\n`);
    expect(entryOf(dir)).toEqual({ built: true, path: join(dir, "dist/node/cli/run.js") });
  });

  it("never runs a stale build: a source changed after the build started", () => {
    const dir = fakePackage(t, `${t - 1000}\n`);
    expect(entryOf(dir).built).toBe(false);
    const later = fakePackage(t - 5000, `${t - 1000}\n`);
    utimesSync(join(later, "src/engine/replay.ts"), t / 1000, t / 1000);
    expect(entryOf(later).built).toBe(false);
  });

  it("ignores the web app's sources, which the CLI does not run", () => {
    const dir = fakePackage(t - 5000, `${t - 1000}\n`);
    utimesSync(join(dir, "src/web/main.ts"), t / 1000, t / 1000);
    expect(entryOf(dir).built).toBe(true);
  });

  it("treats a damaged stamp as no build", () => {
    const dir = fakePackage(t, "not a time");
    expect(entryOf(dir).built).toBe(false);
  });
});

const entry = entryOf(root);
describe.skipIf(!entry.built)("the built CLI (npm run build:cli; npm test builds it)", () => {
  it("checks the flagship corpus and reports a bad file with its position", () => {
    const bin = join(root, "bin", "pacta.js");
    expect(
      execFileSync(process.execPath, [bin, "check", "corpus/sino-soviet"], {
        cwd: root,
        encoding: "utf8",
      }),
    ).toMatch(/^0 errors, 0 warnings/m);
    const dir = mkdtempSync(join(os.tmpdir(), "pacta-built-"));
    dirs.push(dir);
    writeFileSync(join(dir, "bad.pacta"), 'party ussr {\n  name "USSR"\n  code 365 365\n}\n');
    let stdout = "";
    let status = 0;
    try {
      execFileSync(process.execPath, [bin, "check", dir], {
        cwd: root,
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      status = e.status;
      stdout = e.stdout + e.stderr;
    }
    expect(status).toBe(1);
    expect(stdout).toMatch(/bad\.pacta:3:\d+/);
  });
});
