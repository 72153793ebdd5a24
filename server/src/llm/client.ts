import OpenAI, { APIError, OpenAIError } from "openai";
import type {
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions";
import type { Stream } from "openai/streaming";
import { LlmError, toLlmError, type LlmErrorCode } from "./errors.ts";
import { estimateTokens } from "./tokens.ts";

export const DEFAULT_MODEL = "gpt-4o-mini";
export const DEFAULT_BASE_URL = "https://api.openai.com/v1";
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;

export interface LlmClientConfig {
  apiKey?: string;
  /** OpenAI-compatible base URL, e.g. http://localhost:11434/v1. Default: OpenAI. */
  baseUrl?: string;
  /** Default: gpt-4o-mini. */
  model?: string;
  /**
   * The longest wait for the server to start answering (all retries
   * included), and the longest silence between two streamed chunks. Default 60 s.
   */
  timeoutMs?: number;
  /** Retries (with backoff) on connection errors, timeouts, 429 and 5xx. Default 2. */
  maxRetries?: number;
}

export interface ChatRequest {
  messages: ChatCompletionMessageParam[];
  /** Asks for structured output when the server supports it; ignored by servers that do not. */
  jsonSchema?: { name: string; schema: Record<string, unknown> };
  temperature?: number;
  maxTokens?: number;
}

export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** True when the server sent no usage and the figures are estimates. */
  estimated: boolean;
}

export interface ChatReply {
  text: string;
  /** `stop`, `length`, ... or null when the stream ended without saying. */
  finishReason: string | null;
  usage: ChatUsage;
  /** Model name the server reported (falls back to the configured one). */
  model: string;
  /** Whether the request carried the JSON schema (false after the server refused it). */
  structured: boolean;
  latencyMs: number;
}

export interface ChatOptions {
  signal?: AbortSignal;
  /** Called with each streamed piece of the answer's text. */
  onDelta?: (text: string) => void;
}

export type LlmProbeResult =
  | { ok: true; model: string; baseUrl: string; serverModels: string[] | null; checkedBy: "models" | "completion"; latencyMs: number }
  | { ok: false; model: string; baseUrl: string; code: LlmErrorCode; message: string; hint: string; latencyMs: number };

export interface LlmClient {
  readonly model: string;
  readonly baseUrl: string;
  /** One streamed chat completion. Throws LlmError. */
  chat(request: ChatRequest, options?: ChatOptions): Promise<ChatReply>;
  /** Checks that the server answers and serves the model. Never throws. */
  probe(options?: { signal?: AbortSignal }): Promise<LlmProbeResult>;
}

/**
 * Request parameters some OpenAI-compatible servers refuse with a 400
 * (local servers without structured output or usage in streams, reasoning
 * models without temperature or max_tokens). Refused ones are dropped for the
 * rest of the client's life.
 */
type OptionalParam = "response_format" | "stream_options" | "temperature" | "max_tokens";
const PARAM_WORDS: Record<OptionalParam, RegExp> = {
  response_format: /response_format|json_schema/i,
  stream_options: /stream_options|include_usage/i,
  temperature: /temperature/i,
  max_tokens: /max_tokens/i,
};

function refusedParam(error: unknown, sent: OptionalParam[]): OptionalParam | null {
  if (!(error instanceof APIError) || (error.status !== 400 && error.status !== 422)) return null;
  const text = `${error.param ?? ""} ${error.message}`;
  return sent.find((p) => PARAM_WORDS[p].test(text)) ?? null;
}

export function createLlmClient(config: LlmClientConfig = {}): LlmClient {
  const model = config.model ?? DEFAULT_MODEL;
  const baseUrl = (config.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = config.maxRetries ?? DEFAULT_MAX_RETRIES;
  // The SDK requires a key; local servers ignore it. Passing every option
  // explicitly keeps the SDK from reading OPENAI_* variables on its own.
  const openai = new OpenAI({ apiKey: config.apiKey || "not-set", baseURL: baseUrl, timeout: timeoutMs, maxRetries });
  const refused = new Set<OptionalParam>();

  /** Sends with every optional parameter the server has not refused, dropping newly refused ones. */
  async function withParamFallback<T>(optional: OptionalParam[], send: (use: Set<OptionalParam>) => Promise<T>): Promise<T> {
    for (;;) {
      const use = new Set(optional.filter((p) => !refused.has(p)));
      try {
        return await send(use);
      } catch (error) {
        const param = refusedParam(error, [...use]);
        if (!param) throw error;
        refused.add(param);
      }
    }
  }

  /**
   * Sends a streamed request. The SDK's own timeout applies to each try and its
   * retries would multiply it; the deadline bounds the wait for the first byte
   * across all tries (retries of 429/5xx still fit, a hung server does not get
   * three full timeouts).
   */
  async function openWithDeadline(body: ChatCompletionCreateParamsStreaming, signal: AbortSignal | undefined): Promise<Stream<ChatCompletionChunk>> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    try {
      return await openai.chat.completions.create(body, { signal: signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal });
    } catch (error) {
      if (deadline.signal.aborted && !signal?.aborted) {
        throw new LlmError("LLM_TIMEOUT", `The model server did not start answering within ${Math.round(timeoutMs / 1000)} s.`, { cause: error });
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async function chat(request: ChatRequest, options: ChatOptions = {}): Promise<ChatReply> {
    const { signal, onDelta } = options;
    if (signal?.aborted) throw new LlmError("LLM_CANCELLED");
    const started = performance.now();
    const optional: OptionalParam[] = ["stream_options"];
    if (request.jsonSchema) optional.push("response_format");
    if (request.temperature !== undefined) optional.push("temperature");
    if (request.maxTokens !== undefined) optional.push("max_tokens");

    try {
      return await withParamFallback(optional, async (use) => {
        const body: ChatCompletionCreateParamsStreaming = { model, messages: request.messages, stream: true };
        if (use.has("stream_options")) body.stream_options = { include_usage: true };
        if (use.has("temperature")) body.temperature = request.temperature;
        if (use.has("max_tokens")) body.max_tokens = request.maxTokens;
        if (use.has("response_format") && request.jsonSchema) {
          body.response_format = {
            type: "json_schema",
            json_schema: { name: request.jsonSchema.name, schema: request.jsonSchema.schema, strict: true },
          };
        }
        const stream = await openWithDeadline(body, signal);
        const read = await readStream(stream, { signal, onDelta, timeoutMs });
        const usage: ChatUsage = read.usage ?? {
          promptTokens: estimateTokens(JSON.stringify(request.messages)),
          completionTokens: estimateTokens(read.text),
          totalTokens: 0,
          estimated: true,
        };
        if (usage.estimated) usage.totalTokens = usage.promptTokens + usage.completionTokens;
        return {
          text: read.text,
          finishReason: read.finishReason,
          usage,
          model: read.model ?? model,
          structured: use.has("response_format"),
          latencyMs: Math.round(performance.now() - started),
        };
      });
    } catch (error) {
      // Anything else came from the caller's own callback and is theirs to see as is.
      if (error instanceof OpenAIError || error instanceof SyntaxError || error instanceof LlmError || signal?.aborted) {
        throw toLlmError(error, { model, signal });
      }
      throw error;
    }
  }

  async function probe(options: { signal?: AbortSignal } = {}): Promise<LlmProbeResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const { signal } = options;
    try {
      let listed: string[] | null = null;
      try {
        const page = await openai.models.list({ signal, maxRetries: 0 });
        listed = page.data.map((m) => m.id);
      } catch (error) {
        // Some servers have no /models; the completion below still decides.
        if (!(error instanceof APIError && error.status === 404)) throw error;
      }
      // Ollama lists "name:latest" for a model pulled as "name".
      if (listed?.some((id) => id === model || id === `${model}:latest`)) {
        return { ok: true, model, baseUrl, serverModels: listed, checkedBy: "models", latencyMs: elapsed() };
      }
      // Unlisted names can still be served (Ollama tags, Azure deployments, routers): ask for one token.
      await withParamFallback(["max_tokens"], (use) => {
        const body: ChatCompletionCreateParamsNonStreaming = { model, messages: [{ role: "user", content: "Reply with OK." }] };
        if (use.has("max_tokens")) body.max_tokens = 1;
        return openai.chat.completions.create(body, { signal, maxRetries: 0 });
      });
      return { ok: true, model, baseUrl, serverModels: listed, checkedBy: "completion", latencyMs: elapsed() };
    } catch (error) {
      const e = toLlmError(error, { model, signal });
      return { ok: false, model, baseUrl, code: e.code, message: e.message, hint: e.hint, latencyMs: elapsed() };
    }
  }

  return { model, baseUrl, chat, probe };
}

interface StreamRead {
  text: string;
  finishReason: string | null;
  usage: ChatUsage | null;
  model: string | null;
}

/**
 * Reads a streamed completion. The SDK's timeout only covers the wait for
 * response headers, so a server that goes silent mid-stream is caught here
 * by an inactivity timer. An aborted stream ends quietly in the SDK, so
 * cancellation and timeouts are told apart by flags afterwards.
 */
async function readStream(
  stream: Stream<ChatCompletionChunk>,
  options: { signal?: AbortSignal; onDelta?: (text: string) => void; timeoutMs: number },
): Promise<StreamRead> {
  const { signal, onDelta, timeoutMs } = options;
  const out: StreamRead = { text: "", finishReason: null, usage: null, model: null };
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      stream.controller.abort();
    }, timeoutMs);
  };
  const onAbort = () => stream.controller.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  arm();
  try {
    for await (const chunk of stream) {
      arm();
      if (chunk.model) out.model = chunk.model;
      if (chunk.usage) {
        out.usage = {
          promptTokens: chunk.usage.prompt_tokens,
          completionTokens: chunk.usage.completion_tokens,
          totalTokens: chunk.usage.total_tokens,
          estimated: false,
        };
      }
      const choice = chunk.choices?.[0];
      const delta = choice?.delta?.content;
      if (delta) {
        out.text += delta;
        onDelta?.(delta);
      }
      if (choice?.finish_reason) out.finishReason = choice.finish_reason;
      if (signal?.aborted) break;
    }
  } catch (error) {
    if (timedOut && !signal?.aborted) throw silentStreamError(timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
  if (signal?.aborted) throw new LlmError("LLM_CANCELLED");
  if (timedOut) throw silentStreamError(timeoutMs);
  return out;
}

function silentStreamError(timeoutMs: number): LlmError {
  return new LlmError("LLM_TIMEOUT", `The model server stopped sending for ${Math.round(timeoutMs / 1000)} s in the middle of its answer.`);
}
