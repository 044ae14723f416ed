import { lifecycleEventTypes } from "../model/event.ts";
import type { TimeExpression } from "../model/time-expression.ts";
import type { ResolveContext } from "./resolve-context.ts";

const lifecycle = new Set<string>(lifecycleEventTypes);

/** Checks that need the whole model: lifecycle targets, readings, cycles, deadlines, citations. */
export function checkModel(ctx: ResolveContext): void {
  const instruments = new Map(ctx.instruments.map((i) => [i.id, i]));
  const claims = new Map(ctx.claims.map((c) => [c.id, c]));

  for (const event of [...ctx.events, ...ctx.whatIfs.flatMap((w) => w.add)]) {
    if (!lifecycle.has(event.type) && event.type !== "discharge") continue;
    const first = event.objects[0];
    const wanted = event.type === "discharge" ? "provision" : "instrument";
    if (first?.kind !== "ref") {
      ctx.report(
        "PCT102",
        event.at,
        `A '${event.type}' event names the ${wanted} it acts on first, as in 'event ${event.id} ${event.date.text} ${event.type} ID …'`,
      );
    }
  }

  for (const reading of ctx.readings) {
    const seen = new Map<string, string>();
    for (const choice of reading.choices) {
      const claim = claims.get(choice);
      if (!claim) continue;
      const other = seen.get(claim.contested);
      if (other !== undefined) {
        ctx.report(
          "PCT109",
          reading.at,
          `Reading ${reading.id} chooses both '${other}' and '${choice}' for contested fact ${claim.contested}: choose one`,
        );
      }
      seen.set(claim.contested, choice);
    }
  }

  checkCycles(ctx);

  const signed = new Map<string, number>();
  for (const event of ctx.events) {
    const first = event.objects[0];
    if (event.type === "sign" && first?.kind === "ref" && !event.claim) {
      const before = signed.get(first.id);
      if (before === undefined || event.date.first < before) signed.set(first.id, event.date.first);
    }
  }
  for (const provision of ctx.provisions) {
    const instrument = instruments.get(provision.instrument);
    const start =
      provision.from.kind === "date"
        ? provision.from.date.first
        : instrument?.entryIntoForce?.kind === "on-date"
          ? instrument.entryIntoForce.date.first
          : signed.get(provision.instrument);
    if (start === undefined || !provision.due) continue;
    const latest = latestFixedDay(provision.due);
    if (latest !== undefined && latest < start) {
      ctx.report(
        "PCT107",
        provision.due.at,
        `The deadline '${provision.due.text}' of ${provision.id} falls before the provision can start: check the date, or the start given by 'from'`,
      );
    }
  }

  for (const source of ctx.sources) {
    if (!ctx.cited.has(source.id)) {
      ctx.report(
        "PCT113",
        source.at,
        `Source ${source.id} is never cited: cite it with [${source.id}] where it is used, or remove it`,
      );
    }
  }
}

/** The last day a deadline made only of fixed dates can fall on; undefined if it depends on events. */
function latestFixedDay(time: TimeExpression): number | undefined {
  switch (time.kind) {
    case "date":
      return time.date.last;
    case "earliest": {
      const days = time.limbs.map(latestFixedDay).filter((d): d is number => d !== undefined);
      return days.length === 0 ? undefined : Math.min(...days);
    }
    case "latest": {
      const days = time.limbs.map(latestFixedDay);
      return days.some((d) => d === undefined) ? undefined : Math.max(...(days as number[]));
    }
    default:
      return undefined;
  }
}

/** Supersessions, voidings and amendments between instruments must not form a cycle. */
function checkCycles(ctx: ResolveContext): void {
  const edges = new Map<string, Set<string>>();
  for (const instrument of ctx.instruments) {
    const targets = new Set<string>();
    for (const relation of instrument.relations) {
      if (relation.kind === "supersedes" || relation.kind === "voids") targets.add(relation.target);
    }
    for (const amendment of instrument.amendments)
      targets.add(amendment.provision.split(".")[0] ?? "");
    targets.delete(instrument.id);
    edges.set(instrument.id, targets);
  }
  const state = new Map<string, "open" | "done">();
  const reported = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    state.set(id, "open");
    for (const next of edges.get(id) ?? []) {
      const s = state.get(next);
      if (s === "open") {
        const cycle = [...path.slice(path.indexOf(next)), next];
        const key = [...cycle].sort().join(",");
        if (!reported.has(key)) {
          reported.add(key);
          const instrument = ctx.instruments.find((i) => i.id === id);
          if (instrument) {
            ctx.report(
              "PCT108",
              instrument.at,
              `Instruments amend, supersede or void each other in a circle: ${cycle.join(" → ")}; remove one of these relations`,
            );
          }
        }
      } else if (s === undefined && edges.has(next)) {
        visit(next, [...path, next]);
      }
    }
    state.set(id, "done");
  };
  for (const id of [...edges.keys()].sort()) if (!state.has(id)) visit(id, [id]);
}
