// Chooses the reading the replay follows; switching replays at once and records what moved.
import { readingDiff } from "../lib/pipeline.ts";
import { useApp } from "../state/context.ts";

export function ReadingSelect() {
  const { dispatch, derived } = useApp();
  const model = derived.model;
  const bench = derived.good;
  if (model === null || bench === null) return null;
  const readings = [...model.readings.values()];
  const onChange = (value: string) => {
    const to = value === "" ? null : value;
    const from = derived.reading;
    const changes = readingDiff(bench, from, to);
    dispatch({
      type: "reading",
      reading: to,
      moved: { from, to: bench.effectiveReading(to), changes },
    });
  };
  return (
    <label class="field">
      <span>Reading</span>
      <select
        value={derived.reading ?? ""}
        onChange={(e) => onChange(e.currentTarget.value)}
        disabled={readings.length === 0}
      >
        {readings.length === 0 || !model.readings.has("default") ? (
          <option value="">(first claims)</option>
        ) : null}
        {readings.map((r) => (
          <option key={r.id} value={r.id} title={r.description}>
            {r.id}
          </option>
        ))}
      </select>
    </label>
  );
}
