import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLlmClient, type LlmClientConfig } from "./client.ts";
import { LlmError } from "./errors.ts";
import { hang, httpError, jsonReply, reply, stall, startOpenAiTestServer, type OpenAiTestServer } from "./testing/openai-test-server.ts";

const schema = { name: "answer", schema: { type: "object", properties: { sql: { type: "string" } }, required: ["sql"] } };
const messages = [{ role: "user" as const, content: "How many rows?" }];

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("LLM client against a real OpenAI-compatible server", () => {
  let server: OpenAiTestServer;
  const client = (extra: LlmClientConfig = {}) =>
    createLlmClient({ baseUrl: server.baseUrl, apiKey: "sk-test", model: "test-model", timeoutMs: 2_000, maxRetries: 2, ...extra });

  beforeAll(async () => {
    server = await startOpenAiTestServer({ apiKey: "sk-test", models: ["test-model", "other-model"] });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    expect(server.pending()).toBe(0);
  });

  it("streams the answer piece by piece and reads usage from the stream", async () => {
    server.script(jsonReply({ sql: "SELECT 1" }, { chunkSize: 3, usage: { promptTokens: 42, completionTokens: 7 } }));
    const pieces: string[] = [];
    const answer = await client().chat({ messages, jsonSchema: schema, temperature: 0 }, { onDelta: (t) => pieces.push(t) });
    expect(answer.text).toBe('{"sql":"SELECT 1"}');
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join("")).toBe(answer.text);
    expect(answer.usage).toEqual({ promptTokens: 42, completionTokens: 7, totalTokens: 49, estimated: false });
    expect(answer).toMatchObject({ finishReason: "stop", model: "test-model", structured: true });
    const body = server.chatRequests()[0]!.body;
    expect(body).toMatchObject({ model: "test-model", stream: true, stream_options: { include_usage: true }, temperature: 0 });
    expect(body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "answer", strict: true } });
    expect(server.chatRequests()[0]!.headers.authorization).toBe("Bearer sk-test");
  });

  it("estimates usage when the server sends none", async () => {
    server.script(reply("SELECT 1", { usage: false }));
    const answer = await client().chat({ messages });
    expect(answer.usage.estimated).toBe(true);
    expect(answer.usage.completionTokens).toBe(2);
    expect(answer.usage.totalTokens).toBe(answer.usage.promptTokens + 2);
  });

  it("retries a 429 (honouring retry-after-ms) and a 500, then succeeds", async () => {
    server.script(
      httpError(429, "Rate limit reached", { headers: { "retry-after-ms": "20" } }),
      httpError(500, "Internal error", { headers: { "retry-after-ms": "20" } }),
      reply("SELECT 2"),
    );
    const answer = await client().chat({ messages });
    expect(answer.text).toBe("SELECT 2");
    expect(server.chatRequests()).toHaveLength(3);
  });

  it("gives LLM_RATE_LIMITED once the retries are used up", async () => {
    const limited = () => httpError(429, "Rate limit reached", { headers: { "retry-after-ms": "10" } });
    server.script(limited(), limited());
    const error = await failure(client({ maxRetries: 1 }).chat({ messages }));
    expect(error.code).toBe("LLM_RATE_LIMITED");
    expect(error.status).toBe(429);
    expect(server.chatRequests()).toHaveLength(2);
  });

  it("gives LLM_TIMEOUT when the server hangs before answering, and drops the connection", async () => {
    server.script(hang());
    const error = await failure(client({ timeoutMs: 150 }).chat({ messages }));
    expect(error.code).toBe("LLM_TIMEOUT");
    expect(error.message).toContain("did not start answering");
    expect(server.chatRequests()).toHaveLength(1);
    expect(await server.chatRequests()[0]!.closed).toEqual({ early: true });
  });

  it("retries an error inside the deadline, then times out on a hang", async () => {
    server.script(httpError(502, "Bad gateway", { headers: { "retry-after-ms": "10" } }), hang());
    const error = await failure(client({ timeoutMs: 300 }).chat({ messages }));
    expect(error.code).toBe("LLM_TIMEOUT");
    expect(server.chatRequests()).toHaveLength(2);
  });

  it("gives LLM_TIMEOUT when the stream goes silent midway, and drops the connection", async () => {
    server.script(stall('{"sql": "SELECT'));
    const pieces: string[] = [];
    const error = await failure(client({ timeoutMs: 200 }).chat({ messages }, { onDelta: (t) => pieces.push(t) }));
    expect(error.code).toBe("LLM_TIMEOUT");
    expect(pieces.join("")).toBe('{"sql": "SELECT');
    expect(await server.chatRequests()[0]!.closed).toEqual({ early: true });
  });

  it("cancels mid-stream: LLM_CANCELLED and the HTTP request is aborted", async () => {
    server.script(stall("SELECT * FROM somewhere"));
    const controller = new AbortController();
    const error = await failure(client().chat({ messages }, { signal: controller.signal, onDelta: () => controller.abort() }));
    expect(error.code).toBe("LLM_CANCELLED");
    expect(await server.chatRequests()[0]!.closed).toEqual({ early: true });
  });

  it("cancels while waiting for the server, and refuses an already aborted signal", async () => {
    server.script(hang());
    const controller = new AbortController();
    const pending = client().chat({ messages }, { signal: controller.signal });
    while (server.chatRequests().length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect((await failure(pending)).code).toBe("LLM_CANCELLED");
    expect(await server.chatRequests()[0]!.closed).toEqual({ early: true });
    expect((await failure(client().chat({ messages }, { signal: controller.signal }))).code).toBe("LLM_CANCELLED");
    expect(server.chatRequests()).toHaveLength(1);
  });

  it("names an unknown model and a bad key with their own codes", async () => {
    const missing = await failure(client({ model: "no-such-model" }).chat({ messages }));
    expect(missing.code).toBe("LLM_MODEL_NOT_FOUND");
    expect(missing.message).toContain("no-such-model");
    expect(missing.hint).toMatch(/OPENAI_MODEL/);
    const denied = await failure(client({ apiKey: "sk-wrong" }).chat({ messages }));
    expect(denied.code).toBe("LLM_AUTH_FAILED");
    expect(denied.hint).toMatch(/OPENAI_API_KEY/);
  });

  it("gives LLM_UNREACHABLE for a closed port", async () => {
    const port = await closedPort();
    const unreachable = createLlmClient({ baseUrl: `http://127.0.0.1:${port}/v1` });
    const error = await failure(unreachable.chat({ messages }));
    expect(error.code).toBe("LLM_UNREACHABLE");
    expect(error.hint).toMatch(/OPENAI_BASE_URL/);
  });

  it("drops parameters the server refuses and remembers it", async () => {
    server.script(
      httpError(400, "response_format json_schema is not supported by this server", { param: "response_format" }),
      reply('{"sql": "SELECT 3"}'),
      reply('{"sql": "SELECT 4"}'),
    );
    const c = client();
    const first = await c.chat({ messages, jsonSchema: schema });
    expect(first).toMatchObject({ text: '{"sql": "SELECT 3"}', structured: false });
    const second = await c.chat({ messages, jsonSchema: schema });
    expect(second.text).toBe('{"sql": "SELECT 4"}');
    const bodies = server.chatRequests().map((r) => r.body);
    expect(bodies.map((b) => "response_format" in b)).toEqual([true, false, false]);
  });

  it("lets an error thrown by the caller's callback through unchanged", async () => {
    server.script(reply("SELECT 5"));
    const bug = new TypeError("subscriber failed");
    const onDelta = () => {
      throw bug;
    };
    const error = await client()
      .chat({ messages }, { onDelta })
      .catch((e: unknown) => e);
    expect(error).toBe(bug);
  });

  it("fails at once, without retries, when the test script has no step left", async () => {
    const error = await failure(client().chat({ messages }));
    expect(error.code).toBe("LLM_UNREACHABLE");
    expect(error.message).toContain("no scripted response left");
    expect(server.chatRequests()).toHaveLength(1);
  });

  it("reports a bad request it cannot work around as LLM_BAD_RESPONSE", async () => {
    server.script(httpError(400, "This model's maximum context length is 8192 tokens"));
    const error = await failure(client().chat({ messages }));
    expect(error.code).toBe("LLM_BAD_RESPONSE");
    expect(error.message).toContain("maximum context length");
  });
});

describe("probe", () => {
  let server: OpenAiTestServer;
  let bare: OpenAiTestServer;
  beforeAll(async () => {
    server = await startOpenAiTestServer({ apiKey: "sk-test", models: ["test-model"] });
    bare = await startOpenAiTestServer({ models: ["test-model"], modelsEndpoint: false });
  });
  afterAll(async () => {
    await server.close();
    await bare.close();
  });

  it("is ready when the model is listed", async () => {
    const result = await createLlmClient({ baseUrl: server.baseUrl, apiKey: "sk-test", model: "test-model" }).probe();
    expect(result).toMatchObject({ ok: true, checkedBy: "models", serverModels: ["test-model"] });
  });

  it("accepts Ollama's name:latest listing for a model configured without a tag", async () => {
    const ollama = await startOpenAiTestServer({ models: ["llama3.1:latest"] });
    try {
      const result = await createLlmClient({ baseUrl: ollama.baseUrl, model: "llama3.1" }).probe();
      expect(result).toMatchObject({ ok: true, checkedBy: "models" });
      expect(ollama.chatRequests()).toHaveLength(0);
    } finally {
      await ollama.close();
    }
  });

  it("falls back to a one-token completion when the server lists no models", async () => {
    bare.script(reply("OK"));
    const result = await createLlmClient({ baseUrl: bare.baseUrl, model: "test-model" }).probe();
    expect(result).toMatchObject({ ok: true, checkedBy: "completion", serverModels: null });
    expect(bare.chatRequests()[0]!.body).toMatchObject({ model: "test-model", max_tokens: 1 });
  });

  it("reports an unknown model, a bad key and an unreachable server without throwing", async () => {
    const unknown = await createLlmClient({ baseUrl: server.baseUrl, apiKey: "sk-test", model: "missing" }).probe();
    expect(unknown).toMatchObject({ ok: false, code: "LLM_MODEL_NOT_FOUND" });
    const badKey = await createLlmClient({ baseUrl: server.baseUrl, apiKey: "nope", model: "test-model" }).probe();
    expect(badKey).toMatchObject({ ok: false, code: "LLM_AUTH_FAILED" });
    const down = await createLlmClient({ baseUrl: `http://127.0.0.1:${await closedPort()}/v1` }).probe();
    expect(down).toMatchObject({ ok: false, code: "LLM_UNREACHABLE", model: "gpt-4o-mini" });
  });
});
