/**
 * What one replay of a generated corpus allocates, and where, and what the collector does
 * meanwhile: figures that do not depend on the machine's load, to compare two versions of the
 * engine on a shared machine.
 *
 *   node --max-old-space-size=8192 --import tsx bench/replay-alloc.ts --events 100000 [--runs 5]
 *     [--corpus generated|meat-sale|energy|data-processing]
 *
 * The corpus is the generated one of the replay benchmark (the default, built as objects) or one
 * of the Symboleo samples' generated scenarios (§7 of docs/benchmarks.md, compiled from text with
 * the seed the Symboleo benchmark uses).
 *
 * Allocation comes from the inspector's sampling heap profiler (every 512 bytes on average,
 * counting objects that either collector has since freed), over `runs` replays after two
 * warm-ups; the collections from `v8.GCProfiler` over one more replay, with its wall time, so that
 * the time outside the collector's pauses (the program's own) can be told from them.
 */
import { Session } from "node:inspector/promises";
import v8 from "node:v8";
import { compile, type Model } from "../src/language/index.ts";
import { commandLine, failUsage, positiveInteger } from "./command-line.ts";
import { replayAndRead } from "./read-replay.ts";
import { symboleoSeed } from "./symboleo.ts";
import { generateProcessing, processingDocuments } from "./symboleo-data-processing.ts";
import { generateMeatSale, meatSaleDocuments } from "./symboleo-meat-sale.ts";
import { energyDocuments, generateEnergy } from "./symboleo-transactive-energy.ts";
import { generateCorpus } from "./synthetic-corpus.ts";

interface SampleNode {
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly selfSize: number;
  readonly children: readonly SampleNode[];
}

function siteName(node: SampleNode): string {
  const { functionName, url } = node.callFrame;
  const file = url.slice(url.lastIndexOf("/") + 1);
  return `${functionName || "(anonymous)"}${file === "" ? "" : ` (${file})`}`;
}

const corpusNames = ["generated", "meat-sale", "energy", "data-processing"] as const;
const usage = `Usage: node --max-old-space-size=8192 --import tsx bench/replay-alloc.ts [--events N] [--runs R] [--corpus ${corpusNames.join("|")}]`;
const { values } = commandLine("replay-alloc", usage, {
  options: {
    events: { type: "string", default: "100000" },
    runs: { type: "string", default: "5" },
    corpus: { type: "string", default: "generated" },
  },
});
const events = positiveInteger("replay-alloc", usage, "--events", values.events);
const runs = positiveInteger("replay-alloc", usage, "--runs", values.runs);
const corpora: Record<(typeof corpusNames)[number], () => Model> = {
  generated: () => generateCorpus({ events, model: true }).model!,
  "meat-sale": () => compile(meatSaleDocuments(generateMeatSale(events, symboleoSeed))).model,
  energy: () => compile(energyDocuments(generateEnergy(events, symboleoSeed))).model,
  "data-processing": () =>
    compile(processingDocuments(generateProcessing(events, symboleoSeed))).model,
};
const name = corpusNames.find((n) => n === values.corpus);
if (name === undefined) failUsage(`replay-alloc: no corpus named '${values.corpus}'`, usage);
const build = corpora[name];
const model = build();
replayAndRead(model);
replayAndRead(model);

const session = new Session();
session.connect();
await session.post("HeapProfiler.enable");
await session.post("HeapProfiler.startSampling", {
  samplingInterval: 512,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
for (let i = 0; i < runs; i++) replayAndRead(model);
const { profile } = await session.post("HeapProfiler.stopSampling");
session.disconnect();

const bySite = new Map<string, number>();
let total = 0;
const walk = (node: SampleNode): void => {
  bySite.set(siteName(node), (bySite.get(siteName(node)) ?? 0) + node.selfSize);
  total += node.selfSize;
  for (const child of node.children) walk(child);
};
walk(profile.head as unknown as SampleNode);

const gc = new v8.GCProfiler();
gc.start();
const started = performance.now();
replayAndRead(model);
const wallMs = performance.now() - started;
const stats = gc.stop()?.statistics ?? [];
let pauseMs = 0;
const kinds = new Map<string, number>();
for (const entry of stats) {
  pauseMs += entry.cost / 1000;
  kinds.set(entry.gcType, (kinds.get(entry.gcType) ?? 0) + 1);
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
console.log(
  `${values.corpus}, ${events.toLocaleString("en-US")} events, ${model.provisions.size.toLocaleString("en-US")} provisions: ${mb(total / runs)} MB allocated per replay (${Math.round(total / runs / events)} bytes an event, ${Math.round(total / runs / Math.max(1, model.provisions.size))} a provision; mean of ${runs})`,
);
for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 12))
  console.log(`  ${mb(bytes / runs).padStart(7)} MB  ${site}`);
console.log(
  `One more replay: ${wallMs.toFixed(0)} ms, of which ${pauseMs.toFixed(0)} ms in ${stats.length} collections (${[...kinds].map(([kind, n]) => `${n} ${kind}`).join(", ")}): ${(wallMs - pauseMs).toFixed(0)} ms outside the pauses`,
);
