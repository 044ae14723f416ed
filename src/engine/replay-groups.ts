import type { Anchor } from "../language/model/anchor.ts";
import { lifecycleEventTypes } from "../language/model/event.ts";
import type { Instrument } from "../language/model/instrument.ts";
import type { Model } from "../language/model/model.ts";
import type { EventPattern } from "../language/model/pattern.ts";
import type { Provision, ProvisionTerms } from "../language/model/provision.ts";
import type { TimeExpression } from "../language/model/time-expression.ts";
import { PatternIndex, type Subscription } from "./pattern-index.ts";
import type { Roles } from "./pattern-match.ts";
import type { SelectedEvents } from "./select-events.ts";
import { positions, sortedValues } from "./sorted-values.ts";

/**
 * Independent parts of a model, replayed one after the other.
 *
 * Two instruments depend on each other when one names the other (a relation, an amendment of its
 * provision, an anchor on the fulfilment or violation of its provision), and every instrument
 * whose terms read a fact depends on the facts, which events anywhere may start or end. Parts
 * that depend on nothing outside them cannot change each other's timelines, so the replay folds
 * over each part's own events with its own records: the same result as one fold over everything,
 * but with a working set of one part (the records of instruments signed years apart are not
 * touched in turns). Small parts are taken together, in the model's order, into groups of
 * about `GROUP_INSTRUMENTS` instruments, so that a group's fixed cost is spread.
 *
 * Only models whose facts are plain (started and ended by events: no derived facts, values,
 * initial values, listed members or rules) are split: the others are replayed in one fold.
 */
export interface ReplayGroup {
  /** The model of the group: its instruments, their provisions, and the facts if it has them. */
  readonly model: Model;
  readonly events: SelectedEvents;
}

/** Instruments per group, at least: a group is several parts replayed in one fold. */
export const GROUP_INSTRUMENTS = 64;

interface Parts {
  /** The group of each instrument, by its position in the model's sorted instruments. */
  readonly groupOf: Int32Array;
  /** The group the facts are in. */
  readonly factsGroup: number;
  readonly models: readonly Model[];
  /** Routes an event to the groups whose patterns might match it (the payload is the group). */
  readonly index: PatternIndex<number>;
  readonly lifecycleTypes: ReadonlySet<string>;
}

const partsCache = new WeakMap<Model, Parts | null>();
const groupsCache = new WeakMap<SelectedEvents, readonly ReplayGroup[]>();

/**
 * The groups to replay `selected` (the events of `model` a replay folds over) in, in order; null
 * when the model is replayed in one fold (one group, or facts that are not plain).
 */
export function replayGroups(
  model: Model,
  selected: SelectedEvents,
): readonly ReplayGroup[] | null {
  let parts = partsCache.get(model);
  if (parts === undefined) {
    parts = findParts(model);
    partsCache.set(model, parts);
  }
  if (parts === null) return null;
  let groups = groupsCache.get(selected);
  if (groups === undefined) {
    groups = route(model, parts, selected);
    groupsCache.set(selected, groups);
  }
  return groups;
}

function plainFacts(model: Model): boolean {
  for (const fact of model.facts.values())
    if (
      fact.derived !== undefined ||
      fact.values !== undefined ||
      fact.initially !== undefined ||
      fact.holds !== undefined ||
      (fact.rules !== undefined && fact.rules.length > 0)
    )
      return false;
  return true;
}

/** Union-find over the instruments' positions, with one more node for the facts. */
class Union {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }

  find(node: number): number {
    const parent = this.parent;
    let root = node;
    while (parent[root] !== root) root = parent[root]!;
    let at = node;
    while (parent[at] !== root) {
      const next = parent[at]!;
      parent[at] = root;
      at = next;
    }
    return root;
  }

  join(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller position is the root, so that a part is known by its first instrument.
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}

/** What a provision's terms (or an amendment's changes) depend on, and the patterns they watch. */
interface TermsVisitor {
  provision(id: string): void;
  facts(): void;
  pattern(pattern: EventPattern): void;
}

function visitAnchor(anchor: Anchor, visit: TermsVisitor): void {
  if (anchor.kind === "event") visit.pattern(anchor.pattern);
  else if (anchor.kind === "fulfilment" || anchor.kind === "violation")
    visit.provision(anchor.provision);
}

function visitTime(expr: TimeExpression, visit: TermsVisitor): void {
  switch (expr.kind) {
    case "date":
      return;
    case "after":
      visitAnchor(expr.anchor, visit);
      return;
    case "on":
      visit.pattern(expr.pattern);
      return;
    case "earliest":
    case "latest":
      for (const limb of expr.limbs) visitTime(limb, visit);
      return;
  }
}

function visitTerms(terms: Partial<ProvisionTerms>, visit: TermsVisitor): void {
  if (terms.from !== undefined) visitAnchor(terms.from, visit);
  if (terms.when !== undefined) visit.facts();
  if (terms.due !== undefined) visitTime(terms.due, visit);
  if (terms.until !== undefined) visitTime(terms.until, visit);
  if (terms.fulfilledBy !== undefined) visit.pattern(terms.fulfilledBy);
  if (terms.violatedBy !== undefined) visit.pattern(terms.violatedBy);
}

function findParts(model: Model): Parts | null {
  const instruments = sortedValues(model.instruments);
  const count = instruments.length;
  if (count <= GROUP_INSTRUMENTS || !plainFacts(model)) return null;
  const instrumentAt = positions(model.instruments);
  const factsNode = count;
  const union = new Union(count + 1);
  const provisionInstrument = (id: string): number | undefined => {
    const p = model.provisions.get(id);
    return p === undefined ? undefined : instrumentAt.get(p.instrument);
  };
  // Patterns are filed once the groups are known: kept with their owner and roles till then.
  const watched: { pattern: EventPattern; roles: Roles | null; node: number }[] = [];
  const visitFor = (node: number, roles: Roles): TermsVisitor => ({
    provision(id) {
      const other = provisionInstrument(id);
      if (other !== undefined) union.join(node, other);
    },
    facts() {
      union.join(node, factsNode);
    },
    pattern(pattern) {
      watched.push({ pattern, roles, node });
    },
  });

  for (const def of sortedValues(model.provisions)) {
    const node = instrumentAt.get(def.instrument);
    if (node !== undefined) visitTerms(def, visitFor(node, def));
  }
  for (let node = 0; node < count; node++) {
    const inst: Instrument = instruments[node]!;
    for (const relation of inst.relations) {
      const other = instrumentAt.get(relation.target);
      if (other !== undefined) union.join(node, other);
    }
    for (const amendment of inst.amendments) {
      const target: Provision | undefined = model.provisions.get(amendment.provision);
      if (target === undefined) continue;
      const other = instrumentAt.get(target.instrument);
      if (other !== undefined) union.join(node, other);
      visitTerms(amendment.changes, visitFor(node, target));
    }
  }
  for (const fact of sortedValues(model.facts))
    for (const pattern of [...fact.starts, ...fact.ends])
      watched.push({ pattern, roles: null, node: factsNode });

  // Parts in the order of their first instrument, gathered into groups.
  const groupOfRoot = new Int32Array(count + 1).fill(-1);
  const groupOf = new Int32Array(count);
  const sizes: number[] = [];
  let open = -1;
  for (let node = 0; node <= count; node++) {
    const root = union.find(node);
    if (node === factsNode && root === factsNode && model.facts.size === 0) continue;
    let group = groupOfRoot[root]!;
    if (group < 0) {
      if (open < 0 || sizes[open]! >= GROUP_INSTRUMENTS) {
        open = sizes.length;
        sizes.push(0);
      }
      group = open;
      groupOfRoot[root] = group;
    }
    if (node < count) {
      groupOf[node] = group;
      sizes[group]!++;
    }
  }
  if (sizes.length <= 1) return null;
  const factsRoot = union.find(factsNode);
  const factsGroup = groupOfRoot[factsRoot]!;

  const index = new PatternIndex<number>();
  for (const { pattern, roles, node } of watched)
    index.add(pattern, roles, node === factsNode ? factsGroup : groupOf[node]!);

  // The sub-models: each group's instruments and provisions, in the model's order.
  const groupInstruments = sizes.map(() => new Map<string, Instrument>());
  for (let node = 0; node < count; node++) {
    const inst = instruments[node]!;
    groupInstruments[groupOf[node]!]!.set(inst.id, inst);
  }
  const groupProvisions = sizes.map(() => new Map<string, Provision>());
  for (const def of sortedValues(model.provisions)) {
    const node = instrumentAt.get(def.instrument);
    if (node !== undefined) groupProvisions[groupOf[node]!]!.set(def.id, def);
  }
  const noFacts: Model["facts"] = new Map();
  const models = sizes.map(
    (_, group): Model => ({
      ...model,
      instruments: groupInstruments[group]!,
      provisions: groupProvisions[group]!,
      facts: group === factsGroup ? model.facts : noFacts,
      events: [],
    }),
  );
  return {
    groupOf,
    factsGroup,
    models,
    index,
    lifecycleTypes: new Set<string>([...lifecycleEventTypes, "discharge"]),
  };
}

/** Each event to the groups it may concern: those its patterns name, and its instrument's. */
function route(model: Model, parts: Parts, selected: SelectedEvents): readonly ReplayGroup[] {
  const { groupOf, models, index, lifecycleTypes } = parts;
  const instrumentAt = positions(model.instruments);
  const groups = models.length;
  const lists: number[][] = models.map(() => []);
  const seen = new Int32Array(groups).fill(-1);
  const candidates: Subscription<number>[] = [];
  const events = selected.events;
  const add = (group: number, at: number): void => {
    if (seen[group] === at) return;
    seen[group] = at;
    lists[group]!.push(at);
  };
  for (let at = 0; at < events.length; at++) {
    const event = events[at]!;
    if (lifecycleTypes.has(event.type)) {
      const first = event.objects[0];
      if (first?.kind === "ref") {
        let node = instrumentAt.get(first.id);
        if (node === undefined) {
          const p = model.provisions.get(first.id);
          if (p !== undefined) node = instrumentAt.get(p.instrument);
        }
        if (node !== undefined) add(groupOf[node]!, at);
      }
    }
    const n = index.collect(event, candidates);
    for (let i = 0; i < n; i++) add(candidates[i]!.payload, at);
  }
  return models.map((groupModel, group): ReplayGroup => {
    const list = lists[group]!;
    const days = new Int32Array(list.length);
    const types = new Int32Array(list.length);
    const chosen: (typeof events)[number][] = new Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const at = list[i]!;
      chosen[i] = events[at]!;
      days[i] = selected.days[at]!;
      types[i] = selected.types[at]!;
    }
    return {
      model: groupModel,
      events: {
        events: chosen,
        days,
        types,
        typeNames: selected.typeNames,
        typeCodes: selected.typeCodes,
      },
    };
  });
}
