/// <reference types="node" />
/** The main screens at desktop and phone width, light and dark, for people to look at (e2e/screenshots/). */
import type { Browser, Page } from "playwright-core";
import { DESKTOP, newPage, PHONE, shot, step } from "./harness.ts";

/** nivo draws after measuring its container: wait until every chart on the page has an SVG. */
async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll(".chart-canvas, .pie-canvas")].every((c) => c.querySelector("svg")), undefined, { timeout: 15_000 });
  await page.waitForTimeout(250);
}

export async function screens(browser: Browser, url: string, token: string, sessionPath: string, salesPath: string): Promise<void> {
  for (const viewport of [DESKTOP, PHONE]) {
    for (const scheme of ["light", "dark"] as const) {
      const base = `app-${viewport.name}-${scheme}`;
      await step(`screenshots ${viewport.name} ${scheme}`, null, async () => {
        const signedOut = await newPage(browser, viewport, scheme);
        await signedOut.page.goto(url);
        await signedOut.page.getByRole("heading", { name: "Log in" }).waitFor();
        await shot(signedOut.page, `${base}-login`);
        await signedOut.context.close();

        const { context, page } = await newPage(browser, viewport, scheme, token);
        await page.goto(url);
        await page.locator(".welcome .source-card:not(.skeleton-card) button.example").first().waitFor();
        await shot(page, `${base}-welcome`);

        await page.goto(url + sessionPath);
        await page.locator("article.answer-card .stepper-toggle").nth(3).waitFor();
        await chartsDrawn(page);
        await shot(page, `${base}-chat`);
        for (const [i, name] of [
          [1, "chat-region"],
          [2, "chat-trend"],
        ] as const) {
          await page.locator("article.answer-card").nth(i).evaluate((card) => {
            const box = card.closest(".chat-body")!;
            box.scrollTop += card.getBoundingClientRect().top - box.getBoundingClientRect().top - 60;
          });
          await page.waitForTimeout(150);
          await shot(page, `${base}-${name}`);
        }

        // The whole conversation at once (the chat scrolls inside the page, so grow the window).
        await page.setViewportSize({ width: viewport.width, height: viewport === PHONE ? 5200 : 3400 });
        await chartsDrawn(page);
        await page.locator(".chat-body").evaluate((box) => (box.scrollTop = 0));
        await shot(page, `${base}-chat-full`);
        await page.setViewportSize({ width: viewport.width, height: viewport.height });

        if (viewport === PHONE) {
          await page.getByRole("button", { name: "Open the menu" }).click();
          await page.locator(".drawer-open .sidebar").waitFor();
          await page.waitForTimeout(300);
          await shot(page, `${base}-menu`);
          await page.getByRole("button", { name: "Close the menu" }).click();
        }

        await page.goto(url + "/data-sources");
        await page.locator(".source-grid .source-card:not(.skeleton-card)").nth(2).waitFor();
        await shot(page, `${base}-data-sources`);
        await page.goto(url + salesPath);
        await page.locator(".schema-table").first().waitFor();
        await shot(page, `${base}-data-source-tables`);
        await page.goto(url + salesPath + "/metrics");
        await page.locator(".item").first().waitFor();
        await shot(page, `${base}-data-source-metrics`);
        await context.close();
      });
    }
  }
}
