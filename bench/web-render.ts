/**
 * The web app in Debian's chromium (playwright-core), over the flagship corpus: the first render
 * of the corpus view after navigation, and edit-to-redraw latency in the editor (a keystroke in
 * the Changchun agreement until the frame that shows the corpus compiled and replayed again).
 * The page is the built app (dist/web, built here) served by `vite preview` with its stand-in
 * API, so that only the page is measured. The browser runs without preloading its own interface
 * pages (see quietBrowserArgs). Figures are printed, never asserted.
 *
 * Standalone: `npx tsx bench/web-render.ts [--quick] [--browser-preload]` (the last keeps the
 * browser's preloading, to compare). As a benchmark: `webRender(options)`.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import {
  buildWeb,
  chromiumArgs,
  chromiumPath,
  quietBrowserArgs,
  startServer,
} from "../test/e2e/harness.ts";
import { type BenchOptions, type BenchResult, median, ms, table, verdictBelow } from "./measure.ts";

/** The aim for edit-to-redraw latency. */
const targetMs = 50;

function launchQuietBrowser(): Promise<Browser> {
  const quiet = !process.argv.includes("--browser-preload");
  return chromium.launch({
    executablePath: chromiumPath,
    args: quiet ? [...chromiumArgs, ...quietBrowserArgs] : chromiumArgs,
  });
}

interface Entry {
  readonly name: string;
  readonly startTime: number;
  readonly duration: number;
}

function entries(page: Page, prefix = "pacta:"): Promise<Entry[]> {
  return page.evaluate<Entry[]>(
    `performance.getEntries().filter((e) => e.name.startsWith(${JSON.stringify(prefix)})).map((e) => ({ name: e.name, startTime: e.startTime, duration: e.duration }))`,
  );
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Waits until the page has a mark `pacta:NAME` at or after `after`. */
async function waitForMark(
  page: Page,
  name: string,
  after: number,
  timeoutMs = 5_000,
): Promise<Entry> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await entries(page)).find(
      (e) => e.name === `pacta:${name}` && e.startTime >= after,
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mark pacta:${name} in ${timeoutMs} ms`);
    await page.waitForTimeout(5);
  }
}

export async function webRender(options: BenchOptions): Promise<BenchResult> {
  const loads = options.quick ? 3 : 7;
  const edits = options.quick ? 10 : 30;
  if (!existsSync(chromiumPath)) {
    options.log(`Skipped: no browser at ${chromiumPath} (apt-get install chromium)`);
    return { name: "web-render", figures: { skipped: `no browser at ${chromiumPath}` } };
  }
  options.progress("web-render: building the web app");
  await buildWeb();
  const server = await startServer("vite");
  options.progress(`web-render: ${loads} page loads, then ${edits} edits, in ${chromiumPath}`);
  const browser = await launchQuietBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });

    // First render of the corpus view: navigation start to the first frame with the timeline.
    const firstRender: number[] = [];
    const fromScript: number[] = [];
    const compileFirst: number[] = [];
    const replayFirst: number[] = [];
    for (let i = 0; i < loads; i++) {
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      const done = await waitForMark(page, "first-render", 0, 20_000);
      const all = await entries(page);
      const start = all.find((e) => e.name === "pacta:start");
      firstRender.push(done.startTime);
      if (start) fromScript.push(done.startTime - start.startTime);
      const compile = all.find((e) => e.name === "pacta:compile");
      const replay = all.find((e) => e.name === "pacta:replay");
      if (compile) compileFirst.push(compile.duration);
      if (replay) replayFirst.push(replay.duration);
      await page.close();
    }

    // Edit to redraw: one key at a time, each after a pause (the first key of a burst is compiled
    // at once), then a burst typed without pause (its last key waits for the coalescing delay).
    const page = await context.newPage();
    await page.goto(`${server.url}/#/edit`);
    await page.getByLabel("Document").waitFor();
    const file = (
      await page
        .getByLabel("Document")
        .locator("option")
        .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value))
    ).find((f) => f.includes("changchun-port-arthur-dalny-1950"));
    if (file !== undefined) await page.getByLabel("Document").selectOption(file);
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\n# ");
    await page.waitForTimeout(300);
    const single: number[] = [];
    for (let i = 0; i < edits; i++) {
      const before = (await entries(page)).reduce((t, e) => Math.max(t, e.startTime), 0);
      await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
      const edit = await waitForMark(page, "edit", before);
      const redraw = await waitForMark(page, "redraw", edit.startTime);
      single.push(redraw.startTime - edit.startTime);
      await page.waitForTimeout(120);
    }
    const compiles = (await entries(page, "pacta:compile")).slice(-edits).map((e) => e.duration);
    const replays = (await entries(page, "pacta:replay")).slice(-edits).map((e) => e.duration);
    const burstStart = (await entries(page)).reduce((t, e) => Math.max(t, e.startTime), 0);
    await page.keyboard.type(" typed in a burst", { delay: 15 });
    const lastEdit = (await entries(page, "pacta:edit"))
      .filter((e) => e.startTime >= burstStart)
      .at(-1);
    const burstRedraw = lastEdit
      ? await waitForMark(page, "redraw", lastEdit.startTime)
      : undefined;
    const burst = lastEdit && burstRedraw ? burstRedraw.startTime - lastEdit.startTime : Number.NaN;
    await page.close();
    await context.close();

    const editMedian = median(single);
    options.log(
      `Web app in ${chromiumPath}, flagship corpus, ${loads} page loads, ${edits} single edits`,
    );
    for (const line of table([
      ["figure", "median", "min", "max"],
      [
        "corpus view first render (from navigation)",
        ms(median(firstRender)),
        ms(Math.min(...firstRender)),
        ms(Math.max(...firstRender)),
      ],
      [
        "  of which after the script started",
        ms(median(fromScript)),
        ms(Math.min(...fromScript)),
        ms(Math.max(...fromScript)),
      ],
      [
        "  first compile",
        ms(median(compileFirst)),
        ms(Math.min(...compileFirst)),
        ms(Math.max(...compileFirst)),
      ],
      [
        "  first replay",
        ms(median(replayFirst)),
        ms(Math.min(...replayFirst)),
        ms(Math.max(...replayFirst)),
      ],
      [
        "edit to redraw (single key)",
        ms(editMedian),
        ms(Math.min(...single)),
        ms(Math.max(...single)),
      ],
      [
        "  compile per edit",
        ms(median(compiles)),
        ms(Math.min(...compiles)),
        ms(Math.max(...compiles)),
      ],
      [
        "  replay per edit",
        ms(median(replays)),
        ms(Math.min(...replays)),
        ms(Math.max(...replays)),
      ],
      ["last key of a fast burst to redraw", ms(burst), "", ""],
    ]))
      options.log(line);
    options.log(
      `Edit to redraw: median ${ms(editMedian)}, p90 ${ms(percentile(single, 90))}; aim ${targetMs} ms: ${verdictBelow(editMedian, targetMs)}`,
    );
    return {
      name: "web-render",
      figures: {
        firstRenderMs: median(firstRender),
        firstRenderFromScriptMs: median(fromScript),
        editToRedrawMs: editMedian,
        editToRedrawP90Ms: percentile(single, 90),
        compilePerEditMs: median(compiles),
        replayPerEditMs: median(replays),
        burstLastKeyToRedrawMs: burst,
        targetMs,
      },
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await webRender({
    quick: process.argv.includes("--quick"),
    profile: false,
    peersDir: "",
    resultsDir: "",
    log: (line) => console.log(line),
    progress: (line) => process.stderr.write(`  … ${line}\n`),
  });
}
