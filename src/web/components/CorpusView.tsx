// Every instrument on one timeline, the facts that held on another below it (same window), with
// what stood and fell due on the cursor's day beside them.
import { useMemo } from "preact/hooks";
import { formatRoute } from "../lib/route.ts";
import { factRows, instrumentRows, marksFor } from "../lib/rows.ts";
import { useApp } from "../state/context.ts";
import { CursorPanel } from "./CursorPanel.tsx";
import { Legend } from "./Legend.tsx";
import { MovedNotice } from "./MovedNotice.tsx";
import { StaleNotice } from "./StaleNotice.tsx";
import { Timeline } from "./Timeline.tsx";

export function CorpusView() {
  const { state, derived } = useApp();
  const { model, replay, events } = derived;
  const moved = state.moved;
  const rows = useMemo(() => {
    if (model === null || replay === null) return [];
    const marks =
      moved === null
        ? undefined
        : marksFor(
            model,
            moved.changes.map((c) => c.id),
          );
    return instrumentRows(model, replay, events, marks === undefined ? {} : { marks });
  }, [model, replay, events, moved]);
  const facts = useMemo(() => (replay === null ? [] : factRows(replay)), [replay]);
  if (model === null || replay === null) return null;
  return (
    <div class="corpus-view">
      <div class="view-main">
        <h1 tabIndex={-1}>Corpus</h1>
        <p class="lede">
          {model.instruments.size} instruments, {model.provisions.size} provisions, {events.length}{" "}
          events replayed under the reading <strong>{derived.reading ?? "(none)"}</strong>.
        </p>
        <StaleNotice />
        <MovedNotice />
        <Timeline
          rows={rows}
          label="Instruments"
          linkFor={(id) => formatRoute({ view: "instrument", id })}
          markText="by the change of reading"
        />
        <Legend kind="instrument" />
        {facts.length > 0 ? (
          <>
            <h2>Facts</h2>
            <Timeline rows={facts} label="Facts" controls={false} />
          </>
        ) : null}
      </div>
      <CursorPanel />
    </div>
  );
}
