/**
 * Identifiers read so far, one string each: a corpus writes the same ids, types and keywords over
 * and over, and the model keeps many of them (an event's type, the ids it names). The table is
 * bounded; once full it starts again.
 */
const words = new Map<string, string>();
const WORD_LIMIT = 4096;

/** The one string kept for this identifier's text. */
export function internedWord(word: string): string {
  const known = words.get(word);
  if (known !== undefined) return known;
  if (words.size >= WORD_LIMIT) words.clear();
  words.set(word, word);
  return word;
}
