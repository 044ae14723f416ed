// The page's state and the one reducer that changes it. Derived things (the compiled model, the
// replays) are computed from it in hooks (state/derived.ts); nothing here touches the DOM.
import type { Change } from "../../engine/index.ts";
import type { Diagnostic } from "../../language/index.ts";
import type { CorpusDocument } from "../lib/api.ts";
import type { Route } from "../lib/route.ts";
import type { WhatIfRun } from "../lib/run-what-if.ts";
import { revealDay, type View } from "../lib/scale.ts";
import type { WhatIfChange, WhatIfForm } from "../lib/what-if.ts";

export type LoadState =
  | { readonly status: "loading" }
  | { readonly status: "error"; readonly message: string }
  | { readonly status: "ready" };

export type SaveState =
  | { readonly status: "idle" }
  | { readonly status: "saving"; readonly file: string }
  | { readonly status: "saved"; readonly file: string; readonly version: number }
  | {
      readonly status: "refused";
      readonly file: string;
      /** The HTTP status of the refusal: 422 (errors), 401 (no or wrong write token), … */
      readonly httpStatus: number;
      readonly message: string;
      readonly diagnostics: readonly Diagnostic[];
    };

/** What switching reading moved: the ids that changed and the two readings. */
export interface ReadingMove {
  readonly from: string | null;
  readonly to: string | null;
  readonly changes: readonly Change[];
}

/** What the explanation panel shows: a provision or instrument on a day. */
export interface Selection {
  readonly id: string;
  readonly day: number;
}

export interface AppState {
  readonly load: LoadState;
  /** The documents as the server has them, in the server's order. */
  readonly documents: readonly CorpusDocument[];
  /** Edited texts not saved yet, by file. */
  readonly drafts: Readonly<Record<string, string>>;
  readonly route: Route;
  /** The chosen reading; null: the model's default. */
  readonly reading: string | null;
  readonly cursor: number;
  /** The window of the timelines; null until the corpus is first shown (then: fit to data). */
  readonly view: View | null;
  readonly selection: Selection | null;
  readonly moved: ReadingMove | null;
  readonly save: SaveState;
  readonly whatIf: WhatIfForm;
  readonly whatIfRun: WhatIfRun | null;
}

export type Action =
  | { readonly type: "loaded"; readonly documents: readonly CorpusDocument[] }
  | { readonly type: "load-failed"; readonly message: string }
  | { readonly type: "route"; readonly route: Route }
  | {
      readonly type: "reading";
      readonly reading: string | null;
      readonly moved: ReadingMove | null;
    }
  | { readonly type: "dismiss-moved" }
  /** Moves the cursor; with `reveal`, shifts the timelines' window to show it. */
  | { readonly type: "cursor"; readonly day: number; readonly reveal?: boolean }
  | { readonly type: "view"; readonly view: View }
  | { readonly type: "select"; readonly selection: Selection | null }
  | { readonly type: "draft"; readonly file: string; readonly text: string }
  | { readonly type: "revert"; readonly file: string }
  | { readonly type: "saving"; readonly file: string }
  | {
      readonly type: "saved";
      readonly file: string;
      readonly version: number;
      readonly text: string;
    }
  | {
      readonly type: "save-refused";
      readonly file: string;
      readonly httpStatus: number;
      readonly message: string;
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly type: "what-if-form"; readonly form: WhatIfForm }
  | { readonly type: "what-if-change"; readonly index: number; readonly change: WhatIfChange }
  | { readonly type: "what-if-add"; readonly change: WhatIfChange }
  | { readonly type: "what-if-remove"; readonly index: number }
  | { readonly type: "what-if-ran"; readonly run: WhatIfRun | null };

export const emptyWhatIf: WhatIfForm = {
  id: "web-what-if",
  description: "What if, asked in the web app",
  changes: [],
  reading: "",
};

export function initialState(route: Route, cursor: number): AppState {
  return {
    load: { status: "loading" },
    documents: [],
    drafts: {},
    route,
    reading: null,
    cursor,
    view: null,
    selection: null,
    moved: null,
    save: { status: "idle" },
    whatIf: emptyWhatIf,
    whatIfRun: null,
  };
}

function withoutKey(record: Readonly<Record<string, string>>, key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) if (k !== key) out[k] = v;
  return out;
}

export function reducer(state: AppState, action: Action): AppState {
  switch (action.type) {
    case "loaded":
      return { ...state, load: { status: "ready" }, documents: action.documents };
    case "load-failed":
      return { ...state, load: { status: "error", message: action.message } };
    case "route":
      return { ...state, route: action.route };
    case "reading":
      return { ...state, reading: action.reading, moved: action.moved };
    case "dismiss-moved":
      return { ...state, moved: null };
    case "cursor": {
      const cursor = Math.round(action.day);
      const view =
        action.reveal === true && state.view !== null ? revealDay(state.view, cursor) : state.view;
      return cursor === state.cursor && view === state.view ? state : { ...state, cursor, view };
    }
    case "view":
      return { ...state, view: action.view };
    case "select":
      return { ...state, selection: action.selection };
    case "draft": {
      const saved = state.documents.find((d) => d.file === action.file);
      const drafts =
        saved !== undefined && saved.text === action.text
          ? withoutKey(state.drafts, action.file)
          : { ...state.drafts, [action.file]: action.text };
      const save =
        state.save.status === "saved" || state.save.status === "refused"
          ? ({ status: "idle" } as const)
          : state.save;
      return { ...state, drafts, save };
    }
    case "revert":
      return { ...state, drafts: withoutKey(state.drafts, action.file), save: { status: "idle" } };
    case "saving":
      return { ...state, save: { status: "saving", file: action.file } };
    case "saved": {
      const exists = state.documents.some((d) => d.file === action.file);
      const doc = { file: action.file, version: action.version, text: action.text };
      const documents = exists
        ? state.documents.map((d) => (d.file === action.file ? doc : d))
        : [...state.documents, doc];
      // The draft goes only if it is what was saved: typing during the save keeps a draft.
      const drafts =
        state.drafts[action.file] === action.text || state.drafts[action.file] === undefined
          ? withoutKey(state.drafts, action.file)
          : state.drafts;
      return {
        ...state,
        documents,
        drafts,
        save: { status: "saved", file: action.file, version: action.version },
      };
    }
    case "save-refused":
      return {
        ...state,
        save: {
          status: "refused",
          file: action.file,
          httpStatus: action.httpStatus,
          message: action.message,
          diagnostics: action.diagnostics,
        },
      };
    case "what-if-form":
      return { ...state, whatIf: action.form };
    case "what-if-change":
      return {
        ...state,
        whatIf: {
          ...state.whatIf,
          changes: state.whatIf.changes.map((c, i) => (i === action.index ? action.change : c)),
        },
      };
    case "what-if-add":
      return {
        ...state,
        whatIf: { ...state.whatIf, changes: [...state.whatIf.changes, action.change] },
      };
    case "what-if-remove":
      return {
        ...state,
        whatIf: {
          ...state.whatIf,
          changes: state.whatIf.changes.filter((_, i) => i !== action.index),
        },
      };
    case "what-if-ran":
      return { ...state, whatIfRun: action.run };
  }
}

/** The documents as the page works on them: saved texts with the drafts in their place. */
export function workingDocuments(
  state: Pick<AppState, "documents" | "drafts">,
): { file: string; text: string }[] {
  return state.documents.map((d) => ({ file: d.file, text: state.drafts[d.file] ?? d.text }));
}
