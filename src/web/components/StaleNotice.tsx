// Said when the working documents have errors: the timelines show the last replay without them.
import { formatRoute } from "../lib/route.ts";
import { useApp } from "../state/context.ts";

export function StaleNotice() {
  const { state, derived } = useApp();
  if (!derived.stale && derived.replayError === null) return null;
  const errors = derived.diagnostics.filter((d) => d.severity === "error").length;
  return (
    <p class="notice warn" role="status">
      {derived.replayError !== null
        ? `The replay failed: ${derived.replayError}`
        : `The edited documents have ${errors} error${errors === 1 ? "" : "s"}: this is the last replay without errors.`}{" "}
      {state.route.view === "edit" ? null : (
        <a href={formatRoute({ view: "edit" })}>Open the editor</a>
      )}
    </p>
  );
}
