import { type ParseArgsConfig, parseArgs } from "node:util";

/**
 * Ends a bench command whose arguments are wrong: one line saying what is wrong, then how to call
 * it, on stderr, and exit code 2; never a stack trace.
 */
export function failUsage(reason: string, usage: string): never {
  process.stderr.write(`${reason}\n${usage.endsWith("\n") ? usage : `${usage}\n`}`);
  process.exit(2);
}

/**
 * A bench command's arguments, as `parseArgs` reads them; an unknown option, or a value that is
 * missing or looks like an option (`--events -5`), ends the command through `failUsage`.
 */
export function commandLine<T extends ParseArgsConfig>(
  command: string,
  usage: string,
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    return failUsage(`${command}: ${(error as Error).message.replace(/\n/g, " ")}`, usage);
  }
}

/** A positive integer argument, or the end of the command through `failUsage`. */
export function positiveInteger(
  command: string,
  usage: string,
  name: string,
  value: string | undefined,
): number {
  const n = Number(value);
  if (value === undefined || value.trim() === "" || !Number.isInteger(n) || n <= 0)
    failUsage(
      `${command}: ${name} ${value === undefined ? "is required" : `'${value}' is not a positive integer`}`,
      usage,
    );
  return n;
}
