import { parseArgs } from "node:util";
import {
  runCheck,
  runDue,
  runExplain,
  runFmt,
  runModel,
  runReplay,
  runViolations,
  runWhatIf,
} from "./commands.ts";
import { UsageError } from "./load-documents.ts";

const usage = `Pacta: treaties as code

Usage:
  pacta check FILES|DIRS [--json]                report problems in documents
  pacta model FILES|DIRS                         the resolved model as JSON, for other tools
  pacta due FILES|DIRS --from DATE --to DATE [--reading NAME] [--json]
                                                 deadlines that fell due in a period, and their outcome
  pacta violations FILES|DIRS [--reading NAME] [--json]
                                                 every violated provision, and why
  pacta replay FILES|DIRS [--at DATE] [--reading NAME] [--json]
                                                 replay history against the model
  pacta explain ID FILES|DIRS [--at DATE] [--reading NAME] [--json]
                                                 why a provision or instrument stood as it did
  pacta what-if FILES|DIRS --with CHANGES.pacta [--json]
                                                 replay with changed history and show the difference
  pacta fmt FILES|DIRS [--check]                 format documents in place
  pacta import DIRS [--database URL|FILE]        load documents into the corpus store (one transaction)
  pacta delete NAMES [--database URL|FILE]       delete stored documents (their versions are kept)
  pacta serve [--port N] [--host H] [--data DIR] [--database URL|FILE] [--corpus DIR]...
                                                 serve the API and the web app (imports --corpus first)

Exit codes: 0 ok, 1 documents with errors, 2 usage.
`;

/** Runs the CLI; returns the exit code. Output goes to the given writers so tests can capture it. */
export async function main(
  argv: readonly string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
  color = process.stdout.isTTY === true && process.env["NO_COLOR"] === undefined,
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        at: { type: "string" },
        reading: { type: "string" },
        json: { type: "boolean", default: false },
        with: { type: "string" },
        check: { type: "boolean", default: false },
        database: { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        data: { type: "string" },
        corpus: { type: "string", multiple: true },
        from: { type: "string" },
        to: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    const io = { out, err, color };
    if (values.help || command === "help" || command === "--help" || command === "-h") {
      out(usage);
      return 0;
    }
    switch (command) {
      case "check":
        return runCheck(positionals, values, io);
      case "model":
        return runModel(positionals, io);
      case "due":
        return runDue(positionals, values, io);
      case "violations":
        return runViolations(positionals, values, io);
      case "replay":
        return runReplay(positionals, values, io);
      case "explain":
        return runExplain(positionals, values, io);
      case "what-if":
        return runWhatIf(positionals, values, io);
      case "fmt":
        return runFmt(positionals, values, io);
      case "import":
        // The store and server load only when needed, so that check and replay start fast.
        return await (await import("./import-command.ts")).runImport(
          positionals,
          values.database === undefined ? {} : { database: values.database },
          io,
        );
      case "delete":
        return await (await import("./delete-command.ts")).runDelete(
          positionals,
          values.database === undefined ? {} : { database: values.database },
          io,
        );
      case "serve":
        return await (await import("./serve-command.ts")).runServe(
          positionals,
          {
            port: values.port,
            host: values.host,
            data: values.data,
            database: values.database,
            corpus: values.corpus,
          },
          io,
        );
      case undefined:
        err(usage);
        return 2;
      default:
        err(`Unknown command '${command}'\n\n${usage}`);
        return 2;
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError &&
        "code" in error &&
        String(error.code).startsWith("ERR_PARSE_ARGS"))
    ) {
      err(`pacta: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
