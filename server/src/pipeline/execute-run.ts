import type { QueryRun } from "../generated/prisma/client.ts";
import type { QuerySpec } from "../engine/spec.ts";
import type { Refinement } from "../engine/refine/refinement.ts";
import { describeWrapped, wrappedSql, type WrappedQuery } from "../engine/refine/wrap.ts";
import { initialState, nextState, stateWithSpec } from "../engine/state.ts";
import { chooseChart } from "../insights/chart.ts";
import { hiddenColumns, markHidden } from "../insights/hidden-columns.ts";
import { suggestFollowUps } from "../insights/suggest.ts";
import type { Viewer } from "../graphql/context.ts";
import { connectionFailureFor } from "../modules/data-sources/connection-errors.ts";
import type { Services } from "../services.ts";
import { compileSpec } from "./stages/compile.ts";
import { loadContext } from "./stages/context.ts";
import { discover } from "./stages/discover.ts";
import { executeSql } from "./stages/execute.ts";
import { planAnswer } from "./stages/plan.ts";
import { createLlmProgress, guardModelSql, validateModelSql } from "./stages/model-sql.ts";
import { isLlmError } from "../llm/errors.ts";
import type { Suggestion } from "../insights/types.ts";
import { understand } from "./stages/understand.ts";
import { describeFailure, NeedsInput, RunCancelled, createStageRunner } from "./stage.ts";
import type { EventLog } from "./events.ts";
import { serialiseContext, type SessionContext, type SessionContexts } from "./session-context.ts";
import type { AssistantMessage, RunOutcome, RunStore } from "./run-store.ts";
import { overviewOf } from "./overview.ts";
import { summarise } from "./summary.ts";
import { whyEmpty } from "../insights/why-empty.ts";
import { emptyProbe } from "./stages/empty-probe.ts";

/** How a run was asked (QueryRun.request). */
export type RunRequest =
  | { kind: "question"; dataSourceId: string | null }
  | { kind: "prepared"; spec: QuerySpec; dataSourceId: string; label: string }
  /**
   * A refinement of an earlier run: its spec transformed, or (for SQL without
   * a spec) its SQL wrapped, both checked before the run was created.
   */
  | {
      kind: "refinement";
      dataSourceId: string;
      label: string;
      refinement: Refinement;
      spec: QuerySpec | null;
      wrapped: { query: WrappedQuery; explanation: string } | null;
    };

const previewRows = 20;

export interface RunDeps {
  services: Services;
  runs: RunStore;
  events: EventLog;
  contexts: SessionContexts;
}

/**
 * Takes one run through every stage, storing and publishing progress, and
 * leaves it SUCCEEDED (with SQL and its result), REPLIED (a greeting or an
 * overview, no query), NEEDS_INPUT, FAILED or CANCELLED with an assistant
 * message. Never throws: every failure becomes the run's outcome.
 */
export async function executeRun(
  { services, events, contexts, runs }: RunDeps,
  run: QueryRun,
  viewer: Viewer,
  signal: AbortSignal,
  /** Writes of the run row made before this call; the final write must land after them. */
  earlierWrites: Promise<unknown> = Promise.resolve(),
): Promise<void> {
  const { prisma, config } = services;
  const stage = createStageRunner(run.id, events, signal);
  // What the stages learn about the run, stored in one write when it ends (fewer round trips on the hot path).
  const recorded: Partial<RunOutcome> = {};
  const request = run.request as RunRequest;
  const session = await contexts.get(run.sessionId);
  const started = Date.now();

  const finish = async (
    status: RunOutcome["status"],
    data: Partial<RunOutcome>,
    message: AssistantMessage,
    context?: SessionContext,
  ) => {
    await earlierWrites;
    const messageId = await runs.finish(
      run.id,
      run.sessionId,
      { ...recorded, ...data, status, timings: { ...stage.timings, total: Date.now() - started } },
      message,
      context ? { value: serialiseContext(context), dataSourceId: context.dataSourceId } : undefined,
    );
    if (context) await contexts.invalidate(run.sessionId);
    const doneStatus = status === "SUCCEEDED" || status === "REPLIED" ? "COMPLETED" : status;
    await stage.emit("DONE", doneStatus, { status, messageId, message: message.content, ...(status === "FAILED" ? (message.payload as object) : {}) }, Date.now() - started);
    services.pubsub.publish("sessionChanged", run.userId, { kind: "UPDATED", sessionId: run.sessionId });
  };

  try {
    const understood = await stage.run("UNDERSTAND", async () => {
      const value = understand(run.question, request.kind === "prepared" || request.kind === "refinement");
      return { value, payload: value };
    });
    if (understood.intent === "greeting") {
      for (const s of ["DISCOVER", "CONTEXT", "PLAN", "COMPILE", "EXECUTE", "VISUALIZE", "SUGGEST"] as const) await stage.skip(s, { reason: "Not a question about data." });
      await finish("REPLIED", {}, { kind: "INFO", content: "Hello! Ask me about your data, e.g. “How many orders per month?” or “Top 5 customers by revenue”." });
      return;
    }

    const found = await stage.run("DISCOVER", async () => {
      const value = await discover(services, viewer, understood.text, {
        explicitId: request.dataSourceId,
        sessionSourceId: session.dataSourceId,
        browsing: understood.intent === "browse",
      });
      return {
        value,
        payload: { how: value.how, dataSource: { id: value.dataSource.id, name: value.dataSource.name }, candidates: value.candidates.slice(0, 5) },
      };
    });
    const source = found.dataSource;
    recorded.dataSourceId = source.id;

    const context = await stage.run("CONTEXT", async () => {
      const value = await loadContext(services, source, session);
      return {
        value,
        payload: { dataSource: { id: source.id, name: source.name }, modelVersion: value.modelVersion, entities: value.model.entities.length, previousQuestion: value.state?.lastQuestion ?? null },
      };
    });

    if (understood.intent === "browse") {
      const overview = overviewOf(source.name, source.isDemo, context.model);
      for (const s of ["PLAN", "COMPILE", "EXECUTE", "VISUALIZE", "SUGGEST"] as const) await stage.skip(s, { reason: "Showing what the data source holds." });
      await finish(
        "REPLIED",
        {},
        { kind: "INFO", content: overview.content, payload: { dataSource: { id: source.id, name: source.name }, tables: overview.tables, examples: overview.examples } },
        { ...session, dataSourceId: source.id, engine: session.dataSourceId === source.id ? session.engine : null },
      );
      return;
    }

    const planned = await stage.run("PLAN", async () => {
      const llmEvents = createLlmProgress((payload) => stage.progress("PLAN", payload));
      try {
        const value = await planAnswer({
          question: understood.text,
          context,
          prepared: request.kind === "prepared" || request.kind === "refinement" ? request.spec : null,
          preparedEngine: request.kind === "refinement" ? "REFINEMENT" : "PREPARED",
          wrapped:
            request.kind === "refinement" && request.wrapped
              ? { sql: wrappedSql(request.wrapped.query), explanation: describeWrapped(request.wrapped.query, request.wrapped.explanation) }
              : null,
          mode: config.engine,
          llm: services.llm,
          history: session.dataSourceId === source.id ? session.history : [],
          validate: (sql) => validateModelSql(services, source, sql, signal),
          signal,
          onLlmEvent: llmEvents.push,
          maxRows: config.maxResultRows,
        });
        await llmEvents.flush();
        const payload =
          value.kind === "spec"
            ? { engine: value.engine, spec: value.spec, followUp: value.followUp, understood: value.understood, ignored: value.ignored, confidence: value.confidence }
            : value.kind === "wrapped"
              ? { engine: value.engine, sql: value.sql }
              : { engine: value.engine, why: value.why, sql: value.sql, attempts: value.stats.attempts.length, usage: value.stats.usage, model: value.stats.model, latencyMs: value.stats.latencyMs };
        return { value, payload };
      } catch (error) {
        await llmEvents.flush();
        if (isLlmError(error) && error.run) Object.assign(recorded, { engine: "LLM", usage: error.run });
        throw error;
      }
    });

    const compiled = await stage.run("COMPILE", async () => {
      const value = planned.kind === "spec" ? await compileSpec(planned.spec, context.model, source, { understood: planned.understood, unread: planned.ignored }) : await guardModelSql(planned.sql, planned.explanation, source);
      return { value, payload: { sql: value.guarded.sql, explanation: value.explanation, tables: value.guarded.tables } };
    });
    const spec = planned.kind === "spec" ? planned.spec : null;
    Object.assign(recorded, {
      engine: planned.engine,
      spec: spec ?? undefined,
      sql: compiled.guarded.sql,
      explanation: compiled.explanation,
      semanticModelVersion: context.modelVersion,
      ...(planned.kind === "sql" ? { usage: planned.stats } : {}),
    });

    const result = await stage.run("EXECUTE", async () => {
      // Why the source could not be reached stays with administrators (its status shows them), as when connecting.
      const executed = await executeSql(services, config, source, compiled.guarded, signal).catch((error: unknown) => {
        throw connectionFailureFor(viewer, error);
      });
      const value = { ...executed, columns: markHidden(executed.columns, hiddenColumns(spec, context.model, executed.columns)) };
      return { value, payload: { columns: value.columns, rows: value.rows.slice(0, previewRows), rowCount: value.rowCount, truncated: value.truncated, durationMs: Math.round(value.durationMs) } };
    });

    const chart = await stage.run("VISUALIZE", async () => {
      const value = chooseChart({ spec, model: context.model, columns: result.columns, rows: result.rows, ...(spec ? {} : { title: understood.text }) });
      return { value, payload: { chart: value } };
    });

    let suggestions: Suggestion[] = [];
    let emptyMessage: string | null = null;
    if (spec && result.rowCount === 0 && spec.filters.length > 0) {
      const reason = await stage.run("SUGGEST", async () => {
        // Explaining is a courtesy: if its probes fail, the empty answer still stands.
        const value = await whyEmpty(spec, context.model, emptyProbe(services, config, source, context.model, signal)).catch((error: unknown) => {
          if (signal.aborted) throw error;
          services.log.warn({ err: error, runId: run.id }, "could not explain an empty result");
          return null;
        });
        const listed = value?.suggestion ? [value.suggestion] : [];
        return { value, payload: { suggestions: listed.map((s, index) => ({ index, kind: s.kind, label: s.label })), empty: value?.message ?? null } };
      });
      suggestions = reason?.suggestion ? [reason.suggestion] : [];
      emptyMessage = reason?.message ?? null;
    } else if (spec) {
      suggestions = await stage.run("SUGGEST", async () => {
        const value = suggestFollowUps({ spec, model: context.model, columns: result.columns, rows: result.rows });
        return { value, payload: { suggestions: value.map((s, index) => ({ index, kind: s.kind, label: s.label })) } };
      });
    } else {
      const reason = planned.kind === "wrapped" ? "this answer refines SQL that has none" : "the model wrote SQL directly";
      await stage.skip("SUGGEST", { reason: `Suggestions are built from a query spec; ${reason}.` });
    }

    const engineState = spec
      ? request.kind === "prepared" || request.kind === "refinement"
        ? stateWithSpec(context.state, spec, understood.text)
        : nextState(context.state ?? initialState(), understood.text, { kind: "query", spec, confidence: 1, understood: [], ignored: [], followUp: false })
      : context.state;
    const nextContext: SessionContext = {
      dataSourceId: source.id,
      engine: engineState,
      lastRunId: run.id,
      tables: compiled.guarded.tables.map((t) => t.name),
      filters: (spec?.filters ?? []).map((f) => (f.kind === "range" ? f.label : `${f.field.entity}.${f.field.field}`)),
      history: [...(session.dataSourceId === source.id ? session.history : []), { question: understood.text, sql: compiled.guarded.sql }],
    };
    await finish(
      "SUCCEEDED",
      {
        columns: result.columns,
        rows: result.rows,
        rowCount: result.rowCount,
        truncated: result.truncated,
        chart,
        suggestions,
      },
      { kind: "RESULT", content: emptyMessage ?? summarise(result) },
      nextContext,
    );
  } catch (error) {
    await settle(error);
  }

  async function settle(error: unknown) {
    try {
      if (error instanceof NeedsInput) {
        await finish("NEEDS_INPUT", { pending: { kind: error.kind, ...(error.payload as object) } }, { kind: error.kind, content: error.message, payload: error.payload });
        return;
      }
      if (error instanceof RunCancelled || signal.aborted) {
        await finish("CANCELLED", { errorCode: "QUERY_CANCELLED", errorMessage: "Cancelled." }, { kind: "INFO", content: "Cancelled." });
        return;
      }
      const failure = describeFailure(error);
      if (failure.code === "INTERNAL") services.log.error({ err: error, runId: run.id }, "run failed unexpectedly");
      await finish("FAILED", { errorCode: failure.code, errorMessage: failure.message }, { kind: "ERROR", content: failure.message, payload: failure });
    } catch (storeError) {
      services.log.error({ err: storeError, runId: run.id }, "could not record the outcome of a run");
    }
  }
}
