import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real OpenAI-compatible HTTP server for tests: `/v1/models` and
 * `/v1/chat/completions` (SSE when `stream: true`, JSON otherwise), answering
 * each chat request with the next step of a script, and recording every
 * request so tests can look at the prompts the client sent.
 */

export interface ReplyOptions {
  /** Characters per SSE chunk. Default 8. */
  chunkSize?: number;
  /** Usage sent when the request asks for it; `false` never sends usage. Default: estimated from lengths. */
  usage?: { promptTokens: number; completionTokens: number } | false;
  /** Default "stop". */
  finishReason?: string;
}

export type ScriptStep =
  | { kind: "reply"; text: string; options: ReplyOptions }
  | { kind: "error"; status: number; message: string; code?: string; param?: string; headers?: Record<string, string> }
  /** Takes the request and never answers. */
  | { kind: "hang" }
  /** Streams `text`, then stays silent without finishing the response. */
  | { kind: "stall"; text: string; chunkSize?: number };

export const reply = (text: string, options: ReplyOptions = {}): ScriptStep => ({ kind: "reply", text, options });
export const jsonReply = (value: unknown, options: ReplyOptions = {}): ScriptStep => reply(JSON.stringify(value), options);
export const httpError = (
  status: number,
  message: string,
  extra: { code?: string; param?: string; headers?: Record<string, string> } = {},
): ScriptStep => ({ kind: "error", status, message, ...extra });
export const hang = (): ScriptStep => ({ kind: "hang" });
export const stall = (text: string, chunkSize?: number): ScriptStep => ({ kind: "stall", text, chunkSize });

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  /** Parsed JSON body (null for bodiless requests). */
  body: any;
  /** Resolves when the connection for this request is done; `early` when the client left before the response ended. */
  closed: Promise<{ early: boolean }>;
}

export interface OpenAiTestServerOptions {
  /** Models the server serves; others get a 404 like OpenAI's. Default ["test-model"]. */
  models?: string[];
  /** When set, requests with another bearer token get a 401. */
  apiKey?: string;
  /** When false, `/v1/models` answers 404 (servers without the endpoint). Default true. */
  modelsEndpoint?: boolean;
}

export interface OpenAiTestServer {
  /** e.g. http://127.0.0.1:40123/v1 */
  baseUrl: string;
  requests: RecordedRequest[];
  /** The recorded chat completion requests, in order. */
  chatRequests(): RecordedRequest[];
  /** Appends steps; each chat completion request takes the next one. */
  script(...steps: ScriptStep[]): void;
  /** Steps not yet used. */
  pending(): number;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, step: Extract<ScriptStep, { kind: "error" }>) {
  const type = step.status === 401 ? "invalid_request_error" : step.status >= 500 ? "server_error" : "invalid_request_error";
  sendJson(res, step.status, { error: { message: step.message, type, param: step.param ?? null, code: step.code ?? null } }, step.headers);
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

async function readBody(req: IncomingMessage): Promise<any> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString("utf8");
  return text ? JSON.parse(text) : null;
}

let sequence = 0;

export async function startOpenAiTestServer(options: OpenAiTestServerOptions = {}): Promise<OpenAiTestServer> {
  const models = options.models ?? ["test-model"];
  const steps: ScriptStep[] = [];
  const requests: RecordedRequest[] = [];

  const chunkEvent = (model: string, delta: object, finishReason: string | null, usage?: object) => ({
    id: `chatcmpl-test-${++sequence}`,
    object: "chat.completion.chunk",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: usage ? [] : [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
    ...(usage ? { usage } : {}),
  });

  function streamText(res: ServerResponse, model: string, text: string, size: number) {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const write = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    write(chunkEvent(model, { role: "assistant", content: "" }, null));
    for (const piece of chunks(text, size)) write(chunkEvent(model, { content: piece }, null));
    return write;
  }

  function answer(res: ServerResponse, body: any, step: ScriptStep) {
    const model = String(body.model);
    if (step.kind === "error") return sendError(res, step);
    if (step.kind === "hang") return;
    if (step.kind === "stall") {
      streamText(res, model, step.text, step.chunkSize ?? 8);
      return;
    }
    const { text, options: o } = step;
    const usage =
      o.usage === false
        ? null
        : {
            prompt_tokens: o.usage?.promptTokens ?? Math.ceil(JSON.stringify(body.messages).length / 4),
            completion_tokens: o.usage?.completionTokens ?? Math.ceil(text.length / 4),
            total_tokens: 0,
          };
    if (usage) usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    const finishReason = o.finishReason ?? "stop";
    if (!body.stream) {
      return sendJson(res, 200, {
        id: `chatcmpl-test-${++sequence}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model,
        choices: [{ index: 0, message: { role: "assistant", content: text, refusal: null }, finish_reason: finishReason, logprobs: null }],
        ...(usage ? { usage } : {}),
      });
    }
    const write = streamText(res, model, text, o.chunkSize ?? 8);
    write(chunkEvent(model, {}, finishReason));
    if (usage && body.stream_options?.include_usage) write(chunkEvent(model, {}, null, usage));
    res.end("data: [DONE]\n\n");
  }

  async function handle(req: IncomingMessage, res: ServerResponse, record: RecordedRequest) {
    record.body = await readBody(req);
    const path = record.path.replace(/\?.*$/, "");
    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return sendError(res, { kind: "error", status: 401, message: "Incorrect API key provided.", code: "invalid_api_key" });
    }
    if (req.method === "GET" && path === "/v1/models" && options.modelsEndpoint !== false) {
      return sendJson(res, 200, { object: "list", data: models.map((id) => ({ id, object: "model", created: 0, owned_by: "test" })) });
    }
    if (req.method === "POST" && path === "/v1/chat/completions") {
      const model = String(record.body?.model);
      if (!models.includes(model)) {
        return sendError(res, { kind: "error", status: 404, message: `The model \`${model}\` does not exist.`, code: "model_not_found" });
      }
      const step = steps.shift();
      if (!step) {
        // Tells the client not to retry, so a test with a short script fails at once.
        return sendError(res, { kind: "error", status: 500, message: "test server: no scripted response left", headers: { "x-should-retry": "false" } });
      }
      return answer(res, record.body, step);
    }
    sendJson(res, 404, { error: { message: `Unknown path ${path}`, type: "invalid_request_error", param: null, code: null } });
  }

  const server = createServer((req, res) => {
    let settle!: (value: { early: boolean }) => void;
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      path: req.url ?? "/",
      headers: req.headers,
      body: null,
      closed: new Promise((resolve) => (settle = resolve)),
    };
    requests.push(record);
    res.on("close", () => settle({ early: !res.writableFinished }));
    handle(req, res, record).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 400, { error: { message: `test server: ${String(error)}`, type: "invalid_request_error" } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path.startsWith("/v1/chat/completions")),
    script: (...more) => void steps.push(...more),
    pending: () => steps.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
