import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";

export const llmErrorCodes = {
  LLM_UNREACHABLE: "The model server could not be reached.",
  LLM_AUTH_FAILED: "The model server rejected the API key.",
  LLM_MODEL_NOT_FOUND: "The model server does not know the configured model.",
  LLM_RATE_LIMITED: "The model server is rate limiting requests.",
  LLM_TIMEOUT: "The model server did not answer in time.",
  LLM_BAD_RESPONSE: "The model's answer could not be used.",
  LLM_SQL_INVALID: "The model's SQL still failed validation after the allowed corrections.",
  LLM_CANCELLED: "The request to the model was cancelled.",
} as const;

export type LlmErrorCode = keyof typeof llmErrorCodes;

export interface LlmErrorOptions {
  hint?: string;
  status?: number;
  cause?: unknown;
}

/** A failure of the LLM path with a stable code and a hint the user can act on. */
export class LlmError extends Error {
  readonly code: LlmErrorCode;
  readonly hint: string;
  /** HTTP status from the model server, when one answered. */
  readonly status?: number;
  /** Set by generateSql: the attempts, usage and time spent before the failure. */
  run?: LlmRunStats;

  constructor(code: LlmErrorCode, message: string = llmErrorCodes[code], options: LlmErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "LlmError";
    this.code = code;
    this.hint = options.hint ?? defaultHint(code);
    if (options.status !== undefined) this.status = options.status;
  }
}

export function isLlmError(error: unknown): error is LlmError {
  return error instanceof LlmError;
}

function defaultHint(code: LlmErrorCode): string {
  switch (code) {
    case "LLM_UNREACHABLE":
      return "Check OPENAI_BASE_URL (it usually ends in /v1) and that the model server is running.";
    case "LLM_AUTH_FAILED":
      return "Check OPENAI_API_KEY. Local servers (Ollama, vLLM, LM Studio) accept any key unless configured otherwise.";
    case "LLM_MODEL_NOT_FOUND":
      return "Check OPENAI_MODEL (on Azure, the deployment name); for Ollama run `ollama pull <model>`. A 404 can also mean OPENAI_BASE_URL lacks /v1.";
    case "LLM_RATE_LIMITED":
      return "Wait a moment and ask again, or raise the rate limit or quota of the API key.";
    case "LLM_TIMEOUT":
      return "The model may be loading or overloaded; ask again, or use a smaller or faster model.";
    case "LLM_BAD_RESPONSE":
      return "Rephrase the question, or use a model that follows instructions better.";
    case "LLM_SQL_INVALID":
      return "Rephrase the question, or add a verified query for similar questions to the semantic model.";
    case "LLM_CANCELLED":
      return "The run was cancelled.";
  }
}

function serverMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  return typeof body?.message === "string" ? body.message : error.message;
}

/** Servers signal an unknown model with 404 (OpenAI, Ollama, vLLM) or a 400 naming the model. */
function looksLikeUnknownModel(error: APIError): boolean {
  if (error.status === 404) return true;
  if (error.code === "model_not_found") return true;
  return /model\b.*\b(not found|does not exist|not exist|unknown|not available)/i.test(serverMessage(error));
}

/**
 * Maps whatever the SDK (or the stream) threw to an LlmError. `signal` tells a
 * caller's cancellation apart from an abort the SDK did itself for a timeout.
 */
export function toLlmError(error: unknown, context: { model: string; signal?: AbortSignal }): LlmError {
  if (error instanceof LlmError) return error;
  if (context.signal?.aborted || error instanceof APIUserAbortError) {
    return new LlmError("LLM_CANCELLED", undefined, { cause: error });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new LlmError("LLM_TIMEOUT", undefined, { cause: error });
  }
  if (error instanceof APIConnectionError) {
    const reason = error.cause instanceof Error && error.cause.message ? ` (${error.cause.message})` : "";
    return new LlmError("LLM_UNREACHABLE", `The model server could not be reached${reason}.`, { cause: error });
  }
  if (error instanceof APIError && error.status !== undefined) {
    const status = error.status;
    const text = serverMessage(error);
    if (status === 401 || status === 403) {
      return new LlmError("LLM_AUTH_FAILED", `The model server refused the request (${status}): ${text}`, { status, cause: error });
    }
    if (status === 429) {
      const quota = error.code === "insufficient_quota";
      return new LlmError("LLM_RATE_LIMITED", `The model server is rate limiting requests: ${text}`, {
        status,
        cause: error,
        hint: quota ? "The API key has run out of quota; check the account's billing." : undefined,
      });
    }
    if (looksLikeUnknownModel(error)) {
      return new LlmError("LLM_MODEL_NOT_FOUND", `Model "${context.model}" is not available on the model server: ${text}`, {
        status,
        cause: error,
      });
    }
    if (status >= 500) {
      return new LlmError("LLM_UNREACHABLE", `The model server failed (${status}): ${text}`, {
        status,
        cause: error,
        hint: "The model server reported an internal error; check its logs, or ask again later.",
      });
    }
    return new LlmError("LLM_BAD_RESPONSE", `The model server rejected the request (${status}): ${text}`, {
      status,
      cause: error,
      hint: "The server may not support this kind of request; check that it offers an OpenAI-compatible /chat/completions endpoint.",
    });
  }
  // Errors sent inside an SSE stream, or a stream that is not valid JSON.
  if (error instanceof APIError || error instanceof SyntaxError) {
    return new LlmError("LLM_BAD_RESPONSE", `The model server sent an unreadable answer: ${error.message}`, { cause: error });
  }
  return new LlmError("LLM_UNREACHABLE", `Unexpected failure talking to the model server: ${String(error)}`, { cause: error });
}

/** One try of the model within a run: the SQL it gave (null when unreadable) and why it was refused. */
export interface LlmAttempt {
  sql: string | null;
  error?: string;
  /** The validator's code (e.g. SQL_UNKNOWN_OBJECT), or LLM_BAD_RESPONSE for an unreadable reply. */
  code?: string;
  latencyMs: number;
}

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** True when the server sent no usage for at least one request and figures are partly estimated. */
  estimated: boolean;
}

/** What a run cost, recorded on success and attached to the LlmError on failure. */
export interface LlmRunStats {
  attempts: LlmAttempt[];
  usage: LlmUsage;
  latencyMs: number;
  model: string;
}
