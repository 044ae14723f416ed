// The date of the cursor as a date input: typing a date moves the cursor there.
import { formatDay } from "../../language/index.ts";
import { dayFromInput } from "../lib/format.ts";
import { useApp } from "../state/context.ts";

export function DateField() {
  const { state, dispatch, derived } = useApp();
  const limits = derived.limits;
  return (
    <label class="field">
      <span>Date</span>
      <input
        type="date"
        value={formatDay(state.cursor)}
        min={limits ? formatDay(Math.ceil(limits.min)) : undefined}
        max={limits ? formatDay(Math.floor(limits.max)) : undefined}
        onInput={(e) => {
          const day = dayFromInput(e.currentTarget.value);
          if (day !== undefined) dispatch({ type: "cursor", day, reveal: true });
        }}
      />
    </label>
  );
}
