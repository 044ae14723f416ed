// The changes a what-if makes, earliest first: for each timeline, history and the what-if.
import type { Change } from "../../engine/index.ts";
import { formatDay, type Model } from "../../language/index.ts";
import { formatRoute } from "../lib/route.ts";
import { IntervalList } from "./IntervalList.tsx";

export function DiffList(props: { readonly changes: readonly Change[]; readonly model: Model }) {
  if (props.changes.length === 0) return null;
  const home = (id: string) =>
    props.model.instruments.has(id) ? id : props.model.provisions.get(id)?.instrument;
  return (
    <ol class="diff-list" aria-label="Changes">
      {props.changes.map((change) => {
        const instrument = home(change.id);
        return (
          <li key={`${change.kind}-${change.id}`} class="diff-item">
            <p>
              <span class="step-kind">{change.kind}</span>{" "}
              {instrument !== undefined ? (
                <a href={formatRoute({ view: "instrument", id: instrument })}>
                  <code>{change.id}</code>
                </a>
              ) : (
                <code>{change.id}</code>
              )}{" "}
              differs from <time dateTime={formatDay(change.from)}>{formatDay(change.from)}</time>
            </p>
            <div class="diff-columns">
              <div>
                <h4>History</h4>
                <IntervalList intervals={change.before} />
              </div>
              <div>
                <h4>What if</h4>
                <IntervalList intervals={change.after} />
              </div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
