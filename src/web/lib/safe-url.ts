// Only web addresses become links: a source's `url` could hold anything, such as `javascript:`.

/** The URL if it is an absolute http(s) address, else undefined. */
export function safeHttpUrl(text: string): string | undefined {
  try {
    const url = new URL(text.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
