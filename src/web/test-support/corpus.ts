// For unit tests in node: the flagship corpus as documents, compiled once.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Compilation, compile, type DocumentText } from "../../language/index.ts";

const folder = fileURLToPath(new URL("../../../corpus/sino-soviet", import.meta.url));

export function flagshipDocuments(): DocumentText[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith(".pacta"))
    .sort()
    .map((f) => ({ file: `sino-soviet/${f}`, text: readFileSync(join(folder, f), "utf8") }));
}

let cached: Compilation | undefined;

export function flagship(): Compilation {
  cached ??= compile(flagshipDocuments());
  return cached;
}
