// The bar at the top: the views, the reading, and the date of the cursor.
import { formatRoute, type Route } from "../lib/route.ts";
import { useApp } from "../state/context.ts";
import { DateField } from "./DateField.tsx";
import { ReadingSelect } from "./ReadingSelect.tsx";

const links: readonly { readonly route: Route; readonly label: string }[] = [
  { route: { view: "corpus" }, label: "Corpus" },
  { route: { view: "edit" }, label: "Editor" },
  { route: { view: "what-if" }, label: "What if" },
];

export function Header() {
  const { state } = useApp();
  const drafts = Object.keys(state.drafts).length;
  const current = state.route.view === "instrument" ? "corpus" : state.route.view;
  return (
    <header class="app-header">
      <a class="brand" href={formatRoute({ view: "corpus" })}>
        Pacta
      </a>
      <nav aria-label="Views">
        <ul>
          {links.map((link) => (
            <li key={link.label}>
              <a
                href={formatRoute(link.route)}
                aria-current={current === link.route.view ? "page" : undefined}
              >
                {link.label}
                {link.route.view === "edit" && drafts > 0 ? (
                  <span class="badge" title={`${drafts} unsaved`}>
                    {drafts}
                    <span class="sr-only"> unsaved</span>
                  </span>
                ) : null}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="header-controls">
        <ReadingSelect />
        <DateField />
      </div>
    </header>
  );
}
