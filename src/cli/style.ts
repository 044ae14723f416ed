/** ANSI styling, on only when writing to a terminal and NO_COLOR is unset. */
export interface Style {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly green: (s: string) => string;
  readonly blue: (s: string) => string;
  readonly cyan: (s: string) => string;
  readonly magenta: (s: string) => string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export function makeStyle(enabled: boolean): Style {
  if (!enabled) {
    const id = (s: string) => s;
    return { bold: id, dim: id, red: id, yellow: id, green: id, blue: id, cyan: id, magenta: id };
  }
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    blue: wrap(34, 39),
    cyan: wrap(36, 39),
    magenta: wrap(35, 39),
  };
}

/** Pads to a width, counting characters, not escape codes. */
export function pad(s: string, width: number): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI escapes to measure
  const visible = s.replace(/\u001b\[[0-9;]*m/g, "").length;
  return visible >= width ? s : s + " ".repeat(width - visible);
}
