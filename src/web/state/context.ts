// The page's state, its dispatcher and what is derived from it, handed to every component.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Derived } from "./derived.ts";
import type { Action, AppState } from "./store.ts";

export interface AppContextValue {
  readonly state: AppState;
  readonly dispatch: (action: Action) => void;
  readonly derived: Derived;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error("useApp outside the app");
  return value;
}
