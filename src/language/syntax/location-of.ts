import type { Location } from "../diagnostics/location.ts";
import { TableToken } from "./table-token.ts";
import type { Token } from "./token.ts";

/** The location of a token in a file. */
export function locationOf(file: string, token: Token): Location {
  if (token instanceof TableToken) return token.locationIn(file);
  return { file, from: token.from, to: token.to, line: token.line, column: token.column };
}

/** The location spanning two tokens (inclusive). */
export function spanOf(file: string, first: Token, last: Token): Location {
  return { file, from: first.from, to: last.to, line: first.line, column: first.column };
}
