import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { startTestApp, type TestApp } from "../testing/app.ts";

// Debian's Chromium, as the web client's end-to-end tests use (never a downloaded browser).
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

describe("GraphiQL offline", () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestApp("embedded");
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it("renders its editor and runs a query with every request off this machine blocked", async () => {
    const context = await browser.newContext();
    const outside: string[] = [];
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1") return route.continue();
      outside.push(url.href);
      return route.abort("internetdisconnected");
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    await page.goto(`${t.url}/graphql`);
    await expect(page.title()).resolves.toBe("AgentMedha GraphQL");
    const queryEditor = page.locator(".graphiql-query-editor .monaco-editor");
    await queryEditor.waitFor({ timeout: 30_000 });
    await expect(queryEditor.innerText()).resolves.toContain("__typename");

    await page.locator(".graphiql-execute-button").click();
    const response = page.locator(".graphiql-response");
    await response.getByText('"Query"').waitFor({ timeout: 15_000 });
    expect((await response.innerText()).replace(/\s+/g, " ")).toContain('"__typename": "Query"');

    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
