import { buildApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { DatabaseStartError } from "./infra/db/database.ts";
import { createLogger } from "./infra/logger.ts";
import { prewarmSharedSources } from "./modules/data-sources/prewarm.ts";
import { warmDictionary } from "./semantic/dictionary.ts";

/** Starts one server instance; failures a user can fix print one line, not a stack trace. */
async function main() {
  const config = loadConfig();
  const log = createLogger(config);
  const json = config.logFormat === "json";
  // Progress is a log entry for a log collector, a plain line for a person; the banner below is for people either way.
  const progress = json ? (message: string) => log.info(message) : (message: string) => console.log(`  ${message}`);
  const app = await buildApp(config, { log, progress });
  const url = await app.start();
  // After start, so neither start nor the first question waits for the word lists or a data source's first connection.
  setTimeout(warmDictionary, 0).unref();
  setTimeout(() => void prewarmSharedSources(app.services), 0).unref();
  log[json ? "info" : "debug"]({ url, database: app.services.db.kind, redis: Boolean(config.redisUrl), engine: config.engine }, "AgentMedha is running");
  console.log(`\n  AgentMedha is running at ${url}\n  GraphQL API and GraphiQL: ${url}/graphql`);
  if (app.demoAccount) {
    console.log(`  Demo account: ${app.demoAccount.email} / ${app.demoAccount.password}`);
  }
  console.log("");

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    app
      .stop()
      .then(() => process.exit(0))
      .catch((error) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseStartError) {
    console.error(`agentmedha: ${error.message}`);
  } else if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(`agentmedha: port ${(error as { port?: number }).port ?? ""} is already in use; set PORT to another one`);
  } else {
    console.error("agentmedha: failed to start:", error);
  }
  process.exit(1);
});
