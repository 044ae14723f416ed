// Why the selected provision (or instrument) stood as it did on the selected day: the chain of
// states it rested on, each with its reason and sources.
import { useEffect, useMemo, useRef } from "preact/hooks";
import { explain } from "../../engine/index.ts";
import { formatDay } from "../../language/index.ts";
import { longDate } from "../lib/format.ts";
import { useApp } from "../state/context.ts";
import { ExplainStepView } from "./ExplainStepView.tsx";

export function ExplanationPanel(props: { readonly instrument: string }) {
  const { state, dispatch, derived } = useApp();
  const { model, replay } = derived;
  const selection = state.selection;
  const explanation = useMemo(() => {
    if (model === null || replay === null || selection === null) return undefined;
    return explain(replay, model, selection.id, selection.day);
  }, [model, replay, selection]);
  const panel = useRef<HTMLElement>(null);
  // On a narrow screen the panel comes after the articles: bring it into view when it changes.
  useEffect(() => {
    const element = panel.current;
    if (element === null || selection === null) return;
    const rect = element.getBoundingClientRect();
    if (rect.top > window.innerHeight || rect.bottom < 0)
      element.scrollIntoView({ block: "start" });
  }, [selection]);
  const belongs =
    selection !== null &&
    (selection.id === props.instrument ||
      model?.provisions.get(selection.id)?.instrument === props.instrument);
  return (
    <aside class="explanation-panel" aria-labelledby="explanation-title" ref={panel}>
      <h2 id="explanation-title" tabIndex={-1}>
        Explanation
      </h2>
      {!belongs || selection === null ? (
        <p class="muted">Select a state band of a provision to see why it stood so.</p>
      ) : explanation === undefined || explanation.steps.length === 0 ? (
        <p class="muted">
          {selection.id} had no state on {formatDay(selection.day)}.
        </p>
      ) : (
        <div class="explanation">
          <p>
            Why <code>{explanation.id}</code> stood as it did on{" "}
            <time dateTime={formatDay(selection.day)}>{longDate(selection.day)}</time>:
          </p>
          <ol class="steps">
            {explanation.steps.map((step, i) => (
              <ExplainStepView key={`${step.id}-${i}`} step={step} depth={0} />
            ))}
          </ol>
          <button
            type="button"
            class="link-button"
            onClick={() => dispatch({ type: "select", selection: null })}
          >
            Close the explanation
          </button>
        </div>
      )}
    </aside>
  );
}
