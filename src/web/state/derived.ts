// What the page computes from its state: the compiled working corpus, the replay under the chosen
// reading, the events it folded, and the extent of the data. Compiled again only when a document
// changes; replayed again only when the corpus or the reading changes.
import { useMemo, useRef } from "preact/hooks";
import { chooseReading, type Replay, selectEvents } from "../../engine/index.ts";
import type { Diagnostic, Event, Model } from "../../language/index.ts";
import { extentOf } from "../lib/bands.ts";
import { markTime } from "../lib/perf.ts";
import { Compiler, Workbench } from "../lib/pipeline.ts";
import { limitsFor, type ViewLimits } from "../lib/scale.ts";
import { type AppState, workingDocuments } from "./store.ts";

export interface Derived {
  readonly compiler: Compiler;
  /** The working corpus as it compiles now (perhaps with errors). */
  readonly current: Workbench | null;
  /** The last compilation without errors: what the timelines show. */
  readonly good: Workbench | null;
  /** True when the timelines show an older state because the working corpus has errors. */
  readonly stale: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly model: Model | null;
  readonly reading: string | null;
  readonly replay: Replay | null;
  readonly replayError: string | null;
  readonly events: readonly Event[];
  readonly extent: { readonly first: number; readonly last: number } | undefined;
  readonly limits: ViewLimits | undefined;
  /** Milliseconds the last compile and replay took. */
  readonly timing: { readonly compile: number; readonly replay: number };
}

export function useDerived(state: AppState): Derived {
  const compiler = useRef(new Compiler()).current;
  const good = useRef<Workbench | null>(null);
  const timing = useRef({ compile: 0, replay: 0 });

  const current = useMemo(() => {
    if (state.load.status !== "ready") return null;
    const t0 = performance.now();
    const bench = new Workbench(compiler.compile(workingDocuments(state)));
    timing.current = { compile: performance.now() - t0, replay: 0 };
    markTime("compile", t0);
    if (!bench.compilation.hasErrors) good.current = bench;
    return bench;
  }, [state.load.status, state.documents, state.drafts, compiler]);

  const shown = good.current;
  const replayed = useMemo(() => {
    if (shown === null) return null;
    const t0 = performance.now();
    const outcome = shown.replay(state.reading);
    timing.current = { ...timing.current, replay: performance.now() - t0 };
    markTime("replay", t0);
    return outcome;
  }, [shown, state.reading]);

  const reading = shown?.effectiveReading(state.reading) ?? null;
  const model = shown?.model ?? null;
  const replay = replayed?.ok ? replayed.replay : null;

  const events = useMemo(() => {
    if (model === null) return [];
    try {
      return selectEvents(model, chooseReading(model, reading ?? undefined));
    } catch {
      return model.events;
    }
  }, [model, reading]);

  const extent = useMemo(() => {
    if (replay === null) return undefined;
    return extentOf(
      [...replay.instruments.values()].map((t) => t.intervals),
      events.map((e) => e.date.first),
    );
  }, [replay, events]);

  const limits = useMemo(
    () => (extent === undefined ? undefined : limitsFor(extent.first, extent.last)),
    [extent],
  );

  return {
    compiler,
    current,
    good: shown,
    stale: current !== null && current !== shown,
    diagnostics: current?.compilation.diagnostics ?? [],
    model,
    reading,
    replay,
    replayError: replayed !== null && !replayed.ok ? replayed.message : null,
    events,
    extent,
    limits,
    timing: timing.current,
  };
}
