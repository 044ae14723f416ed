// The page's address: which view is open. Kept in the URL's hash so that links, the back button
// and a reload all work with any static file server.

export type Route =
  | { readonly view: "corpus" }
  | { readonly view: "instrument"; readonly id: string }
  | { readonly view: "edit"; readonly file?: string }
  | { readonly view: "what-if" };

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** Reads `#/instrument/ID`, `#/edit/FILE`, `#/what-if`; anything else is the corpus view. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, "");
  const slash = path.indexOf("/");
  const head = slash < 0 ? path : path.slice(0, slash);
  const rest = slash < 0 ? "" : path.slice(slash + 1);
  if (head === "instrument") {
    const id = decode(rest);
    if (id) return { view: "instrument", id };
  }
  if (head === "edit") {
    const file = decode(rest);
    return file ? { view: "edit", file } : { view: "edit" };
  }
  if (head === "what-if") return { view: "what-if" };
  return { view: "corpus" };
}

export function formatRoute(route: Route): string {
  switch (route.view) {
    case "corpus":
      return "#/";
    case "instrument":
      return `#/instrument/${encodeURIComponent(route.id)}`;
    case "edit":
      return route.file === undefined ? "#/edit" : `#/edit/${encodeURIComponent(route.file)}`;
    case "what-if":
      return "#/what-if";
  }
}
