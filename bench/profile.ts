/**
 * CPU profiling of one piece of work, in-process, through the inspector: only the work is
 * sampled (not the corpus generation around it). The profile can be written as a .cpuprofile file
 * (open it in Chrome DevTools or speedscope) and summarised by self time per function.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

interface ProfileNode {
  readonly id: number;
  readonly children?: readonly number[];
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface HotFunction {
  /** `name (file)`: the function and the file it is in, relative to the repository. */
  readonly name: string;
  readonly selfMs: number;
  readonly share: number;
}

/** Runs `work` under the sampling profiler (100 µs interval) and returns its profile. */
export async function profile(work: () => void): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 100 });
    await session.post("Profiler.start");
    work();
    const { profile: result } = await session.post("Profiler.stop");
    return result as unknown as CpuProfile;
  } finally {
    session.disconnect();
  }
}

export function writeProfile(path: string, result: CpuProfile): void {
  writeFileSync(path, JSON.stringify(result));
}

function shortUrl(url: string): string {
  const at = url.indexOf("/src/");
  if (at >= 0) return url.slice(at + 1);
  const bench = url.indexOf("/bench/");
  if (bench >= 0) return url.slice(bench + 1);
  return url.replace(/^file:\/\//, "") || "native";
}

/** Nodes under the inspector's own `post` (the profiler starting and stopping): not the work. */
function profilerNodes(result: CpuProfile, byId: ReadonlyMap<number, ProfileNode>): Set<number> {
  const out = new Set<number>();
  const visit = (id: number): void => {
    if (out.has(id)) return;
    out.add(id);
    for (const child of byId.get(id)?.children ?? []) visit(child);
  };
  for (const node of result.nodes)
    if (node.callFrame.url === "node:inspector" && node.callFrame.functionName === "post")
      visit(node.id);
  return out;
}

/** The functions with the most self time, grouped by name and file. */
export function hotFunctions(result: CpuProfile, count: number): HotFunction[] {
  const byId = new Map(result.nodes.map((node) => [node.id, node]));
  const overhead = profilerNodes(result, byId);
  const self = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < result.samples.length; i++) {
    const id = result.samples[i]!;
    if (overhead.has(id)) continue;
    const node = byId.get(id);
    const dt = result.timeDeltas[i] ?? 0;
    total += dt;
    if (node === undefined) continue;
    const frame = node.callFrame;
    const name = `${frame.functionName || "(anonymous)"} (${shortUrl(frame.url)})`;
    self.set(name, (self.get(name) ?? 0) + dt);
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, micros]) => ({
      name,
      selfMs: micros / 1000,
      share: total === 0 ? 0 : micros / total,
    }));
}

/**
 * With `--profile`: profiles `work`, writes bench/results/NAME.cpuprofile and logs the functions
 * with the most self time. Returns them (or null without `--profile`).
 */
export async function profileIfAsked(
  options: {
    readonly profile: boolean;
    readonly resultsDir: string;
    readonly log: (line: string) => void;
  },
  name: string,
  what: string,
  work: () => void,
  top = 12,
): Promise<HotFunction[] | null> {
  if (!options.profile) return null;
  const result = await profile(work);
  writeProfile(`${options.resultsDir}/${name}.cpuprofile`, result);
  const hot = hotFunctions(result, top);
  options.log(`CPU profile of ${what} (self time), written to bench/results/${name}.cpuprofile:`);
  for (const h of hot)
    options.log(
      `  ${(h.share * 100).toFixed(1).padStart(5)}%  ${`${h.selfMs.toFixed(0)} ms`.padStart(9)}  ${h.name}`,
    );
  return hot;
}
