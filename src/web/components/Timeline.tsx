// A zoomable, pannable timeline of rows of state bands, with an axis and the date cursor, drawn as
// SVG. Wheel or pinch zooms, dragging pans, a click or a drag of the cursor moves the date; the
// plot is a slider for the keyboard (arrows move the date, + and - zoom, [ and ] pan).
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { formatDay } from "../../language/index.ts";
import { stepCursor } from "../lib/cursor.ts";
import { longDate } from "../lib/format.ts";
import type { TimelineRow } from "../lib/rows.ts";
import { fitView, makeScale, panView, type View, zoomView } from "../lib/scale.ts";
import { useApp } from "../state/context.ts";
import { Axis } from "./Axis.tsx";
import { DateCursor } from "./DateCursor.tsx";
import { HatchPatterns } from "./HatchPatterns.tsx";
import { TimelineRowView } from "./TimelineRowView.tsx";
import { ZoomControls } from "./ZoomControls.tsx";

export const axisHeight = 28;
export const rowHeight = 28;

export interface TimelineProps {
  readonly rows: readonly TimelineRow[];
  /** The accessible name of the timeline. */
  readonly label: string;
  /** Where a row's label links to. */
  readonly linkFor?: (id: string) => string | undefined;
  /** Text for the marks of rows (`changed under the what-if`). */
  readonly markText?: string;
  /** Whether to show the zoom buttons (off for a second timeline sharing the first's window). */
  readonly controls?: boolean;
}

interface Drag {
  readonly pointer: number;
  readonly startX: number;
  readonly startView: View;
  readonly mode: "pan" | "cursor";
  moved: boolean;
}

export function Timeline(props: TimelineProps) {
  const { state, dispatch, derived } = useApp();
  const plotRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  const helpId = useId();
  const patternPrefix = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const limits = derived.limits;
  const view =
    state.view ?? (derived.extent ? fitView(derived.extent.first, derived.extent.last) : null);
  // The plot exists only once there is data: the effects below attach to it then.
  const shown = view !== null && limits !== undefined;

  useEffect(() => {
    const element = plotRef.current;
    if (element === null) return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w !== undefined && w > 0) setWidth(Math.round(w));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown]);

  // The latest values, for handlers attached once.
  const latest = useRef({ view, limits, width, cursor: state.cursor });
  latest.current = { view, limits, width, cursor: state.cursor };
  const drag = useRef<Drag | null>(null);
  const pointers = useRef(new Map<number, number>());
  const pinch = useRef<{ distance: number; view: View } | null>(null);

  // Wheel zooms around the pointer (a trackpad pinch arrives as a wheel with ctrlKey); a
  // horizontal wheel pans. Attached by hand so that it may prevent the page from scrolling.
  useEffect(() => {
    const element = plotRef.current;
    if (element === null) return;
    const onWheel = (e: WheelEvent) => {
      const { view: v, limits: l, width: w } = latest.current;
      if (v === null || l === undefined) return;
      e.preventDefault();
      const scale = makeScale(v, w);
      const rect = element.getBoundingClientRect();
      if (Math.abs(e.deltaX) > Math.abs(e.deltaY) || e.shiftKey) {
        const delta = e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX;
        dispatch({ type: "view", view: panView(v, delta / scale.k, l) });
        return;
      }
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      const factor = Math.exp((-e.deltaY * unit * (e.ctrlKey ? 4 : 1)) / 500);
      const focus = scale.day(e.clientX - rect.left);
      dispatch({ type: "view", view: zoomView(v, factor, focus, l) });
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, [dispatch, shown]);

  if (view === null || limits === undefined) return null;
  const scale = makeScale(view, width);
  const height = axisHeight + props.rows.length * rowHeight + 6;
  const dataEnd = derived.extent?.last ?? view.end;

  const xOf = (e: PointerEvent) => {
    const rect = plotRef.current?.getBoundingClientRect();
    return rect === undefined ? 0 : e.clientX - rect.left;
  };

  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0 && e.pointerType === "mouse") return;
    const x = xOf(e);
    pointers.current.set(e.pointerId, x);
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    if (pointers.current.size === 2) {
      const [a, b] = [...pointers.current.values()];
      pinch.current = { distance: Math.abs((a ?? 0) - (b ?? 0)) || 1, view };
      drag.current = null;
      return;
    }
    const nearCursor = Math.abs(scale.x(state.cursor) - x) < 10;
    const onHandle = (e.target as Element).closest?.("[data-cursor-handle]") !== null;
    drag.current = {
      pointer: e.pointerId,
      startX: x,
      startView: view,
      mode: onHandle || nearCursor ? "cursor" : "pan",
      moved: false,
    };
  };

  const onPointerMove = (e: PointerEvent) => {
    if (!pointers.current.has(e.pointerId)) return;
    const x = xOf(e);
    pointers.current.set(e.pointerId, x);
    if (pinch.current !== null && pointers.current.size === 2) {
      const [a, b] = [...pointers.current.values()];
      const distance = Math.abs((a ?? 0) - (b ?? 0)) || 1;
      const mid = ((a ?? 0) + (b ?? 0)) / 2;
      const start = makeScale(pinch.current.view, width);
      dispatch({
        type: "view",
        view: zoomView(
          pinch.current.view,
          distance / pinch.current.distance,
          start.day(mid),
          limits,
        ),
      });
      return;
    }
    const d = drag.current;
    if (d === null || d.pointer !== e.pointerId) return;
    if (!d.moved && Math.abs(x - d.startX) < 4) return;
    d.moved = true;
    if (d.mode === "cursor") dispatch({ type: "cursor", day: Math.floor(scale.day(x)) });
    else {
      const k = makeScale(d.startView, width).k;
      dispatch({ type: "view", view: panView(d.startView, -(x - d.startX) / k, limits) });
    }
  };

  const onPointerUp = (e: PointerEvent) => {
    pointers.current.delete(e.pointerId);
    if (pointers.current.size < 2) pinch.current = null;
    const d = drag.current;
    if (d === null || d.pointer !== e.pointerId) return;
    drag.current = null;
    if (!d.moved) dispatch({ type: "cursor", day: Math.floor(scale.day(xOf(e))) });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const center =
      state.cursor >= view.start && state.cursor <= view.end
        ? state.cursor
        : (view.start + view.end) / 2;
    const span = view.end - view.start;
    let next: View | undefined;
    switch (e.key) {
      case "+":
      case "=":
        next = zoomView(view, 1.5, center, limits);
        break;
      case "-":
      case "_":
        next = zoomView(view, 1 / 1.5, center, limits);
        break;
      case "[":
        next = panView(view, -span / 4, limits);
        break;
      case "]":
        next = panView(view, span / 4, limits);
        break;
      case "0":
        if (derived.extent) next = fitView(derived.extent.first, derived.extent.last);
        break;
    }
    if (next !== undefined) {
      e.preventDefault();
      dispatch({ type: "view", view: next });
      return;
    }
    const day = stepCursor(state.cursor, e.key, e.shiftKey, derived.extent);
    if (day !== undefined) {
      e.preventDefault();
      dispatch({ type: "cursor", day, reveal: true });
    }
  };

  return (
    <section class="timeline" aria-label={props.label}>
      {props.controls === false ? null : <ZoomControls view={view} />}
      <div class="timeline-body">
        <ul class="timeline-labels" style={{ paddingTop: `${axisHeight}px` }}>
          {props.rows.map((row) => {
            const href = props.linkFor?.(row.id);
            const mark =
              row.mark === undefined ? null : (
                <span class={`row-mark row-mark-${row.mark}`}>
                  {row.mark === "changed" ? "changed" : "provisions changed"}
                  {props.markText ? <span class="sr-only"> {props.markText}</span> : null}
                </span>
              );
            return (
              <li
                key={row.id}
                style={{ height: `${rowHeight}px` }}
                class={row.mark ? "marked" : ""}
              >
                {href === undefined ? (
                  <span class="row-label" title={row.title}>
                    {row.label}
                  </span>
                ) : (
                  <a class="row-label" href={href} title={row.title}>
                    {row.label}
                  </a>
                )}
                {mark}
              </li>
            );
          })}
        </ul>
        <div
          class="timeline-plot"
          ref={plotRef}
          role="slider"
          tabIndex={0}
          aria-label={`${props.label}: date cursor`}
          aria-describedby={helpId}
          aria-valuemin={Math.ceil(limits.min)}
          aria-valuemax={Math.floor(limits.max)}
          aria-valuenow={state.cursor}
          aria-valuetext={`${formatDay(state.cursor)} (${longDate(state.cursor)})`}
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          <svg width={scale.width} height={height} aria-hidden="true" class="timeline-svg">
            <HatchPatterns prefix={patternPrefix} />
            <Axis scale={scale} height={height} axisHeight={axisHeight} />
            {props.rows.map((row, i) => (
              <TimelineRowView
                key={row.id}
                row={row}
                scale={scale}
                y={axisHeight + i * rowHeight}
                height={rowHeight}
                openEnd={dataEnd}
                patternPrefix={patternPrefix}
              />
            ))}
            <DateCursor
              x={scale.x(state.cursor + 0.5)}
              height={height}
              day={state.cursor}
              width={scale.width}
            />
          </svg>
        </div>
      </div>
      <p id={helpId} class="sr-only">
        Left and right arrows move the date by a day, with Shift by a month; Page Up and Page Down
        by a year; Home and End go to the first and last event. Plus and minus zoom, the brackets
        pan, zero shows everything.
      </p>
    </section>
  );
}
