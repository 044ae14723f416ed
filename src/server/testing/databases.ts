import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DocumentText } from "../../language/compile.ts";

export type { TestDatabase, TestTarget } from "../../store/testing/test-databases.ts";
export { testTargets } from "../../store/testing/test-databases.ts";

/** The folder of the flagship corpus. */
export const flagshipFolder = fileURLToPath(
  new URL("../../../corpus/sino-soviet", import.meta.url),
);
/** The flagship's what-if example. */
export const flagshipWhatIf = fileURLToPath(
  new URL("../../../corpus/sino-soviet-what-if/ussr-signs-san-francisco.pacta", import.meta.url),
);

/** The flagship corpus, named as `pacta import corpus/sino-soviet` names it. */
export function flagshipDocuments(): DocumentText[] {
  return readdirSync(flagshipFolder)
    .filter((f) => f.endsWith(".pacta"))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(flagshipFolder, file), "utf8") }));
}
