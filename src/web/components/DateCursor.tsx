// The date cursor: a line through the rows with a handle and the date on the axis.
import { formatDay } from "../../language/index.ts";

export function DateCursor(props: {
  readonly x: number;
  readonly height: number;
  readonly day: number;
  readonly width: number;
}) {
  const { x, height, day, width } = props;
  if (x < -20 || x > width + 20) return null;
  const label = formatDay(day);
  const labelWidth = 76;
  const lx = Math.min(Math.max(0, x - labelWidth / 2), Math.max(0, width - labelWidth));
  return (
    <g class="date-cursor" data-cursor-handle="">
      <line x1={x} x2={x} y1={0} y2={height} />
      <rect class="cursor-hit" x={x - 6} y={0} width={12} height={height} />
      <rect class="cursor-label-bg" x={lx} y={1} width={labelWidth} height={17} rx={3} />
      <text class="cursor-label" x={lx + labelWidth / 2} y={14} text-anchor="middle">
        {label}
      </text>
    </g>
  );
}
