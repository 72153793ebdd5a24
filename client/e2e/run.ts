/// <reference types="node" />
/**
 * End-to-end run against the real product: builds the client, starts the
 * server like `npm start` (fresh data folder, demo data, port 0), and drives
 * Debian's Chromium through the analyst's path, the sidebar, the data sources
 * and a semantic-model edit; then saves screenshots of the main screens.
 *
 *   cd client && npx tsx e2e/run.ts        (CHROMIUM_PATH overrides /usr/bin/chromium)
 */
import { dataSourcesFlow, semanticEditFlow, settingsFlow, sidebarFlow } from "./app-flow.ts";
import { chatFlow } from "./chat-flow.ts";
import { badTokenFlow, choiceFlow, endChatFlow } from "./choice-flow.ts";
import { DESKTOP, launchBrowser, newPage, pageErrors, saved, screenshotDir, step } from "./harness.ts";
import { screens } from "./screens.ts";
import { buildClient, startServer, type RunningServer } from "./server.ts";

async function main() {
  const started = performance.now();
  console.log("e2e: building the client and starting the server");
  await step("build the client", null, buildClient);
  const server: RunningServer = await step("start the server (demo data)", null, () => startServer());
  const browser = await launchBrowser();
  let failed = false;
  try {
    const { context, page } = await newPage(browser, DESKTOP, "light");
    const chat = await chatFlow(page, server.url);
    await sidebarFlow(page);
    await choiceFlow(page);
    await endChatFlow(page);
    const salesPath = await dataSourcesFlow(page);
    await settingsFlow(page, server.url);
    if (server.demo) await semanticEditFlow(browser, server.url, server.demo, salesPath, page, chat.revenueKpi);
    else console.log("  - no demo account printed: skipped the semantic-model edit");
    await context.close();
    const anonymous = await newPage(browser, DESKTOP, "light", "not-a-real-token");
    await badTokenFlow(anonymous.page, server.url);
    await anonymous.context.close();
    await screens(browser, server.url, chat.token, chat.sessionPath, salesPath);
    console.log(`e2e: ${saved.length} screenshots in ${screenshotDir}`);
    if (pageErrors.length > 0) throw new Error(`The page logged errors:\n${pageErrors.join("\n")}`);
  } catch (error) {
    failed = true;
    console.error(`\ne2e FAILED: ${error instanceof Error ? error.message : String(error)}`);
    console.error(`--- server output (last 40 lines) ---\n${server.log().split("\n").slice(-40).join("\n")}`);
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(`e2e: ${failed ? "failed" : "passed"} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = failed ? 1 : 0;
}

await main();
