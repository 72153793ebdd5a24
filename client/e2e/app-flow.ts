/// <reference types="node" />
/** Around the chat: the session sidebar, theme, offline banner, data sources, and a semantic-model edit taking effect. */
import type { Browser, Page } from "playwright-core";
import { answered } from "./chat-flow.ts";
import { check, DESKTOP, eventually, newPage, shot, step } from "./harness.ts";

export async function sidebarFlow(page: Page): Promise<void> {
  await step("rename a chat inline", page, async () => {
    const item = page.locator(".session-item.active");
    await item.hover();
    await item.getByRole("button", { name: /^Rename/ }).click();
    const input = page.getByLabel("Chat title");
    await input.fill("Revenue review");
    await input.press("Enter");
    await page.locator(".session-item.active .title", { hasText: "Revenue review" }).waitFor();
    await page.locator("#main-heading", { hasText: "Revenue review" }).waitFor();
  });

  await step("start a chat from an example and delete it", page, async () => {
    await page.getByRole("button", { name: "New chat" }).click();
    const sales = page.locator(".welcome .source-card").filter({ has: page.getByRole("heading", { name: "Sales", exact: true }) });
    await sales.locator("button.example").first().click();
    await page.waitForURL(/\/s\//);
    await answered(page, 0);
    await eventually(async () => (await page.locator(".session-item").count()) === 2, "the new chat is not in the sidebar");
    const item = page.locator(".session-item.active");
    await item.hover();
    await item.getByRole("button", { name: /^Delete/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("heading", { name: /Good (morning|afternoon|evening)/ }).waitFor();
    await eventually(async () => (await page.locator(".session-item").count()) === 1, "the deleted chat is still listed");
  });

  await step("search chats", page, async () => {
    const search = page.getByLabel("Search chats");
    await search.fill("zzz-no-such-chat");
    await page.getByText("No chats match your search.").waitFor();
    await search.fill("review");
    await page.locator(".session-item", { hasText: "Revenue review" }).waitFor();
    await search.fill("");
  });

  await step("switch to the dark theme and back", page, async () => {
    await page.getByRole("radio", { name: "Dark" }).click();
    check((await page.evaluate(() => document.documentElement.dataset.theme)) === "dark", "the page did not turn dark");
    await page.reload();
    await page.locator(".sidebar").waitFor();
    check((await page.evaluate(() => document.documentElement.dataset.theme)) === "dark", "the choice did not survive a reload");
    await page.getByRole("radio", { name: "System" }).click();
    check((await page.evaluate(() => document.documentElement.dataset.theme)) === "light", "system did not follow the (light) system setting");
  });

  await step("offline banner comes and goes", page, async () => {
    await page.context().setOffline(true);
    await page.getByText(/You are offline/).waitFor();
    await page.context().setOffline(false);
    await page.getByText(/You are offline|Reconnecting/).waitFor({ state: "detached", timeout: 30_000 });
  });
}

export async function dataSourcesFlow(page: Page): Promise<string> {
  let salesPath = "";
  await step("data sources: list, tables, model (read-only for a viewer)", page, async () => {
    await page.getByRole("button", { name: "Data sources", exact: true }).first().click();
    await page.getByRole("heading", { name: "Data sources", level: 1 }).waitFor();
    const cards = page.locator(".source-grid .source-card:not(.skeleton-card)");
    await cards.nth(2).waitFor();
    await cards.filter({ hasText: "Sales" }).getByRole("button", { name: "Tables & model" }).click();
    await page.getByRole("heading", { name: "Sales", level: 1 }).waitFor();
    salesPath = new URL(page.url()).pathname;
    await page.locator(".schema-table-name", { hasText: "orders" }).first().waitFor();
    await page.getByRole("tab", { name: /Metrics/ }).click();
    await page.locator(".item", { hasText: "Revenue" }).first().waitFor();
    await page.getByText(/You can read this model/).waitFor();
  });

  await step("a viewer (the default for a sign-up) is not offered to connect a database", page, async () => {
    await page.getByRole("button", { name: "Data sources", exact: true }).first().click();
    await page.locator(".source-grid .source-card:not(.skeleton-card)").nth(2).waitFor();
    check((await page.getByRole("button", { name: /Add (a )?data source/ }).count()) === 0, "a viewer is offered to add a data source");
  });
  return salesPath;
}

/** The administrator teaches the model a word; the analyst's question with it is then understood. */
export async function semanticEditFlow(browser: Browser, url: string, demo: { email: string; password: string }, salesPath: string, analyst: Page, revenueKpi: string): Promise<void> {
  const { context, page } = await newPage(browser, DESKTOP, "light");
  try {
    await step("administrator adds “takings” to the revenue metric", page, async () => {
      await page.goto(url);
      await page.getByLabel("E-mail").fill(demo.email);
      await page.getByLabel("Password").fill(demo.password);
      await page.getByRole("button", { name: "Log in" }).click();
      await page.locator(".sidebar").waitFor();
      await page.goto(`${url}${salesPath}/metrics`);
      await page.getByRole("button", { name: "Edit Revenue" }).click();
      const words = page.getByLabel(/Words for it/);
      await words.fill(["takings", await words.inputValue()].filter(Boolean).join(", "));
      await page.getByRole("button", { name: "Save metric" }).click();
      await page.locator(".item", { hasText: "takings" }).waitFor();
      await shot(page, "flow-metric-saved");
      await page.getByRole("tab", { name: "History" }).click();
      await page.locator(".versions .item").nth(1).waitFor();
      await shot(page, "flow-semantic-history");
    });

    await step("administrator verifies the answer the analyst rated good", page, async () => {
      await page.getByRole("tab", { name: "Review" }).click();
      const entry = page.locator(".review-item").filter({ hasText: "Exactly the total I needed." });
      await entry.waitFor();
      await entry.getByRole("button", { name: "Verify" }).click();
      await page.getByRole("radio", { name: "Verified" }).click();
      await page.locator(".review-item", { hasText: "Exactly the total I needed." }).locator(".badge.review.verified").waitFor();
      await page.getByRole("tab", { name: "Feedback" }).click();
      await page.locator(".stat.good .stat-value", { hasText: "100%" }).waitFor();
      await shot(page, "flow-feedback-summary");
    });

    await step("adding a data source tests the connection first", page, async () => {
      await page.getByRole("button", { name: "Data sources", exact: true }).first().click();
      await page.getByRole("button", { name: "Add data source" }).click();
      const form = page.locator("form.add-source");
      await form.getByLabel("Name", { exact: true }).fill("Nowhere");
      await form.getByLabel("Connection URL").fill("postgresql://reader:secret@127.0.0.1:1/nowhere");
      await form.getByRole("button", { name: "Test connection" }).click();
      await form.locator("[role=alert]").first().waitFor();
      await form.getByRole("button", { name: "Cancel" }).click();
    });

    await step("administrator sees the activity log", page, async () => {
      await page.getByRole("button", { name: "Settings", exact: true }).click();
      const activity = page.getByRole("region", { name: "Activity" });
      await activity.locator("tbody tr", { hasText: "API key created" }).first().waitFor();
      await activity.locator("tbody tr", { hasText: "Data source tested" }).first().waitFor();
      await activity.scrollIntoViewIfNeeded();
      await shot(page, "flow-settings-activity");
    });
  } finally {
    await context.close();
  }

  await step("the analyst asks with the new word", analyst, async () => {
    await analyst.getByRole("button", { name: "New chat" }).click();
    const box = analyst.getByLabel("Your question");
    await box.fill("What is the total takings?");
    await box.press("Enter");
    await analyst.waitForURL(/\/s\//);
    const card = await answered(analyst, 0);
    const kpi = await card.locator(".kpi-value").first().innerText();
    check(kpi === revenueKpi, `takings ${kpi} is not the revenue ${revenueKpi}`);
  });
}

/** An API key made in Settings answers a program's request until it is revoked. */
export async function settingsFlow(page: Page, url: string): Promise<void> {
  const me = async (key: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: "{ me { email } }" }),
    });
    return (await response.json()) as { data?: { me: { email: string } }; errors?: { extensions?: { code?: string } }[] };
  };
  let secret = "";
  await step("create an API key and call the API with it", page, async () => {
    await page.getByRole("button", { name: "Settings", exact: true }).click();
    await page.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
    await page.getByRole("button", { name: "New key" }).click();
    const form = page.getByRole("form", { name: "New API key" });
    await form.getByLabel("Name").fill("Nightly report");
    await form.getByRole("button", { name: "Create key" }).click();
    secret = await page.locator(".secret").innerText();
    const answer = await me(secret);
    check(answer.data?.me.email.startsWith("eve-"), `the key did not authenticate: ${JSON.stringify(answer)}`);
    await page.getByRole("button", { name: "Done" }).click();
  });
  await step("revoke the API key", page, async () => {
    await page.locator(".item", { hasText: "Nightly report" }).getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await page.locator(".item.inactive", { hasText: "Nightly report" }).waitFor();
    const answer = await me(secret);
    check(!answer.data, `a revoked key still works: ${JSON.stringify(answer)}`);
  });
}
