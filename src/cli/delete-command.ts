import { openStore, StoreError } from "../store/index.ts";
import { type Io, messageOf } from "./io.ts";
import { formatDiagnostics } from "./print-diagnostics.ts";
import { makeStyle } from "./style.ts";

/**
 * `pacta delete NAME… [--database DB]`: deletes documents from the corpus store by the name they
 * are stored under (as `pacta import` names them), one at a time, each only if the corpus without
 * it compiles without errors. A deleted document's versions are kept (a tombstone version); the
 * name can be imported again. Exit codes: 0 deleted, 1 refused or missing, 2 usage.
 */
export async function runDelete(
  names: readonly string[],
  options: { readonly database?: string | undefined },
  io: Io,
): Promise<number> {
  const style = makeStyle(io.color);
  if (names.length === 0) {
    io.err("pacta: name the documents to delete, as the store names them (e.g. parties.pacta)\n");
    return 2;
  }
  const bad = names.find((n) => !n.endsWith(".pacta"));
  if (bad !== undefined) {
    io.err(`pacta: '${bad}' is not a document name: stored documents end in .pacta\n`);
    return 2;
  }
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(options.database === undefined ? {} : { database: options.database });
  } catch (error) {
    io.err(
      `pacta: ${error instanceof StoreError ? "" : "cannot open the store: "}${messageOf(error)}\n`,
    );
    return error instanceof StoreError ? 2 : 1;
  }
  try {
    for (const name of names) {
      const result = await store.deleteDocument(name);
      if (result.ok) {
        io.out(
          `${style.green("Deleted")} ${name} from ${store.location} (revision ${result.revision}; its versions are kept)\n`,
        );
        continue;
      }
      switch (result.reason) {
        case "missing":
          io.err(
            `pacta: the store has no document '${name}' (pacta serve lists them at /api/corpus)\n`,
          );
          return 1;
        case "conflict":
          io.err(`pacta: ${name} changed meanwhile; nothing was deleted\n`);
          return 1;
        case "diagnostics": {
          const errors = result.diagnostics.filter((d) => d.severity === "error");
          io.err(formatDiagnostics(errors, result.documents, style));
          io.err(
            `${style.red("Refused")}: without ${name} the corpus would have ${errors.length} error${errors.length === 1 ? "" : "s"} (above); nothing was deleted\n`,
          );
          return 1;
        }
      }
    }
    return 0;
  } catch (error) {
    io.err(`pacta: the delete failed and nothing was written: ${messageOf(error)}\n`);
    return 1;
  } finally {
    await store.close().catch(() => {});
  }
}
