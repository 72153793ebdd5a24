import { randomUUID } from "node:crypto";
import { AppError, badInput, notFound } from "../../errors.ts";
import type { QueryRun } from "../../generated/prisma/client.ts";
import type { RunStore } from "../../pipeline/run-store.ts";
import { MAX_QUESTION_LENGTH, questionTooLongMessage } from "../../engine/reject.ts";
import type { QuerySpec } from "../../engine/spec.ts";
import type { Viewer } from "../../graphql/context.ts";
import type { Suggestion } from "../../insights/types.ts";
import type { RunRequest } from "../../pipeline/execute-run.ts";
import type { Runner } from "../../pipeline/runner.ts";
import { normaliseMessage } from "../../pipeline/stages/understand.ts";
import type { SessionContexts } from "../../pipeline/session-context.ts";
import type { Services } from "../../services.ts";
import { titleFromQuestion } from "../sessions/sessions.service.ts";

/** The longest question, after whitespace is collapsed: the engine's limit, so what is accepted here is read there. */
export const maxMessageLength = MAX_QUESTION_LENGTH;

export interface AskInput {
  sessionId?: string | null;
  message: string;
  dataSourceId?: string | null;
  /** A suggestion or clarification option of an earlier run, run as its prepared spec. */
  pick?: { runId: string; suggestion?: number | null; option?: number | null } | null;
}


export function createAskService(services: Services, runner: Runner, contexts: SessionContexts, runs: RunStore) {
  const { prisma } = services;

  async function runOf(viewer: Viewer, runId: string): Promise<QueryRun> {
    const run = await prisma.queryRun.findFirst({ where: { id: runId, userId: viewer.userId } });
    if (!run) throw notFound("Run");
    return run;
  }

  /** The prepared spec behind a pick, with the data source it belongs to. */
  async function prepared(viewer: Viewer, pick: NonNullable<AskInput["pick"]>): Promise<{ spec: QuerySpec; dataSourceId: string; label: string }> {
    const run = await runOf(viewer, pick.runId);
    if (!run.dataSourceId) throw badInput("That answer has no data source to continue with.");
    if (pick.suggestion !== undefined && pick.suggestion !== null) {
      const suggestion = ((run.suggestions ?? []) as unknown as Suggestion[])[pick.suggestion];
      if (!suggestion) throw badInput(`The answer has no suggestion ${pick.suggestion}.`, { field: "pick.suggestion" });
      return { spec: suggestion.spec, dataSourceId: run.dataSourceId, label: suggestion.label };
    }
    const pending = run.pending as { kind?: string; options?: { label: string; spec: QuerySpec | null; question: string | null }[] } | null;
    const option = pick.option !== undefined && pick.option !== null ? pending?.options?.[pick.option] : undefined;
    if (!option) throw badInput("That answer has no such clarification option.", { field: "pick.option" });
    if (!option.spec) throw badInput("This option is a question to ask: send its text as the message.", { field: "pick.option" });
    return { spec: option.spec, dataSourceId: run.dataSourceId, label: option.label };
  }

  async function startRun(viewer: Viewer, sessionId: string, question: string, request: RunRequest, parentRunId: string | null = null): Promise<QueryRun> {
    runner.reserve(viewer.userId);
    const now = new Date();
    const fields = { id: randomUUID(), sessionId, userId: viewer.userId, question, request, dataSourceId: request.dataSourceId, parentRunId, instanceId: services.instanceId };
    await runs.insertQuestion(fields, now);
    // The row as stored, without reading it back (see run-store.ts).
    const run: QueryRun = {
      ...fields,
      request: request as unknown as QueryRun["request"],
      semanticModelVersion: null,
      status: "PENDING",
      engine: null,
      spec: null,
      sql: null,
      explanation: null,
      columns: null,
      rows: null,
      rowCount: null,
      truncated: false,
      chart: null,
      suggestions: null,
      pending: null,
      errorCode: null,
      errorMessage: null,
      timings: null,
      usage: null,
      heartbeatAt: now,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
    };
    runner.start(run, viewer);
    return run;
  }

  return {
    runOf,
    /** Creates a run (and its question message) in a session and queues it; used by refinements too. */
    startRun,

    /**
     * Stores the question, creates its run and returns at once; the pipeline
     * runs in the background and reports through `queryProgress`.
     */
    async ask(viewer: Viewer, input: AskInput) {
      const question = normaliseMessage(input.message);
      if (!question) throw badInput("The message is empty.", { field: "message" });
      if (question.length > maxMessageLength) {
        throw new AppError("QUESTION_TOO_LONG", questionTooLongMessage(question.length), {
          hint: "Ask one shorter question at a time.",
          details: { field: "message", length: question.length, max: maxMessageLength },
        });
      }
      if (input.dataSourceId) await services.dataSources.get(viewer, input.dataSourceId);
      const pick = input.pick ? await prepared(viewer, input.pick) : null;

      const session = input.sessionId
        ? await services.sessions.touch(viewer.userId, input.sessionId, question)
        : await services.sessions.create(viewer.userId, { title: titleFromQuestion(question) });
      const request: RunRequest = pick
        ? { kind: "prepared", spec: pick.spec, dataSourceId: pick.dataSourceId, label: pick.label }
        : { kind: "question", dataSourceId: input.dataSourceId ?? null };
      return startRun(viewer, session.id, question, request, input.pick?.runId ?? null);
    },

    /**
     * Sets the session's data source. When the session's last run waits for
     * this choice (discovery), its question is asked again on the chosen source.
     */
    async selectDataSource(viewer: Viewer, sessionId: string, dataSourceId: string) {
      const session = await services.sessions.getWritable(viewer.userId, sessionId);
      const source = await services.dataSources.get(viewer, dataSourceId);
      await prisma.session.update({ where: { id: session.id }, data: { dataSourceId: source.id } });
      await contexts.invalidate(session.id);
      await services.sessions.touch(viewer.userId, session.id);
      const waiting = await prisma.queryRun.findFirst({ where: { sessionId: session.id }, orderBy: { createdAt: "desc" } });
      const pendingKind = (waiting?.pending as { kind?: string } | null)?.kind;
      if (waiting && waiting.status === "NEEDS_INPUT" && pendingKind === "DISCOVERY") {
        const run = await startRun(viewer, session.id, waiting.question, { kind: "question", dataSourceId: source.id }, waiting.id);
        return { sessionId: session.id, run };
      }
      return { sessionId: session.id, run: null };
    },

    async cancel(viewer: Viewer, runId: string) {
      const run = await runOf(viewer, runId);
      if (run.status !== "PENDING" && run.status !== "RUNNING") {
        throw new AppError("RUN_FINISHED", "This answer has already finished.", { hint: "Nothing to cancel." });
      }
      await runner.cancel(run.id);
      return run;
    },
  };
}

export type AskService = ReturnType<typeof createAskService>;
