/// <reference types="node" />
/** Chromium through playwright-core, named steps with timings, checks that fail with a screenshot. */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { clientDir } from "./server.ts";

export const screenshotDir = join(clientDir, "e2e", "screenshots");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  await mkdir(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

export type Viewport = { name: "desktop" | "phone"; width: number; height: number };
export const DESKTOP: Viewport = { name: "desktop", width: 1280, height: 800 };
export const PHONE: Viewport = { name: "phone", width: 390, height: 844 };

/** Errors the page logged; a finished product logs none. */
export const pageErrors: string[] = [];

export async function newPage(browser: Browser, viewport: Viewport, scheme: "light" | "dark", token?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, colorScheme: scheme, reducedMotion: "reduce", acceptDownloads: true, deviceScaleFactor: 1 });
  if (token) await context.addInitScript((t) => localStorage.setItem("agentmedha.token", t), token);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(`${viewport.name}/${scheme}: ${m.text()}`);
  });
  page.on("pageerror", (e) => pageErrors.push(`${viewport.name}/${scheme}: ${e.message}`));
  return { context, page };
}

export class CheckFailed extends Error {}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

export interface StepRecord {
  name: string;
  ms: number;
}

export const steps: StepRecord[] = [];

/** Runs one named step; on failure saves what the page looked like. */
export async function step<T>(name: string, page: Page | null, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const value = await work();
    const ms = Math.round(performance.now() - started);
    steps.push({ name, ms });
    console.log(`  ✓ ${name} (${ms} ms)`);
    return value;
  } catch (error) {
    console.log(`  ✗ ${name}`);
    if (page) await page.screenshot({ path: join(screenshotDir, `failure-${name.replace(/\W+/g, "-").toLowerCase()}.png`), fullPage: true }).catch(() => {});
    throw error;
  }
}

/** Screenshots saved by this run. */
export const saved: string[] = [];

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
  saved.push(name);
}

/** Polls until `condition` holds (the UI settles after a refetch), else fails with `message`. */
export async function eventually(condition: () => Promise<boolean>, message: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new CheckFailed(message);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
