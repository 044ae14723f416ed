/**
 * Identifiers read lately, one string each: a corpus writes the same ids, types and keywords over
 * and over, and the model keeps many of them (an event's type, the ids it names). A fixed table of
 * slots indexed by a hash of the characters: a word found there costs no allocation, a word not
 * found takes its slot.
 */
const SLOTS = 4096;
const slots: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);

/** The identifier written in `text` from `from` to `to`, as the one string kept for it. */
export function wordAt(text: string, from: number, to: number): string {
  let h = to - from;
  for (let p = from; p < to; p++) h = (Math.imul(h, 31) + text.charCodeAt(p)) | 0;
  const slot = (h ^ (h >>> 13)) & (SLOTS - 1);
  const known = slots[slot];
  if (known !== undefined && known.length === to - from && text.startsWith(known, from)) {
    return known;
  }
  const word = text.slice(from, to);
  slots[slot] = word;
  return word;
}
