import type { Change, Explanation, Interval, Replay } from "../engine/index.ts";
import { formatDay } from "../language/calendar/day.ts";
import type { Model } from "../language/model/model.ts";
import type { WhatIf } from "../language/model/what-if.ts";
import { pad, type Style } from "./style.ts";

function stateColor(state: string, style: Style): string {
  switch (state) {
    case "in-force":
    case "in-effect":
    case "holds":
      return style.green(state);
    case "fulfilled":
      return style.cyan(state);
    case "violated":
    case "void":
      return style.red(state);
    case "suspended":
    case "pending":
    case "signed":
      return style.yellow(state);
    default:
      return style.dim(state);
  }
}

function until(day: number | null): string {
  return day === null ? "…" : formatDay(day);
}

function intervalRow(interval: Interval<string>, style: Style, indent: string): string {
  return `${indent}${pad(stateColor(interval.state, style), 11)} ${formatDay(interval.from)} → ${pad(until(interval.until), 10)}  ${interval.reason.summary}`;
}

/**
 * Every instrument with its provisions, then every fact, each state interval on a line with its
 * reason.
 */
export function formatReplay(model: Model, replay: Replay, style: Style): string {
  const lines: string[] = [];
  const events = model.events.length;
  lines.push(
    style.bold(
      `Pacta replay · reading ${replay.reading ?? "(none)"} · ${model.instruments.size} instruments · ${model.provisions.size} provisions · ${events} events`,
    ),
  );
  const instruments = [...model.instruments.values()].sort((a, b) => {
    const fa = replay.instruments.get(a.id)?.intervals[0]?.from ?? Number.MAX_SAFE_INTEGER;
    const fb = replay.instruments.get(b.id)?.intervals[0]?.from ?? Number.MAX_SAFE_INTEGER;
    return fa - fb || (a.id < b.id ? -1 : 1);
  });
  for (const instrument of instruments) {
    lines.push("");
    lines.push(`${style.bold(instrument.id)}  ${style.dim(instrument.title)}`);
    const timeline = replay.instruments.get(instrument.id);
    if (!timeline || timeline.intervals.length === 0)
      lines.push(`  ${style.dim("never signed in the events recorded")}`);
    for (const interval of timeline?.intervals ?? [])
      lines.push(intervalRow(interval, style, "  "));
    for (const provisionId of instrument.provisions) {
      const provision = model.provisions.get(provisionId);
      const intervals = replay.provisions.get(provisionId)?.intervals ?? [];
      if (!provision) continue;
      const article = provision.article === undefined ? "" : `art. ${provision.article} `;
      lines.push(
        `  ${style.blue(provision.localId)}  ${style.dim(`${article}${provision.modality}: ${provision.title}`)}`,
      );
      for (const interval of intervals) lines.push(intervalRow(interval, style, "    "));
    }
  }
  // Facts (and, for facts with values, each value) that held at some time, in key order.
  const facts = [...replay.facts].filter(([, t]) => t.intervals.length > 0);
  if (facts.length > 0) {
    lines.push("");
    lines.push(style.bold("Facts"));
    for (const [key, timeline] of facts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      lines.push(`  ${style.blue(key)}`);
      for (const interval of timeline.intervals) lines.push(intervalRow(interval, style, "    "));
    }
  }
  return `${lines.join("\n")}\n`;
}

/** What stood on one day. */
export function formatStateAt(model: Model, replay: Replay, day: number, style: Style): string {
  const lines = [
    style.bold(`Pacta · ${formatDay(day)} · reading ${replay.reading ?? "(none)"}`),
    "",
  ];
  const width =
    Math.max(
      12,
      ...[...model.provisions.keys(), ...model.instruments.keys(), ...replay.facts.keys()].map(
        (k) => k.length,
      ),
    ) + 2;
  const section = (
    title: string,
    timelines: ReadonlyMap<string, { intervals: readonly Interval<string>[] }>,
  ) => {
    lines.push(style.bold(title));
    for (const [id, timeline] of timelines) {
      const interval = timeline.intervals.find(
        (i) => i.from <= day && (i.until === null || day < i.until),
      );
      if (!interval) continue;
      lines.push(
        `  ${pad(id, width)}${pad(stateColor(interval.state, style), 11)} since ${formatDay(interval.from)}  ${style.dim(interval.reason.summary)}`,
      );
    }
    lines.push("");
  };
  section("Instruments", replay.instruments);
  section("Provisions", replay.provisions);
  if ([...replay.facts.values()].some((t) => t.intervals.length > 0))
    section("Facts", replay.facts);
  const due = replay.deadlines.filter((d) => d.due === day);
  if (due.length > 0) {
    lines.push(style.bold("Due that day"));
    for (const d of due) lines.push(`  ${pad(d.provision, width)}${d.limb} (${d.outcome})`);
  }
  return `${lines.join("\n")}\n`;
}

/** An explanation chain, indented by depth, each step with its sources. */
export function formatExplanation(explanation: Explanation, model: Model, style: Style): string {
  const lines: string[] = [style.bold(`Why ${explanation.id}`)];
  const visit = (steps: readonly Explanation["steps"][number][], depth: number) => {
    for (const step of steps) {
      const indent = "  ".repeat(depth + 1);
      lines.push(`${indent}${step.text}`);
      for (const source of step.sources) {
        const s = model.sources.get(source);
        const where = s?.url ?? s?.archive ?? "";
        lines.push(
          `${indent}  ${style.dim(`[${source}] ${s?.title ?? ""}${where ? ` <${where}>` : ""}`)}`,
        );
      }
      visit(step.because, depth + 1);
    }
  };
  visit(explanation.steps, 0);
  return `${lines.join("\n")}\n`;
}

/** The differences a what-if makes, earliest first. */
export function formatDiff(whatIf: WhatIf, changes: readonly Change[], style: Style): string {
  const lines = [style.bold(`What if: ${whatIf.description || whatIf.id}`)];
  if (changes.length === 0) lines.push("  No state or explanation changes.");
  for (const change of changes) {
    lines.push("");
    lines.push(
      `${style.bold(change.id)} ${style.dim(`(${change.kind}) differs from ${formatDay(change.from)}`)}`,
    );
    lines.push(`  ${style.dim("actual")}`);
    for (const interval of change.before) lines.push(intervalRow(interval, style, "    "));
    lines.push(`  ${style.magenta("what if")}`);
    for (const interval of change.after) lines.push(intervalRow(interval, style, "    "));
  }
  return `${lines.join("\n")}\n`;
}
