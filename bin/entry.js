// Chooses how the CLI runs: the build in dist/node (`npm run build:cli`; starts several times
// faster) when it was started after the last change to every source file it is built from,
// otherwise the TypeScript sources in src/ through tsx. A stale build is never run.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** The newest modification time (ms) of the TypeScript files under `dir`, skipping `skip`. */
function newestSource(dir, skip) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== skip) newest = Math.max(newest, newestSource(path, skip));
    } else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The module to import: `{ built: true, path }` for dist/node/cli/run.js when it is fresh,
 * `{ built: false, path }` for src/cli/run.ts otherwise.
 */
export function cliEntry(root) {
  const built = join(root, "dist", "node", "cli", "run.js");
  const source = join(root, "src", "cli", "run.ts");
  // The stamp holds the time the last successful build started (bin/build-cli.js).
  let builtAt;
  try {
    builtAt = Number(readFileSync(join(root, "dist", "node", ".built"), "utf8"));
    statSync(built);
  } catch {
    return { built: false, path: source };
  }
  if (!Number.isFinite(builtAt)) return { built: false, path: source };
  const src = join(root, "src");
  const fresh = newestSource(src, join(src, "web")) < builtAt;
  return fresh ? { built: true, path: built } : { built: false, path: source };
}
