/// <reference types="node" />
/**
 * Screenshots of the answer-components preview (preview.html) at desktop and
 * phone widths, in light and dark, into e2e/screenshots/ for people to look at.
 *
 *   cd client && npx vite build && npx tsx e2e/preview-screenshots.ts
 *
 * Serves dist/ itself on an ephemeral port, drives Debian's Chromium through
 * playwright-core, and fails when the page logs an error.
 */
import { mkdir, readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const out = join(root, "e2e", "screenshots");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".map": "application/json",
};

function serve(): Promise<Server> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    try {
      const body = await readFile(join(dist, path === "/" ? "preview.html" : path));
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const viewports = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;
const schemes = ["light", "dark"] as const;

/** Clicks through every chart type each chart offers and shoots the chart in it, then restores the first type. */
async function captureAlternatives(page: import("playwright-core").Page, base: string): Promise<number> {
  let shots = 0;
  const figures = await page.locator("figure.chart-view").all();
  for (const [f, figure] of figures.entries()) {
    const radios = await figure.getByRole("radio").all();
    for (const radio of radios.slice(1)) {
      await radio.click();
      await page.waitForTimeout(150);
      const type = (await radio.getAttribute("title"))!.toLowerCase().replaceAll(" ", "-");
      await figure.screenshot({ path: join(out, `${base}-chart${f + 1}-${type}.png`) });
      shots++;
    }
    await radios[0]?.click();
  }
  return shots;
}

/** States a still page does not show: an open feedback form, a sorted table. */
async function captureInteractions(page: import("playwright-core").Page, base: string): Promise<void> {
  const actions = page.locator("section.preview-section", { has: page.locator("#actions") });
  await actions.getByRole("button", { name: "Not helpful" }).click();
  await actions.getByLabel("What went wrong?").selectOption("WRONG_CHART");
  await actions.getByLabel(/Comment/).fill("Monthly revenue would read better as a line.");
  await actions.screenshot({ path: join(out, `${base}-feedback-open.png`) });

  // The first table of the section; the second one is always loading.
  const table = page.locator("section.preview-section", { has: page.locator("#table") }).locator(".result-table").first();
  for (let click = 0; click < 2; click++) {
    await table.getByRole("button", { name: "Revenue" }).click();
    await table.locator("table:not([aria-busy])").waitFor();
  }
  await table.screenshot({ path: join(out, `${base}-table-sorted.png`) });
}

async function main() {
  await mkdir(out, { recursive: true });
  const server = await serve();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/preview.html`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const problems: string[] = [];
  try {
    for (const viewport of viewports) {
      for (const scheme of schemes) {
        const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1, reducedMotion: "reduce" });
        const page = await context.newPage();
        page.on("console", (m) => {
          if (m.type() === "error") problems.push(`${viewport.name}/${scheme}: ${m.text()}`);
        });
        page.on("pageerror", (e) => problems.push(`${viewport.name}/${scheme}: ${e.message}`));
        await page.goto(url, { waitUntil: "networkidle" });
        // nivo draws after measuring its container: wait for the charts' SVGs.
        await page.waitForFunction(() => document.querySelectorAll(".chart-canvas svg, .pie-canvas svg").length >= 5, undefined, { timeout: 15_000 });
        await page.waitForTimeout(300);
        const base = `preview-${viewport.name}-${scheme}`;
        await page.screenshot({ path: join(out, `${base}.png`), fullPage: true });
        const sections = await page.locator("section.preview-section").all();
        for (const section of sections) {
          const id = await section.locator("h2").getAttribute("id");
          await section.screenshot({ path: join(out, `${base}-${id}.png`) });
        }
        const switched = await captureAlternatives(page, base);
        await captureInteractions(page, base);
        console.log(`${base}: full page + ${sections.length} sections + ${switched} switched charts + interactions`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (problems.length > 0) {
    console.error(`The page logged errors:\n${problems.join("\n")}`);
    process.exitCode = 1;
  }
  console.log(`Screenshots in ${out}`);
}

await main();
