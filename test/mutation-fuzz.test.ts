// Mutation fuzzing over the bundled documents: lines deleted, duplicated, swapped or cut short,
// words replaced by other words of the corpus. Whatever the text, compiling never throws and every
// diagnostic points inside its file; whenever a mutant compiles without errors, everything a user
// can ask of it (replay under each reading, states on a day, explanations, what fell due,
// violations, what-ifs, the JSON forms) answers without throwing.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyWhatIf,
  diffReplays,
  dueBetween,
  explain,
  explanationToJson,
  replay,
  replayToJson,
  stateAtToJson,
  violations,
} from "../src/engine/index.ts";
import {
  compile,
  type DocumentText,
  dayFromCivil,
  formatText,
  modelToJson,
} from "../src/language/index.ts";

const root = join(import.meta.dirname, "..");
function documentsIn(dir: string): DocumentText[] {
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith(".pacta"))
    .sort()
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(root, dir, f), "utf8") }));
}

const flagship = [
  ...documentsIn("corpus/sino-soviet"),
  ...documentsIn("corpus/sino-soviet-what-if"),
];
// The voting protocol (facts with values, rules, timers, counts) with a small meeting under it.
const voting = [...documentsIn("examples/voting"), ...documentsIn("test/fixtures/voting")];
const corpus = [...flagship, ...voting];
const words = [
  ...new Set(corpus.flatMap((d) => d.text.match(/[\w.?-]+|"[^"\n]*"|[(){}[\]:,;=]/g) ?? [])),
];

type Mutation =
  | { readonly kind: "delete-line"; readonly at: number }
  | { readonly kind: "duplicate-line"; readonly at: number }
  | { readonly kind: "swap-lines"; readonly at: number; readonly other: number }
  | { readonly kind: "cut"; readonly at: number }
  | { readonly kind: "replace-word"; readonly at: number; readonly word: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap-lines" as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("replace-word" as const), at: fc.nat(), word: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split("\n");
  const i = m.at % lines.length;
  switch (m.kind) {
    case "delete-line":
      return [...lines.slice(0, i), ...lines.slice(i + 1)].join("\n");
    case "duplicate-line":
      return [...lines.slice(0, i + 1), ...lines.slice(i)].join("\n");
    case "swap-lines": {
      const j = m.other % lines.length;
      const out = [...lines];
      [out[i], out[j]] = [out[j]!, out[i]!];
      return out.join("\n");
    }
    case "cut":
      return text.slice(0, m.at % (text.length + 1));
    case "replace-word": {
      const spans = [...text.matchAll(/[\w.?-]+/g)];
      if (spans.length === 0) return text;
      const span = spans[m.at % spans.length]!;
      const from = span.index;
      return (
        text.slice(0, from) + words[m.word % words.length]! + text.slice(from + span[0].length)
      );
    }
  }
}

const days = [
  dayFromCivil(1945, 2, 11),
  dayFromCivil(1950, 4, 11),
  dayFromCivil(1952, 12, 31),
  dayFromCivil(1980, 4, 12),
];
let compiledClean = 0;

function exercise(documents: readonly DocumentText[]): void {
  const result = compile(documents);
  for (const d of result.diagnostics) {
    const doc = documents.find((x) => x.file === d.at.file);
    // A diagnostic names one of the documents (or none, for the corpus as a whole) and a
    // position inside it.
    if (doc !== undefined) {
      expect(d.at.from).toBeGreaterThanOrEqual(0);
      expect(d.at.to).toBeLessThanOrEqual(doc.text.length);
      expect(d.at.line).toBeGreaterThanOrEqual(1);
      expect(d.at.column).toBeGreaterThanOrEqual(1);
    } else expect(d.at.file).toBe("");
    expect(d.message.length).toBeGreaterThan(0);
  }
  for (const doc of documents) formatText(doc.text, doc.file);
  if (result.hasErrors) return;
  compiledClean++;
  const { model } = result;
  JSON.stringify(modelToJson(model));
  const readings = [undefined, ...model.readings.keys()];
  for (const reading of readings) {
    const run = replay(model, reading === undefined ? {} : { reading });
    JSON.stringify(replayToJson(run));
    violations(run);
    dueBetween(run, days[0]!, days[3]!);
    for (const day of days) JSON.stringify(stateAtToJson(run, reading ?? null, day));
    for (const id of [...model.instruments.keys(), ...model.provisions.keys()]) {
      // Every instrument and provision the model has can be explained, on any day.
      const explanation = explain(run, model, id, days[2]);
      expect(explanation).toBeDefined();
      if (explanation !== undefined)
        JSON.stringify(explanationToJson(explanation, reading ?? null));
    }
  }
  const base = replay(model);
  for (const whatIf of model.whatIfs.values()) {
    const changed = applyWhatIf(model, whatIf);
    const after = replay(changed, whatIf.reading === undefined ? {} : { reading: whatIf.reading });
    diffReplays(base, after);
  }
}

describe("mutants of the bundled documents", () => {
  it("compile without throwing, with diagnostics in their files; clean ones answer every query", {
    timeout: 600_000,
  }, () => {
    compiledClean = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: corpus.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (index, mutations) => {
          const target = corpus[index]!;
          const text = mutations.reduce(mutate, target.text);
          const documents = flagship.includes(target) ? flagship : voting;
          exercise(documents.map((d) => (d === target ? { file: d.file, text } : d)));
        },
      ),
      // PACTA_FUZZ_RUNS=5000 npx vitest run test/mutation-fuzz.test.ts: a longer hunt.
      { numRuns: Number(process.env["PACTA_FUZZ_RUNS"] ?? 200) },
    );
    // Many mutants stay valid (a comment line deleted, a paraphrase swapped): the queries ran.
    expect(compiledClean).toBeGreaterThan(10);
    if (process.env["PACTA_FUZZ_RUNS"] !== undefined)
      console.log(`clean mutants: ${compiledClean}`);
  });
});
