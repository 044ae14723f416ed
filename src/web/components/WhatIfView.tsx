// What if: a small form builds a what-if (events added, removed or moved, another reading); the
// page replays it and shows the difference from history on the timeline and as a list.
import { useMemo, useRef } from "preact/hooks";
import { chooseReading, selectEvents } from "../../engine/index.ts";
import { Compiler } from "../lib/pipeline.ts";
import { formatRoute } from "../lib/route.ts";
import { instrumentRows, marksFor, withChangedProvisions } from "../lib/rows.ts";
import { runWhatIf } from "../lib/run-what-if.ts";
import { buildWhatIfText } from "../lib/what-if.ts";
import { useApp } from "../state/context.ts";
import { workingDocuments } from "../state/store.ts";
import { DiffList } from "./DiffList.tsx";
import { Legend } from "./Legend.tsx";
import { Timeline } from "./Timeline.tsx";
import { WhatIfErrors } from "./WhatIfErrors.tsx";
import { WhatIfFormView } from "./WhatIfFormView.tsx";

export function WhatIfView() {
  const { state, dispatch, derived } = useApp();
  const compiler = useRef(new Compiler()).current;
  const run = state.whatIfRun;

  const rows = useMemo(() => {
    if (run === null || !run.ok) return [];
    let events = run.model.events;
    try {
      events = selectEvents(
        run.model,
        chooseReading(run.model, run.readings.counterfactual ?? undefined),
      );
    } catch {
      // An unknown reading was reported by the run; show every event.
    }
    const ids = run.changes.map((c) => c.id);
    const marks = marksFor(run.model, ids);
    const rows = instrumentRows(run.model, run.counterfactual, events, {
      marks,
      compare: run.actual,
    });
    return withChangedProvisions(rows, run.model, ids, run.counterfactual, run.actual);
  }, [run]);

  const onRun = (corpusWhatIf?: string) => {
    if (corpusWhatIf !== undefined) {
      dispatch({
        type: "what-if-ran",
        run: runWhatIf(compiler, workingDocuments(state), "", corpusWhatIf, state.reading),
      });
      return;
    }
    const built = buildWhatIfText(state.whatIf);
    if (built.errors.length > 0) {
      dispatch({ type: "what-if-ran", run: { ok: false, errors: built.errors, diagnostics: [] } });
      return;
    }
    dispatch({
      type: "what-if-ran",
      run: runWhatIf(compiler, workingDocuments(state), built.text, state.whatIf.id, state.reading),
    });
  };

  return (
    <div class="what-if-view">
      <div class="what-if-form-pane">
        <h1 tabIndex={-1}>What if</h1>
        <p class="lede">
          Change history and see what would have followed, replayed in this page against{" "}
          {derived.reading === null ? "history" : `history under the reading ${derived.reading}`}.
        </p>
        <WhatIfFormView onRun={onRun} />
      </div>
      <section class="what-if-result" aria-labelledby="what-if-result-title" aria-live="polite">
        <h2 id="what-if-result-title" tabIndex={-1}>
          Difference from history
        </h2>
        {run === null ? (
          <p class="muted">Build a what-if and run it: the rows it changes are marked here.</p>
        ) : !run.ok ? (
          <WhatIfErrors run={run} />
        ) : (
          <>
            <p>
              <strong>{run.whatIf.description || run.whatIf.id}</strong>:{" "}
              {run.changes.length === 0
                ? "nothing would have changed."
                : `${run.changes.length} timeline${run.changes.length === 1 ? "" : "s"} would have changed.`}
              {run.readings.counterfactual !== run.readings.actual
                ? ` Replayed under the reading ${run.readings.counterfactual ?? "(none)"}.`
                : ""}
            </p>
            <Timeline
              rows={rows}
              label="Instruments under the what-if"
              linkFor={(id) =>
                formatRoute({
                  view: "instrument",
                  id: run.model.provisions.get(id)?.instrument ?? id,
                })
              }
              markText="by the what-if"
            />
            <p class="muted small">
              Marked rows changed; the thin strip under a marked row is history as it was.
            </p>
            <Legend kind="instrument" />
            {rows.some((r) => r.id.includes(".")) ? <Legend kind="provision" /> : null}
            <DiffList changes={run.changes} model={run.model} />
          </>
        )}
      </section>
    </div>
  );
}
