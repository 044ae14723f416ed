// Buttons to zoom and pan the timelines, and to show everything.
import { fitView, panView, type View, zoomView } from "../lib/scale.ts";
import { useApp } from "../state/context.ts";

export function ZoomControls(props: { readonly view: View }) {
  const { state, dispatch, derived } = useApp();
  const limits = derived.limits;
  if (limits === undefined) return null;
  const { view } = props;
  const span = view.end - view.start;
  const focus =
    state.cursor >= view.start && state.cursor <= view.end
      ? state.cursor
      : (view.start + view.end) / 2;
  const set = (next: View) => dispatch({ type: "view", view: next });
  return (
    <fieldset class="zoom-controls">
      <legend class="sr-only">Zoom and pan</legend>
      <button
        type="button"
        onClick={() => set(panView(view, -span / 3, limits))}
        aria-label="Earlier"
      >
        ◀
      </button>
      <button
        type="button"
        onClick={() => set(zoomView(view, 1 / 1.6, focus, limits))}
        aria-label="Zoom out"
      >
        −
      </button>
      <button
        type="button"
        onClick={() => set(zoomView(view, 1.6, focus, limits))}
        aria-label="Zoom in"
      >
        +
      </button>
      <button type="button" onClick={() => set(panView(view, span / 3, limits))} aria-label="Later">
        ▶
      </button>
      <button
        type="button"
        onClick={() => {
          if (derived.extent) set(fitView(derived.extent.first, derived.extent.last));
        }}
      >
        Show all
      </button>
    </fieldset>
  );
}
