/** Where something is written: a file and a range in it. Lines and columns count from 1. */
export interface Location {
  readonly file: string;
  /** Offset of the first character, in UTF-16 code units. */
  readonly from: number;
  /** Offset just past the last character. */
  readonly to: number;
  readonly line: number;
  readonly column: number;
}
