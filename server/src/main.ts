import { buildApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { DatabaseStartError } from "./infra/db/database.ts";

/** Starts one server instance; failures a user can fix print one line, not a stack trace. */
async function main() {
  const config = loadConfig();
  const app = await buildApp(config, { progress: (message) => console.log(`  ${message}`) });
  const url = await app.start();
  const log = app.services.log;
  log.info({ url, database: app.services.db.kind, redis: Boolean(config.redisUrl), engine: config.engine }, "AgentMedha is running");
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
