#!/usr/bin/env node
// `npm run build:cli`: compiles the CLI, store, server, engine and language to dist/node with
// TypeScript, then stamps the build with the time it started, which bin/entry.js compares with
// the sources' to decide whether the build is fresh.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const started = Date.now();
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
try {
  execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], {
    cwd: root,
    stdio: "inherit",
  });
} catch {
  process.exitCode = 1;
}
if (process.exitCode !== 1) {
  mkdirSync(join(root, "dist", "node"), { recursive: true });
  writeFileSync(join(root, "dist", "node", ".built"), `${started}\n`);
}
