import { applyWhatIf, diffReplays, diffToJson, replay } from "../../engine/index.ts";
import { compile } from "../../language/compile.ts";
import { ApiError } from "../api-error.ts";
import { optionalStringField, readJsonObject, stringField } from "../http-input.ts";
import type { RegisterRoutes } from "./route-deps.ts";

/** The name under which a posted what-if is compiled with the corpus (as the web app does). */
export const whatIfFile = "(what-if).pacta";

/**
 * What-if: the posted text (one or more `what-if` statements) is compiled with the stored corpus
 * and each what-if's changed history is replayed and compared with the actual one. Nothing is
 * stored, so it needs no token.
 */
export const whatIfRoutes: RegisterRoutes = (app, { cache }) => {
  app.post("/api/what-if", async (c) => {
    const body = await readJsonObject(c);
    const text = stringField(body, "text");
    const snapshot = await cache.snapshot();
    const reading = snapshot.reading(optionalStringField(body, "reading"));

    const documents = [
      ...snapshot.documents.map(({ file, text }) => ({ file, text })),
      { file: whatIfFile, text },
    ];
    const compilation = compile(documents);
    const own = compilation.diagnostics.filter((d) => d.at.file === whatIfFile);
    if (compilation.hasErrors) {
      const errors = compilation.diagnostics.filter((d) => d.severity === "error");
      const first = errors[0];
      throw new ApiError(
        "invalid-what-if",
        `The what-if has errors${first === undefined ? "" : `; line ${first.at.line}, column ${first.at.column}: ${first.message}`}`,
        { diagnostics: [...own, ...errors.filter((d) => d.at.file !== whatIfFile)] },
      );
    }
    const whatIfs = [...compilation.model.whatIfs.values()].filter((w) => w.at.file === whatIfFile);
    if (whatIfs.length === 0) {
      throw new ApiError("invalid-what-if", "The text holds no 'what-if' statement", {
        diagnostics: own,
      });
    }

    const { model } = compilation;
    const options = (name: string) => (model.readings.has(name) ? { reading: name } : {});
    const actual = replay(model, options(reading));
    return c.json({
      reading,
      whatIfs: whatIfs.map((whatIf) => {
        const whatIfReading = whatIf.reading ?? reading;
        const counterfactual = replay(applyWhatIf(model, whatIf), options(whatIfReading));
        return {
          id: whatIf.id,
          description: whatIf.description,
          reading: whatIfReading,
          changes: diffToJson(diffReplays(actual, counterfactual)),
        };
      }),
      diagnostics: own,
    });
  });
};
