// The web app in a real browser, over the flagship corpus: the corpus view and its date cursor,
// the Changchun agreement and the explanation of its railway transfer, the editor's diagnostics
// and saving, a what-if and its diff, a change of reading, and a phone-sized screen.
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildWeb,
  launchBrowser,
  plan,
  type RunningServer,
  screenshots,
  startServer,
} from "./harness.ts";

const setup = plan();
const reason = "skip" in setup ? setup.skip : "";
if (reason !== "") console.warn(`web e2e tests skipped: ${reason}`);

const changchun = "changchun-port-arthur-dalny-1950";
/** How far the page is wider than the screen (evaluated in the page). */
const widthOverflow = "document.documentElement.scrollWidth - window.innerWidth";

describe.skipIf(reason !== "")("web app in chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  const shot = (name: string, p: Page = page) =>
    p.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    if ("skip" in setup) return;
    await buildWeb();
    server = await startServer(setup.kind);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      // The refused save answers 422 on purpose; the browser logs every such response.
      if (m.type() === "error" && !m.text().includes("status of 422"))
        errors.push(`console: ${m.text()}`);
    });
    // Nothing may be fetched from anywhere but the server under test.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith("data:")) return route.continue();
      errors.push(`outside request: ${url}`);
      return route.abort();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows every instrument on the corpus timeline", async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole("heading", { name: "Corpus", level: 1 }).waitFor();
    const labels = page.locator(".timeline-labels .row-label");
    await expect.poll(() => labels.count()).toBeGreaterThan(5);
    expect(await labels.allTextContents()).toContain(changchun);
    expect(await page.locator(".timeline-svg .band").count()).toBeGreaterThan(10);
    // The facts that held, on a second timeline in the same window.
    const facts = page.getByRole("region", { name: "Facts" });
    await expect(facts.locator(".row-label").allTextContents()).resolves.toEqual([
      "allied(usa,japan)",
    ]);
    expect(await facts.locator(".band").count()).toBe(1);
    await shot("01-corpus");
  });

  it("moves the date cursor by keyboard, date input and drag", async () => {
    const slider = page.getByRole("slider", { name: /Instruments: date cursor/ });
    await slider.focus();
    const before = await slider.getAttribute("aria-valuenow");
    await slider.press("ArrowRight");
    await expect.poll(() => slider.getAttribute("aria-valuenow")).toBe(String(Number(before) + 1));
    await slider.press("PageUp");
    await expect.poll(() => slider.getAttribute("aria-valuetext")).toMatch(/^1954-01-01/);

    await page.getByLabel("Date", { exact: true }).fill("1951-06-01");
    await expect(page.locator("#cursor-panel-title").textContent()).resolves.toContain(
      "1 Jun 1951",
    );
    const inForce = page.locator(".cursor-panel .entries").first();
    await expect(inForce.textContent()).resolves.toContain(changchun);
    // The next deadlines name the limb that fixed each, unless the limb is the day itself.
    const next = page.locator(".cursor-panel h3:text-is('Next deadlines') + ul > li");
    await expect(next.first().textContent()).resolves.toBe(
      `1952-12-31 ${changchun}.port-arthur-withdrawal (end of 1952)`,
    );
    await page.getByLabel("Date", { exact: true }).fill("1953-01-01");
    await expect(next.first().textContent()).resolves.toBe(
      `1955-05-31 ${changchun}.port-arthur-withdrawal`,
    );
    await page.getByLabel("Date", { exact: true }).fill("1951-06-01");

    const box = await slider.boundingBox();
    if (box === null) throw new Error("no timeline plot");
    const valueBefore = Number(await slider.getAttribute("aria-valuenow"));
    await page.mouse.click(box.x + box.width * 0.8, box.y + 60);
    await expect
      .poll(async () => Number(await slider.getAttribute("aria-valuenow")))
      .toBeGreaterThan(valueBefore);
    await shot("02-cursor-moved");

    // Zoom in with the button and by wheel: the window narrows.
    const ticksBefore = await page.locator(".timeline-svg .axis text").allTextContents();
    await page.getByRole("button", { name: "Zoom in" }).click();
    await page.mouse.move(box.x + box.width / 2, box.y + 80);
    await page.mouse.wheel(0, -400);
    await expect
      .poll(() => page.locator(".timeline-svg .axis text").allTextContents())
      .not.toEqual(ticksBefore);
    await shot("03-zoomed");
    await page.getByRole("button", { name: "Show all" }).click();
  });

  it("switches reading at once and marks what moved", async () => {
    const select = page.getByLabel("Reading");
    const readings = await select.locator("option").allTextContents();
    const other = readings.find((r) => r !== "default" && r !== "(first claims)");
    if (other === undefined)
      throw new Error(`no other reading than default: ${readings.join(", ")}`);
    await select.selectOption(other);
    const notice = page.locator(".notice.moved");
    await expect(notice.textContent()).resolves.toContain(`→ ${other}`);
    await shot("04-reading-switched");
    await select.selectOption("default");
    await page.getByRole("button", { name: "Dismiss" }).click();
  });

  it("opens the Changchun agreement with its articles and provisions", async () => {
    await page.locator(".timeline-labels").getByRole("link", { name: changchun }).click();
    await expect
      .poll(() => page.evaluate<string>("location.hash"))
      .toBe(`#/instrument/${changchun}`);
    await page.getByRole("heading", { level: 1, name: /Changchun Railway/ }).waitFor();
    expect(await page.locator(".article").count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator(".provision-id").allTextContents()).toContain("railway-transfer");
    await shot("05-instrument");
  });

  it("explains the railway transfer with its sources", async () => {
    const band = page.locator('.band-button[aria-label^="railway-transfer: fulfilled"]');
    await band.click();
    const panel = page.locator(".explanation-panel");
    await expect(panel.textContent()).resolves.toContain("railway-handover");
    await expect(panel.textContent()).resolves.toContain(`${changchun}.railway-transfer`);
    const links = panel.locator(".sources a");
    expect(await links.count()).toBeGreaterThan(0);
    for (const link of await links.all()) {
      expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
      expect(await link.getAttribute("href")).toMatch(/^https?:\/\//);
    }
    // By keyboard too: the band is a button.
    await page.locator('.band-button[aria-label^="railway-transfer: in effect"]').focus();
    await page.keyboard.press("Enter");
    await expect(panel.textContent()).resolves.toContain("in-effect");
    await band.click();
    await shot("06-explanation");
  });

  it("shows a typed error at its line in the editor, and saves through the API", async () => {
    await page
      .getByRole("navigation", { name: "Views" })
      .getByRole("link", { name: /Editor/ })
      .click();
    await page.getByRole("heading", { level: 1, name: "Editor" }).waitFor();
    const documentSelect = page.getByLabel("Document");
    const file = (
      await documentSelect
        .locator("option")
        .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value))
    ).find((f) => f.includes(changchun));
    if (file === undefined) throw new Error("no Changchun document");
    await documentSelect.selectOption(file);
    const content = page.locator(".cm-content");
    await expect.poll(() => content.textContent()).toContain(`instrument ${changchun}`);

    // Type an unknown statement on a new last line.
    const corpus = (await (await fetch(`${server.url}/api/corpus`)).json()) as {
      documents: { file: string; text: string }[];
    };
    const lines = corpus.documents.find((d) => d.file === file)?.text.split("\n").length ?? 0;
    await content.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\nbogus-statement here\n");
    const errorLine = lines + 1;
    const item = page.locator(".diagnostics .diagnostic.error").first();
    await expect(item.textContent()).resolves.toContain(`line ${errorLine}, column 1`);
    await expect(item.textContent()).resolves.toContain("PCT101");
    // The inline mark stands on that line, beside its line number.
    const range = page.locator(".cm-lintRange-error").first();
    await range.waitFor();
    const lineNumber = page.locator(".cm-lineNumbers .cm-gutterElement", {
      hasText: new RegExp(`^${errorLine}$`),
    });
    const [r, n] = [await range.boundingBox(), await lineNumber.boundingBox()];
    if (r === null || n === null) throw new Error("no lint mark or line number");
    expect(Math.abs(r.y + r.height / 2 - (n.y + n.height / 2))).toBeLessThan(n.height);
    await expect(page.locator(".editor-replay .notice.warn").textContent()).resolves.toContain(
      "error",
    );
    await shot("07-editor-error");

    // The server refuses it with the same diagnostic.
    await page.getByRole("button", { name: "Save" }).click();
    const refused = page.locator(".notice.error");
    await expect(refused.textContent()).resolves.toContain("refused");
    await expect(refused.textContent()).resolves.toContain(`line ${errorLine}`);
    await shot("08-editor-refused");

    // A harmless change is saved as a new version.
    await page.getByRole("button", { name: "Revert" }).click();
    await content.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\n# checked in a browser\n");
    await page.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(() => page.locator(".save-status").textContent())
      .toMatch(/Saved as version \d+/);
  });

  it.skipIf("kind" in setup && setup.kind !== "pacta")(
    "asks for the write token when the server needs one, and saves with it",
    async () => {
      const token = "e2e-write-token-0123456789";
      const guarded = await startServer("pacta", { token });
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      try {
        const p = await ctx.newPage();
        await p.goto(guarded.url);
        await p
          .getByRole("navigation", { name: "Views" })
          .getByRole("link", { name: /Editor/ })
          .click();
        const content = p.locator(".cm-content");
        await content.waitFor();
        const tokenField = p.getByLabel("Write token");
        expect(await tokenField.count()).toBe(0);
        await content.click();
        await p.keyboard.press("Control+End");
        await p.keyboard.type("\n# saved with a token\n");
        await p.getByRole("button", { name: "Save" }).click();
        await expect
          .poll(() => p.locator(".notice.error").textContent())
          .toContain("needs a token for writes");
        await tokenField.fill("not-the-token");
        await p.getByRole("button", { name: "Save" }).click();
        await expect
          .poll(() => p.locator(".notice.error").textContent())
          .toContain("not the server's");
        await tokenField.fill(token);
        await shot("08b-editor-token", p);
        await p.getByRole("button", { name: "Save" }).click();
        await expect
          .poll(() => p.locator(".save-status").textContent())
          .toMatch(/Saved as version \d+/);
        // The token stays for the tab: a reload keeps the field filled.
        await p.reload();
        await p
          .getByRole("navigation", { name: "Views" })
          .getByRole("link", { name: /Editor/ })
          .click();
        await expect.poll(() => p.getByLabel("Write token").inputValue()).toBe(token);
      } finally {
        await ctx.close();
        await guarded.stop();
      }
    },
  );

  it("runs a what-if and shows the diff on the timeline and as a list", async () => {
    await page
      .getByRole("navigation", { name: "Views" })
      .getByRole("link", { name: "What if" })
      .click();
    await page.getByRole("heading", { level: 1, name: "What if" }).waitFor();
    await page.getByRole("button", { name: "Remove an event" }).click();
    await page.locator(".change select").selectOption("railway-handover");
    await page.getByRole("button", { name: "Run the what-if" }).click();
    const list = page.getByRole("list", { name: "Changes" });
    await expect(list.textContent()).resolves.toContain(`${changchun}.railway-transfer`);
    await expect(list.textContent()).resolves.toContain("violated");
    expect(await page.locator(".timeline-labels li.marked").count()).toBeGreaterThan(0);
    await shot("09-what-if");
  });

  it("fits a phone screen and stays usable by keyboard", async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const p = await phone.newPage();
    await p.goto(`${server.url}/#/instrument/${changchun}`);
    await p.getByRole("heading", { level: 1, name: /Changchun Railway/ }).waitFor();
    const overflow = await p.evaluate<number>(widthOverflow);
    expect(overflow).toBeLessThanOrEqual(1);
    await shot("10-phone-instrument", p);
    await p.goto(`${server.url}/#/`);
    await p.getByRole("heading", { level: 1, name: "Corpus" }).waitFor();
    expect(await p.evaluate<number>(widthOverflow)).toBeLessThanOrEqual(1);
    await shot("11-phone-corpus", p);

    // On a freshly opened page the first Tab reaches the skip button, and focus is visible.
    await p.reload();
    await p.getByRole("heading", { level: 1, name: "Corpus" }).waitFor();
    await p.keyboard.press("Tab");
    const focused = await p.evaluate<{ text: string; outline: string }>(
      "({ text: document.activeElement.textContent, outline: getComputedStyle(document.activeElement).outlineStyle })",
    );
    expect(focused.text).toBe("Skip to content");
    expect(focused.outline).not.toBe("none");
    await phone.close();
  });

  it("made no request outside the server and raised no page error", () => {
    expect(errors).toEqual([]);
  });
});
