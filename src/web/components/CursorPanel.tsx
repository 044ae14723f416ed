// What stood on the cursor's day: instruments by state, the provisions in effect, the
// deadlines falling due that day and next, and the facts that held.
import { useMemo } from "preact/hooks";
import { formatDay } from "../../language/index.ts";
import { summarizeDay } from "../lib/cursor.ts";
import { longDate } from "../lib/format.ts";
import { formatRoute } from "../lib/route.ts";
import { useApp } from "../state/context.ts";
import { StateChip } from "./StateChip.tsx";

export function CursorPanel() {
  const { state, dispatch, derived } = useApp();
  const { model, replay } = derived;
  const summary = useMemo(
    () => (model === null || replay === null ? null : summarizeDay(model, replay, state.cursor)),
    [model, replay, state.cursor],
  );
  if (summary === null) return null;
  const inForce = summary.instruments.filter((i) => i.state === "in-force");
  const others = summary.instruments.filter((i) => i.state !== "in-force");
  const byInstrument = new Map<string, typeof summary.provisions>();
  for (const p of summary.provisions) {
    const key = p.instrument ?? "";
    byInstrument.set(key, [...(byInstrument.get(key) ?? []), p]);
  }
  const link = (id: string) => formatRoute({ view: "instrument", id });
  return (
    <aside class="cursor-panel" aria-labelledby="cursor-panel-title">
      <h2 id="cursor-panel-title">
        On <time dateTime={formatDay(summary.day)}>{longDate(summary.day)}</time>
      </h2>
      <p class="sr-only" aria-live="polite">
        {`${inForce.length} in force, ${summary.dueToday.length} due that day`}
      </p>
      <div class="panel-body">
        <h3>In force ({inForce.length})</h3>
        {inForce.length === 0 ? (
          <p class="muted">No instrument in force.</p>
        ) : (
          <ul class="entries">
            {inForce.map((i) => (
              <li key={i.id}>
                <a href={link(i.id)}>{i.id}</a>
                <span class="muted"> since {formatDay(i.since)}</span>
              </li>
            ))}
          </ul>
        )}
        {others.length > 0 ? (
          <>
            <h3>Other instruments</h3>
            <ul class="entries">
              {others.map((i) => (
                <li key={i.id}>
                  <a href={link(i.id)}>{i.id}</a> <StateChip state={i.state} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h3>Due that day</h3>
        {summary.dueToday.length === 0 ? (
          <p class="muted">No deadline falls on this day.</p>
        ) : (
          <ul class="entries">
            {summary.dueToday.map((d) => (
              <li key={`${d.provision}-${d.due}`}>
                <a href={link(d.instrument)}>{d.provision}</a>: {d.limb}{" "}
                <span class="muted">({d.outcome})</span>
              </li>
            ))}
          </ul>
        )}
        {summary.dueNext.length > 0 ? (
          <>
            <h3>Next deadlines</h3>
            <ul class="entries">
              {summary.dueNext.map((d) => (
                <li key={`${d.provision}-${d.due}`}>
                  <button
                    type="button"
                    class="link-button"
                    onClick={() => dispatch({ type: "cursor", day: d.due, reveal: true })}
                    title="Move the date here"
                  >
                    {formatDay(d.due)}
                  </button>{" "}
                  <a href={link(d.instrument)}>{d.provision}</a>
                  {/* A limb that is the date itself would say the day twice. */}
                  {d.limb === formatDay(d.due) ? null : <span class="muted"> ({d.limb})</span>}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h3>Provisions in effect ({summary.provisions.length})</h3>
        {summary.provisions.length === 0 ? (
          <p class="muted">None.</p>
        ) : (
          <ul class="entries grouped">
            {[...byInstrument].map(([instrument, provisions]) => (
              <li key={instrument}>
                <a href={link(instrument)}>{instrument}</a>
                <ul>
                  {provisions.map((p) => (
                    <li key={p.id} title={p.summary}>
                      {model?.provisions.get(p.id)?.localId ?? p.id}
                      {p.state !== "in-effect" ? <StateChip state={p.state} /> : null}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
        {summary.facts.length > 0 ? (
          <>
            <h3>Facts that held ({summary.facts.length})</h3>
            <ul class="entries">
              {summary.facts.map((f) => (
                <li key={f.id} title={f.summary}>
                  {f.id}
                  <span class="muted"> since {formatDay(f.since)}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </aside>
  );
}
