import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The `.pacta` fixtures of a folder under test/fixtures, with their text. */
export function fixtures(
  folder: string,
): { name: string; file: string; path: string; text: string }[] {
  const dir = join(import.meta.dirname, "fixtures", folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".pacta"))
    .sort()
    .map((f) => ({
      name: f.replace(/\.pacta$/, ""),
      file: `${folder}/${f}`,
      path: join(dir, f),
      text: readFileSync(join(dir, f), "utf8"),
    }));
}

/**
 * Compares `actual` with the fixture's expectation file (`NAME.EXT` beside it). With
 * UPDATE_FIXTURES=1 the file is rewritten instead, to review in the diff.
 */
export function expectedText(path: string, ext: string, actual: string): string | undefined {
  const expected = path.replace(/\.pacta$/, `.${ext}`);
  if (process.env["UPDATE_FIXTURES"] === "1") {
    writeFileSync(expected, actual);
    return actual;
  }
  return existsSync(expected) ? readFileSync(expected, "utf8") : undefined;
}
