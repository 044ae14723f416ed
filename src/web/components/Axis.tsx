// The time axis of a timeline: tick labels on top and grid lines down through the rows.
import { type Scale, ticks } from "../lib/scale.ts";

export function Axis(props: {
  readonly scale: Scale;
  readonly height: number;
  readonly axisHeight: number;
}) {
  const { scale, height, axisHeight } = props;
  return (
    <g class="axis">
      <rect class="axis-bg" x={0} y={0} width={scale.width} height={axisHeight} />
      {ticks(scale).map((tick) => {
        const x = Math.round(scale.x(tick.day)) + 0.5;
        return (
          <g key={tick.day} class={tick.major ? "tick major" : "tick"}>
            <line x1={x} x2={x} y1={axisHeight - 6} y2={height} />
            <text x={x + 3} y={axisHeight - 10}>
              {tick.label}
            </text>
          </g>
        );
      })}
      <line class="axis-line" x1={0} x2={scale.width} y1={axisHeight - 0.5} y2={axisHeight - 0.5} />
    </g>
  );
}
