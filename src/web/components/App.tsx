// The app: loads the corpus, keeps the state, and shows the view the address names.
import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef } from "preact/hooks";
import { dayFromCivil } from "../../language/index.ts";
import { type CorpusDocument, fetchCorpus } from "../lib/api.ts";
import { mark } from "../lib/perf.ts";
import { formatRoute, parseRoute, type Route } from "../lib/route.ts";
import { fitView } from "../lib/scale.ts";
import { AppContext } from "../state/context.ts";
import { useDerived } from "../state/derived.ts";
import { initialState, reducer } from "../state/store.ts";
import { CorpusView } from "./CorpusView.tsx";
import { EditorView } from "./EditorView.tsx";
import { Header } from "./Header.tsx";
import { InstrumentView } from "./InstrumentView.tsx";
import { WhatIfView } from "./WhatIfView.tsx";

const defaultCursor = dayFromCivil(1952, 12, 31);

let early: Promise<CorpusDocument[]> | undefined;

/** Starts loading the corpus before the first render; the app takes the answer when it mounts. */
export function preloadCorpus(): void {
  early ??= fetchCorpus();
  early.catch(() => undefined);
}

function corpusRequest(): Promise<CorpusDocument[]> {
  const request = early ?? fetchCorpus();
  early = undefined;
  return request;
}

function currentRoute(): Route {
  return parseRoute(typeof location === "undefined" ? "" : location.hash);
}

export function App() {
  const [state, dispatch] = useReducer(reducer, undefined, () =>
    initialState(currentRoute(), defaultCursor),
  );
  const derived = useDerived(state);

  useEffect(() => {
    let cancelled = false;
    corpusRequest()
      .then((documents) => {
        if (!cancelled) dispatch({ type: "loaded", documents });
      })
      .catch((error: unknown) => {
        if (!cancelled)
          dispatch({
            type: "load-failed",
            message: error instanceof Error ? error.message : String(error),
          });
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    const onHash = () => dispatch({ type: "route", route: currentRoute() });
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  // The first time there is data, the timelines show all of it.
  useEffect(() => {
    if (state.view === null && derived.extent !== undefined)
      dispatch({ type: "view", view: fitView(derived.extent.first, derived.extent.last) });
  }, [state.view, derived.extent]);

  // Moving to another view puts the focus on its heading, for keyboard and screen reader users.
  // (Not on the first view: a page that has just opened starts at its top.)
  const routeKey = formatRoute(state.route);
  const firstRoute = useRef(routeKey);
  useEffect(() => {
    if (routeKey === firstRoute.current) return;
    firstRoute.current = "";
    const heading = document.querySelector<HTMLElement>("main h1");
    heading?.focus({ preventScroll: false });
  }, [routeKey]);

  // The first frame that shows a replay: the benchmark's mark.
  const ready = state.load.status === "ready" && derived.replay !== null;
  useLayoutEffect(() => {
    if (ready) requestAnimationFrame(() => mark("first-render"));
  }, [ready]);

  const value = useMemo(() => ({ state, dispatch, derived }), [state, derived]);

  let body: ComponentChildren;
  if (state.load.status === "loading") body = <p class="status">Loading the corpus…</p>;
  else if (state.load.status === "error")
    body = (
      <div class="status error" role="alert">
        <h1 tabIndex={-1}>The corpus could not be loaded</h1>
        <p>{state.load.message}</p>
      </div>
    );
  else if (derived.good === null)
    body =
      state.route.view === "edit" ? (
        <EditorView />
      ) : (
        <div class="status error" role="alert">
          <h1 tabIndex={-1}>The corpus has errors</h1>
          <p>
            No replay can be shown until they are fixed.{" "}
            <a href={formatRoute({ view: "edit" })}>Open the editor</a>.
          </p>
        </div>
      );
  else if (state.route.view === "instrument") body = <InstrumentView id={state.route.id} />;
  else if (state.route.view === "edit") body = <EditorView />;
  else if (state.route.view === "what-if") body = <WhatIfView />;
  else body = <CorpusView />;

  return (
    <AppContext.Provider value={value}>
      {/* A button, not a link to #main: the hash holds the route. */}
      <button
        type="button"
        class="skip-link"
        onClick={() => document.getElementById("main")?.focus()}
      >
        Skip to content
      </button>
      <Header />
      <main id="main" tabIndex={-1}>
        {body}
      </main>
    </AppContext.Provider>
  );
}
