// After a change of reading: what moved, listed, with the rows marked on the timeline.
import { formatDay } from "../../language/index.ts";
import { formatRoute } from "../lib/route.ts";
import { useApp } from "../state/context.ts";

export function MovedNotice() {
  const { state, dispatch, derived } = useApp();
  const moved = state.moved;
  if (moved === null || derived.model === null) return null;
  const model = derived.model;
  const shown = moved.changes.filter((c) => c.kind !== "fact");
  return (
    <div class="notice moved" role="status">
      <p>
        <strong>
          Reading {moved.from ?? "(none)"} → {moved.to ?? "(none)"}:
        </strong>{" "}
        {shown.length === 0
          ? "nothing moved."
          : `${shown.length} timeline${shown.length === 1 ? "" : "s"} moved.`}
        <button
          type="button"
          class="link-button"
          onClick={() => dispatch({ type: "dismiss-moved" })}
        >
          Dismiss
        </button>
      </p>
      {shown.length > 0 ? (
        <ul>
          {shown.slice(0, 12).map((c) => {
            const instrument = model.instruments.has(c.id)
              ? c.id
              : (model.provisions.get(c.id)?.instrument ?? c.id);
            return (
              <li key={c.id}>
                <a href={formatRoute({ view: "instrument", id: instrument })}>{c.id}</a> from{" "}
                {formatDay(c.from)}: {c.before[0]?.state ?? "nothing"} →{" "}
                {c.after[0]?.state ?? "nothing"}
              </li>
            );
          })}
          {shown.length > 12 ? <li>and {shown.length - 12} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
