/// <reference types="node" />
/** Answers that need the user: a data source to pick, what a word meant, a failure to retry. */
import type { Page } from "playwright-core";
import { answered } from "./chat-flow.ts";
import { check, shot, step } from "./harness.ts";

async function ask(page: Page, question: string): Promise<void> {
  const box = page.getByLabel("Your question");
  await box.fill(question);
  await box.press("Enter");
}

/** Waits for the n-th answer to settle on something other than a success. */
async function settled(page: Page, index: number, selector: string) {
  const card = page.locator("article.answer-card").nth(index);
  await card.locator(selector).first().waitFor({ timeout: 30_000 });
  return card;
}

export async function choiceFlow(page: Page): Promise<void> {
  await step("answer a clarification", page, async () => {
    await page.getByRole("button", { name: "New chat" }).click();
    await page.getByLabel("Data source").selectOption({ label: "Sales" });
    await ask(page, "How many widgets are there?");
    await page.waitForURL(/\/s\//);
    const card = await settled(page, 0, ".clarification");
    await shot(page, "flow-clarification");
    const options = card.getByRole("group", { name: "Choose what you meant" }).getByRole("button");
    check((await options.count()) >= 2, "too few options");
    const label = await options.first().innerText();
    await options.first().click();
    await answered(page, 1);
    check((await page.locator(".bubble.user").nth(1).innerText()).includes(label), "the chosen option is not the next question");
  });

  await step("a failed answer explains itself and retries", page, async () => {
    await ask(page, "DROP TABLE orders");
    const card = await settled(page, 2, ".answer-error");
    const text = await card.locator(".answer-error").innerText();
    check(text.includes("SQL_NOT_ACCEPTED") && /plain language/.test(text), `no code or hint in the error: ${text}`);
    await shot(page, "flow-error");
    await card.getByRole("button", { name: "Retry" }).click();
    await settled(page, 3, ".answer-error");
    check((await page.locator(".bubble.user").nth(3).innerText()).includes("DROP TABLE orders"), "retry did not ask the same question");
  });

  await step("pick a data source from discovery, then a suggested question", page, async () => {
    await page.getByRole("button", { name: "New chat" }).click();
    await ask(page, "Show me the data");
    await page.waitForURL(/\/s\//);
    const card = await settled(page, 0, ".discovery");
    check((await card.locator(".candidate").count()) === 3, "expected the three demo data sources as candidates");
    await shot(page, "flow-discovery");
    await card.getByRole("button", { name: "Use this: Sales" }).click();
    const overview = await answered(page, 1);
    const tries = overview.getByRole("group", { name: "Questions to try" }).getByRole("button");
    // The overview's examples come with the conversation's reply, which may follow the run's last event.
    await tries.nth(2).waitFor({ timeout: 10_000 }).catch(() => {});
    check((await tries.count()) >= 3, "the overview offers no questions to try");
    await tries.nth(3).click();
    await answered(page, 2);
  });
}

/** Ending a chat keeps its answers and closes the question box. */
export async function endChatFlow(page: Page): Promise<void> {
  await step("end a chat: read-only from then on", page, async () => {
    await page.getByRole("button", { name: "End chat" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "End chat" }).click();
    await page.locator(".composer.read-only", { hasText: "has ended" }).waitFor();
    check((await page.getByLabel("Your question").count()) === 0, "the question box is still open");
    await page.locator(".chat-toolbar .badge.status.ended").waitFor();
    await page.locator(".session-item.active .badge.status.ended").waitFor();
    check((await page.locator("article.answer-card").count()) === 3, "the answers are gone");
  });
}

/** A forged or expired token (the page starts with one) sends the user back to log in, saying why. */
export async function badTokenFlow(page: Page, url: string): Promise<void> {
  await step("a bad token leads back to log in with a reason", page, async () => {
    await page.goto(url);
    await page.getByRole("heading", { name: "Log in" }).waitFor();
    await page.getByText(/Log in again to continue/).waitFor();
  });
}
