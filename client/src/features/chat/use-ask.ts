import { useCallback } from "react";
import { useMutation } from "urql";
import type { AskInput } from "../../graphql/graphql";
import { errorCode, errorMessage } from "../../lib/errors.ts";
import { Ask } from "./operations.ts";
import { markAskedHere } from "./asked-here.ts";

/** What a view asks; the session is added by whoever owns the conversation. */
export interface AskRequest {
  message: string;
  pick?: { runId: string; option?: number; suggestion?: number };
  dataSourceId?: string | null;
}

export type AskOutcome =
  | { ok: true; runId: string; sessionId: string; question: string }
  | { ok: false; code: string; message: string };

/** The `ask` mutation with its outcome as a value, for optimistic turns. */
export function useAsk(): (request: AskRequest, sessionId: string | null) => Promise<AskOutcome> {
  const [, ask] = useMutation(Ask);
  return useCallback(
    async (request, sessionId) => {
      const input: AskInput = { message: request.message, sessionId, dataSourceId: request.dataSourceId ?? null, pick: request.pick ?? null };
      const result = await ask({ input });
      const payload = result.data?.ask;
      if (payload) {
        markAskedHere(payload.run.id);
        return { ok: true, runId: payload.run.id, sessionId: payload.session.id, question: payload.run.question };
      }
      return { ok: false, code: errorCode(result.error) ?? "NETWORK_ERROR", message: errorMessage(result.error) ?? "The question could not be sent." };
    },
    [ask],
  );
}
