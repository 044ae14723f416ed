import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { DocumentText } from "../language/compile.ts";

/** Larger files are refused before they are read. */
export const maxDocumentBytes = 5 * 1024 * 1024;

export class UsageError extends Error {}

/**
 * Expands files and folders (recursively, `.pacta` files only, sorted) and reads them. A file too
 * large to parse is passed on with a marker text the parser reports as too large, without
 * reading it whole.
 */
export function loadDocuments(paths: readonly string[], cwd = process.cwd()): DocumentText[] {
  if (paths.length === 0) throw new UsageError("Name at least one .pacta file or folder");
  const files: string[] = [];
  for (const path of paths) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`Cannot read '${path}': no such file or folder`);
    }
    if (stat.isDirectory()) files.push(...walk(path));
    else files.push(path);
  }
  const unique = [...new Set(files)].sort();
  if (unique.length === 0)
    throw new UsageError(`No .pacta files in ${paths.map((p) => `'${p}'`).join(", ")}`);
  return unique.map((path) => {
    const rel = relative(cwd, path);
    const file = rel === "" || rel.startsWith("..") ? path : rel;
    const size = statSync(path).size;
    if (size > maxDocumentBytes) return { file, text: oversized(size) };
    return { file, text: readFileSync(path, "utf8") };
  });
}

/** Text the parser recognises as too large (longer than its limit) without holding the file. */
function oversized(size: number): string {
  return " ".repeat(Math.min(size, maxDocumentBytes + 1));
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile() && entry.name.endsWith(".pacta")) out.push(path);
  }
  return out;
}
