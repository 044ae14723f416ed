#!/usr/bin/env node
// The `pacta` command. Runs the build in dist/node when it is up to date (`npm run build:cli`),
// otherwise the TypeScript sources directly through tsx, so that the CLI needs no build step.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { cliEntry } from "./entry.js";

const entry = cliEntry(join(dirname(fileURLToPath(import.meta.url)), ".."));
if (!entry.built) (await import("tsx/esm/api")).register();
await import(pathToFileURL(entry.path).href);
