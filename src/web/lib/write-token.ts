// The server's write token, as the user typed it, kept for the browser tab (sessionStorage):
// never in the URL, never in localStorage, gone when the tab closes.

const key = "pacta.write-token";

/** The storage the token lives in; the page passes `sessionStorage`, tests a stand-in. */
export type TokenStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

function storage(): TokenStorage | undefined {
  try {
    return typeof sessionStorage === "undefined" ? undefined : sessionStorage;
  } catch {
    // Storage can be refused (privacy settings): the token then lives only in the page.
    return undefined;
  }
}

export function readToken(store: TokenStorage | undefined = storage()): string {
  try {
    return store?.getItem(key) ?? "";
  } catch {
    return "";
  }
}

export function keepToken(token: string, store: TokenStorage | undefined = storage()): void {
  try {
    if (token.trim() === "") store?.removeItem(key);
    else store?.setItem(key, token.trim());
  } catch {
    // See storage(): not kept across reloads, still used for this page's saves.
  }
}
