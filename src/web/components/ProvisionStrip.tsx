// The state bands of one provision on the shared time window. Each band is a button that opens
// the explanation of that state.
import { useRef } from "preact/hooks";
import { layoutBands } from "../lib/bands.ts";
import { span } from "../lib/format.ts";
import { toRowIntervals } from "../lib/rows.ts";
import { makeScale, ticks, type View } from "../lib/scale.ts";
import { stateLabel, stateStyle } from "../lib/states.ts";
import { useApp } from "../state/context.ts";
import { useWidth } from "../state/use-width.ts";

const axisH = 14;
const bandH = 20;

export function ProvisionStrip(props: {
  readonly id: string;
  readonly label: string;
  readonly view: View;
}) {
  const { state, dispatch, derived } = useApp();
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  const timeline = derived.replay?.provisions.get(props.id);
  const intervals = toRowIntervals(timeline);
  const scale = makeScale(props.view, width);
  const bands = layoutBands(intervals, scale, derived.extent?.last ?? props.view.end, 3);
  const selected = state.selection;
  const height = axisH + bandH + 2;
  const cursorX = scale.x(state.cursor + 0.5);
  const select = (index: number) => {
    const interval = intervals[index];
    if (interval === undefined) return;
    const inside =
      state.cursor >= interval.from && (interval.until === null || state.cursor < interval.until);
    dispatch({
      type: "select",
      selection: { id: props.id, day: inside ? state.cursor : interval.from },
    });
  };
  return (
    <div class="provision-strip" ref={ref}>
      {intervals.length === 0 ? (
        <p class="muted small">No state in the replay (its instrument never stood).</p>
      ) : (
        <>
          <svg class="strip-axis" width={scale.width} height={height} aria-hidden="true">
            {ticks(scale, 64).map((t) => {
              const x = Math.round(scale.x(t.day)) + 0.5;
              return (
                <g key={t.day} class="tick">
                  <line x1={x} x2={x} y1={axisH - 3} y2={height} />
                  {x + 30 < scale.width ? (
                    <text x={x + 2} y={axisH - 4}>
                      {t.label}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </svg>
          <svg class="strip-bands" width={scale.width} height={height}>
            <title>{`States of ${props.label}`}</title>
            {bands.map((band) => {
              const interval = intervals[band.index]!;
              const style = stateStyle(band.state);
              const isSelected =
                selected !== null &&
                selected.id === props.id &&
                selected.day >= interval.from &&
                (interval.until === null || selected.day < interval.until);
              const label = `${props.label}: ${stateLabel(band.state)} ${span(interval.from, interval.until)}`;
              return (
                // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it acts as one
                <rect
                  key={band.index}
                  class={`band band-button${isSelected ? " selected" : ""}`}
                  x={band.x}
                  y={axisH}
                  width={band.width}
                  height={bandH}
                  rx={2}
                  fill={style.fill}
                  role="button"
                  tabIndex={0}
                  aria-label={`${label}. Explain`}
                  aria-pressed={isSelected}
                  data-state={band.state}
                  onClick={() => select(band.index)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" || e.key === " ") {
                      e.preventDefault();
                      select(band.index);
                    }
                  }}
                >
                  <title>{`${label}. ${interval.summary}`}</title>
                </rect>
              );
            })}
          </svg>
          {cursorX >= 0 && cursorX <= scale.width ? (
            <div class="strip-cursor-line" style={{ left: `${cursorX}px` }} aria-hidden="true" />
          ) : null}
        </>
      )}
    </div>
  );
}
