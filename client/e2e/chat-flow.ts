/// <reference types="node" />
/** The analyst's path: sign up, ask, watch it arrive, read the SQL, work the table and chart, follow up, refine, rate, export. */
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { check, eventually, shot, step } from "./harness.ts";

declare global {
  interface Window {
    __stepStates: string[];
  }
}

/** Waits until the n-th answer (0-based) has finished, and fails unless it succeeded. */
export async function answered(page: Page, index: number, timeout = 60_000): Promise<Locator> {
  const card = page.locator("article.answer-card").nth(index);
  await card.locator(".stepper-toggle, .answer-error, .clarification, .discovery").first().waitFor({ timeout });
  const error = await card.locator(".answer-error").count();
  check(error === 0, `answer ${index + 1} failed: ${error ? await card.locator(".answer-error").innerText() : ""}`);
  return card;
}

async function ask(page: Page, question: string): Promise<void> {
  const box = page.getByLabel("Your question");
  await box.fill(question);
  await box.press("Enter");
}

/** Scrolls the conversation (not the app shell) so the card's top sits near the top of the view. */
async function bringUp(card: Locator): Promise<void> {
  await card.evaluate((el) => {
    const box = el.closest(".chat-body")!;
    box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 60;
  });
  await card.page().waitForTimeout(150);
}

function numbers(texts: string[]): number[] {
  return texts.map((t) => Number(t.replace(/[^0-9.-]/g, "")));
}

export interface ChatOutcome {
  token: string;
  sessionPath: string;
  revenueKpi: string;
}

export async function chatFlow(page: Page, url: string): Promise<ChatOutcome> {
  await step("sign up", page, async () => {
    await page.goto(url);
    await page.getByRole("button", { name: "Create an account" }).click();
    await page.getByLabel("Name").fill("Eve Analyst");
    await page.getByLabel("E-mail").fill(`eve-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("correct-horse-9");
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByRole("heading", { name: /Good (morning|afternoon|evening), Eve/ }).waitFor();
  });

  await step("welcome lists the demo data sources with example questions and names the best match while typing", page, async () => {
    const cards = page.locator(".welcome .source-card:not(.skeleton-card)");
    await cards.nth(2).waitFor();
    for (const name of ["Sales", "People / HR", "Customer support"]) {
      const card = cards.filter({ has: page.getByRole("heading", { name, exact: true }) });
      check((await card.locator("button.example").count()) >= 2, `no example questions for ${name}`);
    }
    const box = page.getByLabel("Your question");
    await box.fill("revenue by region");
    await page.locator(".discovery-hint", { hasText: "Best match: Sales" }).waitFor();
    await shot(page, "flow-welcome");
    await box.fill("");
  });

  await page.evaluate(() => {
    window.__stepStates = [];
    new MutationObserver(() => {
      const state = [...document.querySelectorAll(".answer-card .step")].map((e) => e.className).join("|");
      if (state && window.__stepStates.at(-1) !== state) window.__stepStates.push(state);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
  });

  let revenueKpi = "";
  await step("ask “What's the total revenue?” and watch the stages arrive", page, async () => {
    await ask(page, "What's the total revenue?");
    await page.waitForURL(/\/s\//);
    const card = await answered(page, 0);
    const states = await page.evaluate(() => window.__stepStates);
    check(states.some((s) => s.includes("running")), "never saw a stage running");
    check(states.length >= 4, `saw only ${states.length} progress states; the answer did not build up live`);
    revenueKpi = await card.locator(".kpi-value").first().innerText();
    check(/\d/.test(revenueKpi), `no KPI value: ${revenueKpi}`);
  });

  await step("the chat header names the data source the answer used", page, async () => {
    const picker = page.locator(".chat-toolbar .source-picker select");
    const chosen = () => picker.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? "");
    await eventually(async () => (await chosen()) === "Sales", "the header does not show Sales after the first answer");
    check((await picker.locator("option", { hasText: "Any data source" }).count()) === 0, "the header still offers “Any data source”");
    await shot(page, "flow-header-source");
  });

  await step("open the SQL", page, async () => {
    const card = page.locator("article.answer-card").nth(0);
    await card.getByRole("button", { name: "Show SQL" }).click();
    const sql = await card.locator(".sql-panel pre").innerText();
    check(/select/i.test(sql) && /sum\(/i.test(sql), `unexpected SQL: ${sql}`);
  });

  await step("follow up with “Show by region”", page, async () => {
    await ask(page, "Show by region");
    const card = await answered(page, 1);
    await card.locator("figure.chart-view").waitFor();
    await shot(page, "flow-region-answer");
  });

  await step("switch the chart", page, async () => {
    const card = page.locator("article.answer-card").nth(1);
    const radios = card.getByRole("radiogroup", { name: "Chart type" }).getByRole("radio");
    check((await radios.count()) >= 2, "the chart offers no alternatives");
    const target = card.getByRole("radio", { name: "Bar" });
    await target.click();
    check((await target.getAttribute("aria-checked")) === "true", "the bar chart was not selected");
    await card.locator(".chart-body.chart-bar svg").first().waitFor();
    await card.getByRole("radio", { name: "Table" }).click();
    await card.locator(".chart-body.chart-table table").waitFor();
    await target.click();
  });

  await step("sort the table on the server", page, async () => {
    const card = page.locator("article.answer-card").nth(1);
    const table = card.locator(".result-table");
    const header = table.locator("thead th").filter({ hasText: "Revenue" });
    await header.getByRole("button").click();
    await table.locator('thead th[aria-sort="descending"]').waitFor();
    await table.locator("table:not([aria-busy])").waitFor();
    const column = await header.evaluate((th) => [...th.parentElement!.children].indexOf(th));
    const values = numbers(await table.locator(`tbody tr td:nth-child(${column + 1})`).allInnerTexts());
    check(values.length >= 2 && values.every((v, i) => i === 0 || values[i - 1]! >= v), `not sorted descending: ${values.join(", ")}`);
  });

  await step("click a follow-up and page its table", page, async () => {
    const card = page.locator("article.answer-card").nth(1);
    const chip = card.getByRole("group", { name: "Suggested follow-ups" }).getByRole("button", { name: /month/i }).first();
    const label = await chip.innerText();
    await chip.click();
    const next = await answered(page, 2);
    check((await page.locator(".bubble.user").nth(2).innerText()).includes(label), "the follow-up question is not shown");
    const range = next.locator(".pager-range");
    const text = await range.innerText();
    check(/^1–10 of \d+/.test(text), `expected a first page of 10 rows, got “${text}”`);
    await next.getByRole("button", { name: "Next page" }).click();
    await next.locator(".pager-range", { hasText: /^11–20 of/ }).waitFor();
  });

  await step("refine: keep 5 rows", page, async () => {
    const card = page.locator("article.answer-card").nth(2);
    await card.getByRole("group", { name: "Refine this answer" }).getByRole("button", { name: "Limit" }).click();
    await card.getByLabel("Rows to keep").fill("5");
    await card.getByRole("button", { name: "Apply" }).click();
    const refined = await answered(page, 3);
    await refined.locator(".pager-range", { hasText: /^1–5 of 5$/ }).waitFor();
  });

  await step("rate an answer: the thumb is stored on click, the comment updates it", page, async () => {
    const card = page.locator("article.answer-card").nth(0);
    await bringUp(card);
    const [stored] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/graphql") && (r.request().postData() ?? "").includes("SubmitFeedback")),
      card.getByRole("button", { name: "Helpful", exact: true }).click(),
    ]);
    check((await stored.json()).data?.submitFeedback?.message?.feedback?.rating === "POSITIVE", "the thumbs up was not stored on click");
    await card.getByText("Thanks for the feedback.").waitFor();
    check((await card.getByRole("button", { name: "Helpful", exact: true }).getAttribute("aria-pressed")) === "true", "the thumb does not show as pressed");
    await card.getByLabel(/Comment/).fill("Exactly the total I needed.");
    await shot(page, "flow-feedback-comment");
    await card.getByRole("button", { name: "Save comment" }).click();
    await card.getByRole("button", { name: "Edit comment" }).waitFor();
    await card.getByRole("button", { name: "Edit comment" }).click();
    check((await card.getByLabel(/Comment/).inputValue()) === "Exactly the total I needed.", "the saved comment is not offered for editing");
    await card.getByLabel(/Comment/).press("Escape");
    check((await card.getByRole("form", { name: "Feedback details" }).count()) === 0, "Escape did not close the comment form");
  });

  await step("export a CSV and check its content", page, async () => {
    const card = page.locator("article.answer-card").nth(1);
    const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("button", { name: "CSV" }).click()]);
    check(/\.csv$/.test(download.suggestedFilename()), `odd file name ${download.suggestedFilename()}`);
    const text = (await readFile((await download.path())!, "utf8")).replace(/^\ufeff/, "");
    const lines = text.trim().split(/\r?\n/);
    check(/revenue/i.test(lines[0]!), `no revenue column in the CSV header: ${lines[0]}`);
    check(lines.length === 5, `expected a header and 4 regions, got ${lines.length} lines`);
    check(lines.slice(1).every((l) => /\d/.test(l)), "rows without numbers");
  });

  const sessionPath = new URL(page.url()).pathname;
  await step("reload restores the conversation", page, async () => {
    await page.reload();
    await answered(page, 3);
    check((await page.locator("article.answer-card").count()) === 4, "not every answer came back");
    await page.locator("article.answer-card").nth(0).getByText("Thanks for the feedback.").waitFor();
    const up = page.locator("article.answer-card").nth(0).getByRole("button", { name: "Helpful", exact: true });
    check((await up.getAttribute("aria-pressed")) === "true", "the stored thumbs up is not shown after a reload");
  });

  await step("refine: the filter offers the column's values from the data, with unique field names", page, async () => {
    const card = page.locator("article.answer-card").nth(1);
    await bringUp(card);
    await card.getByRole("group", { name: "Refine this answer" }).getByRole("button", { name: "Filter" }).click();
    const field = card.getByLabel("Field");
    const names = await field.locator("option").allInnerTexts();
    check(names.length > 3 && new Set(names).size === names.length, `duplicate field names: ${names.join(", ")}`);
    await field.selectOption("regions.name");
    const box = card.getByRole("combobox", { name: "Value" });
    await box.click();
    const list = card.getByRole("listbox", { name: /^Values of Region/ });
    await list.getByRole("option").first().waitFor();
    const regions = await list.getByRole("option").allInnerTexts();
    check(regions.length === 4, `expected the 4 regions, got ${regions.join(", ")}`);
    await shot(page, "flow-refine-values");
    const pick = regions[regions.length - 1]!;
    await box.fill(pick.slice(0, 3).toLowerCase());
    await eventually(async () => (await list.getByRole("option").allInnerTexts()).every((v) => v.toLowerCase().includes(pick.slice(0, 3).toLowerCase())), "typing did not narrow the values");
    await list.getByRole("option", { name: pick, exact: true }).click();
    check((await box.inputValue()) === pick, `picking a value did not fill the box: ${await box.inputValue()}`);
    await card.getByRole("button", { name: "Apply" }).click();
    const refined = await answered(page, 4);
    check((await page.locator(".bubble.user").nth(4).innerText()).includes(pick), "the refined question does not name the picked value");
    check((await refined.locator(".result-table tbody tr, .kpi-value").count()) >= 1, "the filtered answer shows no rows");
  });

  await step("Escape closes the refine panel and the SQL", page, async () => {
    const card = page.locator("article.answer-card").nth(1);
    await bringUp(card);
    const filter = card.getByRole("group", { name: "Refine this answer" }).getByRole("button", { name: "Filter" });
    await filter.click();
    await card.getByLabel("Field").press("Escape");
    check((await card.locator("form.refine-form").count()) === 0, "Escape did not close the filter panel");
    check((await filter.getAttribute("aria-expanded")) === "false", "the Filter button still says it is open");
    await card.getByRole("button", { name: "Show SQL" }).click();
    await card.getByLabel("SQL query").press("Escape");
    await card.getByRole("button", { name: "Show SQL" }).waitFor();
    await shot(page, "flow-escape-closed");
  });

  const token = await page.evaluate(() => localStorage.getItem("agentmedha.token"));
  check(token, "no token stored");
  return { token, sessionPath, revenueKpi };
}
