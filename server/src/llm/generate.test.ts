import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bootstrapSemanticModel } from "../semantic/bootstrap.ts";
import { shopSnapshot } from "../semantic/testing/snapshots.ts";
import type { SemanticModel } from "../semantic/types.ts";
import { SqlSandboxError } from "../sql/errors.ts";
import { guardSql } from "../sql/guard/guard.ts";
import { createTestDatabase, type TestDatabase } from "../testing/postgres.ts";
import { createLlmClient, type LlmClient } from "./client.ts";
import { LlmError } from "./errors.ts";
import { generateSql, type GenerateSqlInput, type LlmEvent, type Validation } from "./generate.ts";
import { hang, httpError, jsonReply, reply, stall, startOpenAiTestServer, type OpenAiTestServer } from "./testing/openai-test-server.ts";

/** The shop fixture's tables, so EXPLAIN can judge the model's SQL on a real database. */
const SHOP_DDL = `
CREATE TABLE regions (region_id int PRIMARY KEY, region_name text);
CREATE TABLE clients (client_id int PRIMARY KEY, full_name text, country text, city text, email text,
  region_id int REFERENCES regions, signup_date date, is_active boolean);
CREATE TABLE sales_orders (order_id int PRIMARY KEY, client_id int REFERENCES clients, ordered_at timestamp NOT NULL,
  status text, shipping_fee numeric);
CREATE TABLE item_groups (group_id int PRIMARY KEY, group_name text);
CREATE TABLE items (item_id int PRIMARY KEY, item_name text, group_id int REFERENCES item_groups, list_price numeric,
  in_stock int, retired int);
CREATE TABLE order_lines (line_id int PRIMARY KEY, order_id int REFERENCES sales_orders, item_id int REFERENCES items,
  unit_price numeric, qty int, discount float8);
`;

const GOOD = "SELECT count(*) AS clients FROM clients WHERE country = 'Canada'";

describe("generateSql against a real OpenAI-compatible server and a real sandbox", () => {
  let server: OpenAiTestServer;
  let database: TestDatabase;
  let pool: pg.Pool;
  let model: SemanticModel;
  let client: LlmClient;

  /** The caller's validation: the SQL guard, then EXPLAIN on PostgreSQL. */
  async function validate(sql: string): Promise<Validation> {
    try {
      const knownTables = new Set(model.entities.map((e) => `${e.schema}.${e.table}`));
      const guarded = await guardSql(sql, { allowedSchemas: ["public"], knownTables });
      await pool.query(`EXPLAIN ${guarded.sql}`);
      return { ok: true };
    } catch (error) {
      if (error instanceof SqlSandboxError) return { ok: false, code: error.code, error: error.message };
      return { ok: false, code: "QUERY_FAILED", error: (error as Error).message };
    }
  }

  const run = (extra: Partial<GenerateSqlInput> = {}) => {
    const events: LlmEvent[] = [];
    const promise = generateSql({
      client,
      question: "How many clients are in Canada?",
      model,
      history: [],
      examples: [],
      validate,
      onEvent: (e) => events.push(e),
      ...extra,
    });
    return { events, promise };
  };

  async function failure(promise: Promise<unknown>): Promise<LlmError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LlmError);
    return error as LlmError;
  }

  const userMessages = (i: number) =>
    (server.chatRequests()[i]!.body.messages as { role: string; content: string }[]).filter((m) => m.role === "user").map((m) => m.content);

  beforeAll(async () => {
    server = await startOpenAiTestServer({ apiKey: "sk-test", models: ["test-model"] });
    database = await createTestDatabase("llmgen");
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    await pool.query(SHOP_DDL);
    model = bootstrapSemanticModel(shopSnapshot());
    client = createLlmClient({ baseUrl: server.baseUrl, apiKey: "sk-test", model: "test-model", timeoutMs: 2_000 });
  });
  afterAll(async () => {
    await server.close();
    await pool.end();
    await database.drop();
  });
  beforeEach(() => {
    server.requests.length = 0;
    expect(server.pending()).toBe(0);
  });

  it("streams a structured answer that passes on the first try", async () => {
    server.script(
      jsonReply({ sql: GOOD, explanation: "Counts clients in Canada.", tables: ["clients"] }, { chunkSize: 5, usage: { promptTokens: 300, completionTokens: 40 } }),
    );
    const { events, promise } = run();
    const result = await promise;
    expect(result).toMatchObject({
      sql: GOOD,
      explanation: "Counts clients in Canada.",
      tables: ["clients"],
      attempts: [{ sql: GOOD }],
      usage: { promptTokens: 300, completionTokens: 40, totalTokens: 340, estimated: false },
      model: "test-model",
    });
    expect(result.linkedTables[0]).toBe("clients");
    expect(events[0]).toEqual({ type: "attempt", n: 1 });
    const tokens = events.filter((e) => e.type === "token");
    expect(tokens.length).toBeGreaterThan(10);
    expect(tokens.map((t) => t.text).join("")).toContain(GOOD);
    expect(tokens.at(-1)!.sql).toBe(GOOD);
    expect(tokens.some((t) => t.sql.length > 0 && t.sql.length < GOOD.length)).toBe(true);
    expect(events.some((e) => e.type === "correcting")).toBe(false);

    const body = server.chatRequests()[0]!.body;
    expect(body).toMatchObject({ stream: true, temperature: 0, response_format: { type: "json_schema" } });
    const prompt = userMessages(0)[0]!;
    expect(prompt).toContain("table clients");
    expect(prompt).toContain("country text, values 'Canada'");
    expect(prompt).not.toContain("table order_lines");
    expect(prompt.trimEnd().endsWith("Question: How many clients are in Canada?")).toBe(true);
  });

  it("sends a guard error back and accepts the corrected query", async () => {
    server.script(
      jsonReply({ sql: "SELECT count(*) FROM customers WHERE country = 'Canada'", explanation: "", tables: ["customers"] }),
      jsonReply({ sql: GOOD, explanation: "Counts clients in Canada.", tables: ["clients"] }),
    );
    const { events, promise } = run();
    const result = await promise;
    expect(result.sql).toBe(GOOD);
    expect(result.attempts).toHaveLength(2);
    expect(result.attempts[0]).toMatchObject({ sql: "SELECT count(*) FROM customers WHERE country = 'Canada'", code: "SQL_UNKNOWN_OBJECT" });
    expect(result.attempts[1]!.error).toBeUndefined();
    const correcting = events.find((e) => e.type === "correcting");
    expect(correcting).toMatchObject({ n: 1, max: 2, code: "SQL_UNKNOWN_OBJECT" });
    expect(events.filter((e) => e.type === "attempt").map((e) => e.n)).toEqual([1, 2]);

    const second = server.chatRequests()[1]!.body.messages as { role: string; content: string }[];
    expect(second.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(second[2]!.content).toContain("FROM customers");
    expect(second[3]!.content).toContain("SQL_UNKNOWN_OBJECT");
    expect(second[3]!.content).toContain(result.attempts[0]!.error);
  });

  it("sends a database error from EXPLAIN back to the model", async () => {
    server.script(
      reply("```sql\nSELECT nme FROM clients\n```"),
      reply("```sql\nSELECT full_name FROM clients\n```"),
    );
    const result = await run({ question: "List client names" }).promise;
    expect(result.sql).toBe("SELECT full_name FROM clients");
    expect(result.attempts[0]).toMatchObject({ code: "QUERY_FAILED", error: expect.stringContaining('column "nme" does not exist') });
    expect(userMessages(1)[1]).toContain('column "nme" does not exist');
    expect(result.tables).toEqual(["clients"]);
  });

  it("refuses a write and gets a read-only query instead", async () => {
    server.script(reply('{"sql": "DELETE FROM clients"}'), reply(`{"sql": "${GOOD}"}`));
    const result = await run().promise;
    expect(result.attempts.map((a) => a.code)).toEqual(["SQL_NOT_READ_ONLY", undefined]);
    expect(result.sql).toBe(GOOD);
  });

  it("reads plain text with a ```sql fence from servers that ignore the JSON schema", async () => {
    server.script(reply(`Here is the query you need:\n\n\`\`\`sql\n${GOOD};\n\`\`\`\n\nIt counts Canadian clients.`, { usage: false }));
    const result = await run().promise;
    expect(result.sql).toBe(GOOD);
    expect(result.explanation).toBe("Here is the query you need: It counts Canadian clients.");
    expect(result.usage.estimated).toBe(true);
    expect(result.usage.totalTokens).toBe(result.usage.promptTokens + result.usage.completionTokens);
  });

  it("asks again after malformed JSON", async () => {
    server.script(reply('{"sql": SELECT count(*) FROM clients}'), jsonReply({ sql: GOOD, explanation: "", tables: [] }));
    const { events, promise } = run();
    const result = await promise;
    expect(result.attempts[0]).toMatchObject({ sql: null, code: "LLM_BAD_RESPONSE" });
    expect(events.find((e) => e.type === "correcting")).toMatchObject({ n: 1, code: "LLM_BAD_RESPONSE" });
    expect(userMessages(1)[1]).toContain("could not be used");
  });

  it("treats a reply cut off at the length limit as unreadable", async () => {
    server.script(reply('{"sql": "SELECT count(*) FROM clients WHERE", "explanation": "', { finishReason: "length" }), jsonReply({ sql: GOOD }));
    const result = await run().promise;
    expect(result.attempts[0]).toMatchObject({ sql: null, error: expect.stringContaining("cut off") });
    expect(result.sql).toBe(GOOD);
  });

  it("gives up with LLM_SQL_INVALID after maxCorrections, with the run's figures attached", async () => {
    const wrong = () => jsonReply({ sql: "SELECT * FROM nowhere" }, { usage: { promptTokens: 10, completionTokens: 5 } });
    server.script(wrong(), wrong());
    const { events, promise } = run({ maxCorrections: 1 });
    const error = await failure(promise);
    expect(error.code).toBe("LLM_SQL_INVALID");
    expect(error.message).toContain("after 2 tries");
    expect(error.run?.attempts.map((a) => a.code)).toEqual(["SQL_UNKNOWN_OBJECT", "SQL_UNKNOWN_OBJECT"]);
    expect(error.run?.usage).toMatchObject({ promptTokens: 20, completionTokens: 10, totalTokens: 30 });
    expect(server.chatRequests()).toHaveLength(2);
    expect(events.filter((e) => e.type === "correcting")).toHaveLength(1);
  });

  it("gives up with LLM_BAD_RESPONSE when no correction is allowed", async () => {
    server.script(reply("I cannot answer questions about databases."));
    const error = await failure(run({ maxCorrections: 0 }).promise);
    expect(error.code).toBe("LLM_BAD_RESPONSE");
    expect(error.run?.attempts).toEqual([expect.objectContaining({ sql: null, error: "The reply held no SQL query." })]);
  });

  it("cancels mid-stream: the HTTP request is aborted and nothing else is sent", async () => {
    server.script(stall('{"sql": "SELECT count(*) FROM clients'));
    const controller = new AbortController();
    const error = await failure(
      run({
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === "token" && e.sql.startsWith("SELECT")) controller.abort();
        },
      }).promise,
    );
    expect(error.code).toBe("LLM_CANCELLED");
    expect(error.run?.attempts).toEqual([]);
    expect(await server.chatRequests()[0]!.closed).toEqual({ early: true });
    expect(server.chatRequests()).toHaveLength(1);
  });

  it("cancels during validation without asking the model again", async () => {
    server.script(jsonReply({ sql: "SELECT * FROM nowhere" }));
    const controller = new AbortController();
    const error = await failure(
      run({
        signal: controller.signal,
        validate: async (sql) => {
          controller.abort();
          return validate(sql);
        },
      }).promise,
    );
    expect(error.code).toBe("LLM_CANCELLED");
    expect(server.chatRequests()).toHaveLength(1);
  });

  it("retries a server error within one attempt", async () => {
    server.script(httpError(503, "overloaded", { headers: { "retry-after-ms": "10" } }), jsonReply({ sql: GOOD }));
    const { events, promise } = run();
    const result = await promise;
    expect(result.attempts).toHaveLength(1);
    expect(events.filter((e) => e.type === "attempt")).toHaveLength(1);
    expect(server.chatRequests()).toHaveLength(2);
  });

  it("reports a timeout as LLM_TIMEOUT", async () => {
    server.script(hang());
    const impatient = createLlmClient({ baseUrl: server.baseUrl, apiKey: "sk-test", model: "test-model", timeoutMs: 150, maxRetries: 0 });
    const error = await failure(run({ client: impatient }).promise);
    expect(error.code).toBe("LLM_TIMEOUT");
    expect(error.run?.model).toBe("test-model");
  });

  it("puts the conversation and verified queries in the prompt", async () => {
    const withExamples: SemanticModel = {
      ...model,
      verifiedQueries: [{ question: "How many orders were shipped?", sql: "SELECT count(*) FROM sales_orders WHERE status = 'shipped'", note: null }],
    };
    server.script(jsonReply({ sql: "SELECT count(*) FROM sales_orders o JOIN clients c USING (client_id) WHERE c.country = 'Canada'" }));
    await run({
      question: "only those from Canada",
      model: withExamples,
      history: [{ question: "How many orders are there?", sql: "SELECT count(*) FROM sales_orders" }],
      examples: [{ question: "Orders per region", sql: "SELECT r.region_name, count(*) FROM sales_orders o JOIN clients c USING (client_id) JOIN regions r USING (region_id) GROUP BY 1" }],
    }).promise;
    const prompt = userMessages(0)[0]!;
    expect(prompt).toContain("Previous question: How many orders are there?\nSQL: SELECT count(*) FROM sales_orders");
    expect(prompt).toContain("Question: How many orders were shipped?");
    expect(prompt).toContain("Question: Orders per region");
    expect(prompt).toContain("table sales_orders");
    expect(prompt).toContain("table clients");
  });
});
