import { randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import pino from "pino";
import { buildApp, type App } from "../app.ts";
import { loadConfig } from "../config.ts";
import type { Viewer } from "../graphql/context.ts";
import { embeddedUrl } from "../modules/data-sources/connections.ts";
import type { ResultSet } from "./compare.ts";
import { DatasetLoadError, freshServerDatabase, runOnPglite, runOnPool } from "./register.ts";
import type { Conversation, EvalDataset } from "./run.ts";
import { introspectionProgress } from "./progress.ts";

/**
 * The product itself, in this process, for the eval command: its own
 * throw-away app database, one user, and datasets registered the way a user
 * adds a data source (introspection + automatic semantic model). Questions go
 * through `ask` and the whole pipeline, exactly as a user's do; ENGINE and
 * OPENAI_* from the environment apply (`ENGINE=llm` evaluates the model).
 */
export interface EvalProduct {
  register(name: string, dumpPath: string, opts: { databaseUrl?: string; onProgress?: (message: string) => void }): Promise<EvalDataset & { tables: number; close(): Promise<void> }>;
  close(): Promise<void>;
}

async function waitForRun(app: App, runId: string): Promise<void> {
  for await (const event of app.services.runFeeds.stream(runId, 0)) if (event.stage === "DONE") return;
}

export async function openEvalProduct(env: NodeJS.ProcessEnv = process.env): Promise<EvalProduct> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "agentmedha-eval-"));
  const config = loadConfig({
    ...env,
    NODE_ENV: "test",
    DATABASE_URL: undefined,
    REDIS_URL: undefined,
    DEMO_DATA: "false",
    DEMO_USER: "false",
    AGENTMEDHA_DATA_DIR: dataDir,
    AGENTMEDHA_SECRET: randomBytes(32).toString("hex"),
    LOG_LEVEL: "silent",
    // The datasets are loaded on this machine or on the DATABASE_URL server: let the product reach them.
    DATA_SOURCE_ALLOWED_HOSTS: [env.DATA_SOURCE_ALLOWED_HOSTS, "127.0.0.1,localhost,::1", env.DATABASE_URL && URL.canParse(env.DATABASE_URL) ? new URL(env.DATABASE_URL).hostname : ""]
      .filter(Boolean)
      .join(","),
  });
  const app = await buildApp(config, { log: pino({ level: "silent" }), embeddedDbDir: "memory://" });
  const account = await app.services.auth.signUp({ email: "eval@agentmedha.local", password: `eval-${randomBytes(9).toString("hex")}` });
  const viewer: Viewer = { userId: account.userId, role: "ADMIN" };
  const { services } = app;

  /** The words the built-in engine left out, from the run's PLAN event. */
  async function unreadWords(runId: string): Promise<string[]> {
    const planned = (await services.events.list(runId, 0)).find((e) => e.stage === "PLAN" && e.status === "COMPLETED");
    const ignored = (planned?.payload as { ignored?: unknown } | null)?.ignored;
    return Array.isArray(ignored) ? ignored.filter((w): w is string => typeof w === "string") : [];
  }

  function conversationOn(dataSourceId: string, title: string) {
    return async (): Promise<Conversation> => {
      const session = await services.sessions.create(viewer.userId, { title });
      return {
        async ask(question) {
          let runId: string;
          try {
            runId = (await services.ask.ask(viewer, { sessionId: session.id, message: question, dataSourceId })).id;
          } catch (error) {
            const { code, message } = error as { code?: string; message: string };
            return { sql: null, error: `${code ?? "ASK_FAILED"}: ${message}` };
          }
          await waitForRun(app, runId);
          const run = await services.prisma.queryRun.findUniqueOrThrow({ where: { id: runId } });
          if (run.status === "SUCCEEDED") return { sql: run.sql, error: null, unread: await unreadWords(runId) };
          if (run.status === "REPLIED") return { sql: null, error: "REPLIED: answered in words, without a query" };
          if (run.status === "NEEDS_INPUT") {
            const kind = (run.pending as { kind?: string } | null)?.kind ?? "CLARIFICATION";
            const asked = await services.prisma.message.findFirst({ where: { runId, kind: kind === "DISCOVERY" ? "DISCOVERY" : "CLARIFICATION" }, select: { content: true } });
            return { sql: null, error: `${kind}: ${asked?.content ?? "needs input"}` };
          }
          return { sql: run.sql, error: `${run.errorCode ?? run.status}: ${run.errorMessage ?? ""}` };
        },
      };
    };
  }

  return {
    async register(name, dumpPath, opts) {
      let dump: string;
      try {
        dump = await readFile(dumpPath, "utf8");
      } catch (error) {
        throw new DatasetLoadError(`Cannot read ${dumpPath}: ${(error as Error).message}`, { cause: error });
      }
      let connectionUrl: string;
      let run: (sql: string) => Promise<ResultSet>;
      let release: () => Promise<void>;
      if (opts.databaseUrl) {
        const created = await freshServerDatabase(opts.databaseUrl, name);
        const pool = new pg.Pool({ connectionString: created.url, max: 2 });
        try {
          await pool.query(dump);
          await pool.query("ANALYZE");
        } catch (error) {
          await pool.end();
          await created.drop();
          throw new DatasetLoadError(`Loading ${dumpPath} failed: ${(error as Error).message}`, { cause: error });
        }
        connectionUrl = created.url;
        run = (sql) => runOnPool(pool, sql);
        release = async () => {
          await pool.end();
          await created.drop();
        };
      } else {
        // Two copies of the loaded database: one the product serves from its worker, one
        // this process reads gold answers from (a PGlite folder has one owner at a time).
        const relative = path.join("sources", `eval-${name.replace(/[^\w-]/g, "_")}`);
        const served = path.join(dataDir, relative);
        const goldDir = path.join(dataDir, "gold", name.replace(/[^\w-]/g, "_"));
        await mkdir(path.dirname(served), { recursive: true });
        const loader = new PGlite(served);
        try {
          await loader.exec(dump);
          await loader.exec("ANALYZE");
        } catch (error) {
          throw new DatasetLoadError(`Loading ${dumpPath} failed: ${(error as Error).message}`, { cause: error });
        } finally {
          await loader.close();
        }
        await cp(served, goldDir, { recursive: true });
        const gold = new PGlite(goldDir);
        connectionUrl = embeddedUrl(relative);
        run = (sql) => runOnPglite(gold, sql);
        release = () => gold.close();
      }
      opts.onProgress?.(`  ${name}: loaded; adding it as a data source (introspection, semantic model)…`);
      const source = await services.dataSources.register(
        viewer.userId,
        { name, connectionUrl },
        { connectionUrlIsInternal: !opts.databaseUrl, ...(opts.onProgress ? { onProgress: introspectionProgress(name, opts.onProgress) } : {}) },
      );
      return { run, conversation: conversationOn(source.id, name), tables: source.tableCount, close: release };
    },
    async close() {
      await app.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
