// One row of a timeline: the state bands, the key events as ticks, and, for a row a what-if
// changed, the history it is compared with as a thin strip underneath.
import { formatDay } from "../../language/index.ts";
import { layoutBands } from "../lib/bands.ts";
import { span } from "../lib/format.ts";
import type { TimelineRow } from "../lib/rows.ts";
import type { Scale } from "../lib/scale.ts";
import { stateLabel, stateStyle } from "../lib/states.ts";

export function TimelineRowView(props: {
  readonly row: TimelineRow;
  readonly scale: Scale;
  readonly y: number;
  readonly height: number;
  readonly openEnd: number;
  readonly patternPrefix: string;
}) {
  const { row, scale, y, height, openEnd, patternPrefix } = props;
  const bandY = 5;
  const bandH = row.compare ? height - 15 : height - 10;
  const bands = layoutBands(row.intervals, scale, openEnd);
  const compare = row.compare ? layoutBands(row.compare, scale, openEnd) : [];
  return (
    <g class={`row${row.mark ? " row-marked" : ""}`} transform={`translate(0,${y})`}>
      {row.mark ? (
        <rect class="row-mark-bg" x={0} y={0} width={scale.width} height={height} />
      ) : null}
      <line class="row-rule" x1={0} x2={scale.width} y1={height - 0.5} y2={height - 0.5} />
      {bands.map((band) => {
        const interval = row.intervals[band.index]!;
        const style = stateStyle(band.state);
        return (
          <g key={band.index}>
            <rect
              class="band"
              x={band.x}
              y={bandY}
              width={band.width}
              height={bandH}
              fill={style.fill}
              rx={2}
            >
              <title>{`${row.id}: ${stateLabel(band.state)} ${span(interval.from, interval.until)}. ${interval.summary}`}</title>
            </rect>
            {style.hatch ? (
              <rect
                class="band-hatch"
                x={band.x}
                y={bandY}
                width={band.width}
                height={bandH}
                fill={`url(#${patternPrefix}-hatch)`}
                pointer-events="none"
              />
            ) : null}
            {band.width > 70 ? (
              <text
                class="band-label"
                x={band.x + 4}
                y={bandY + bandH / 2 + 4}
                fill={style.ink}
                pointer-events="none"
              >
                {stateLabel(band.state)}
              </text>
            ) : null}
          </g>
        );
      })}
      {compare.map((band) => (
        <rect
          key={`c${band.index}`}
          class="compare-band"
          x={band.x}
          y={height - 8}
          width={band.width}
          height={4}
          fill={stateStyle(band.state).fill}
        >
          <title>{`history: ${stateLabel(band.state)}`}</title>
        </rect>
      ))}
      {row.ticks.map((tick, i) => {
        const x = scale.x(tick.day + 0.5);
        if (x < 0 || x > scale.width) return null;
        return (
          <path
            key={`${tick.day}-${i}`}
            class="event-tick"
            d={`M${x - 3.5},1 L${x + 3.5},1 L${x},6 Z`}
          >
            <title>{`${formatDay(tick.day)}: ${tick.label}`}</title>
          </path>
        );
      })}
    </g>
  );
}
