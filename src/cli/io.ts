/** Where a command writes: its output, its messages, and whether they may be in colour. */
export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly color: boolean;
}

/** What went wrong, as a line: an error's message, or what was thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
