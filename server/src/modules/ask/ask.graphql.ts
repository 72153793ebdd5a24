import { z } from "zod";
import { AppError, badInput, registerErrorCodes } from "../../errors.ts";
import { engineErrorCodes } from "../../engine/errors.ts";
import { llmErrorCodes } from "../../llm/errors.ts";
import { pipelineErrorCodes } from "../../pipeline/errors.ts";
import { builder } from "../../graphql/builder.ts";
import { fromGlobalId, nilUuid, toGlobalId } from "../../graphql/ids.ts";
import type { ChartSpec, Suggestion } from "../../insights/types.ts";
import type { QueryRun as QueryRunModel } from "../../generated/prisma/client.ts";
import type { StoredEvent } from "../../pipeline/events.ts";
import { stages } from "../../pipeline/stage.ts";
import type { ResultColumn } from "../../sql/executor/executor.ts";
import { maxMessageLength } from "./ask.service.ts";
import { pageOfResult } from "./result-page.ts";

registerErrorCodes(llmErrorCodes);
registerErrorCodes(engineErrorCodes);
registerErrorCodes(pipelineErrorCodes);
registerErrorCodes({ RUN_FINISHED: "The run has already finished." });

const RunStatusEnum = builder.enumType("RunStatus", {
  values: {
    PENDING: { description: "Waiting for a free slot." },
    RUNNING: { description: "Going through the pipeline." },
    NEEDS_INPUT: { description: "Waiting for the user: pick a data source or a clarification option." },
    SUCCEEDED: { description: "Answered with SQL and its result." },
    REPLIED: { description: "Answered in words without a query: a greeting, or an overview of what a data source holds." },
    FAILED: { description: "Ended with an error; see `error`." },
    CANCELLED: { description: "Cancelled by the user." },
  } as const,
});
const RunEngineEnum = builder.enumType("RunEngine", {
  values: {
    BUILTIN: { description: "The built-in question-to-SQL engine." },
    LLM: { description: "A language model through an OpenAI-compatible API." },
    VERIFIED: { description: "A verified query of the semantic model." },
    PREPARED: { description: "A suggestion or clarification option of an earlier answer." },
    REFINEMENT: { description: "A refinement of an earlier answer." },
  } as const,
});
export const PipelineStageEnum = builder.enumType("PipelineStage", { values: stages });
const StageStatusEnum = builder.enumType("StageStatus", {
  values: ["STARTED", "PROGRESS", "COMPLETED", "SKIPPED", "FAILED", "NEEDS_INPUT", "CANCELLED"] as const,
});
const ChartTypeEnum = builder.enumType("ChartType", {
  values: ["kpi", "line", "bar", "grouped_bar", "stacked_bar", "pie", "scatter", "table"] as const,
});
export const SortDirectionEnum = builder.enumType("SortDirection", { values: ["ASC", "DESC"] as const });

export const ProgressEvent = builder.objectRef<StoredEvent>("ProgressEvent").implement({
  description: "One step of a run: a stage started, completed (with its payload), was skipped, failed or waits for input.",
  fields: (t) => ({
    runId: t.id({ resolve: (e) => toGlobalId("QueryRun", e.runId) }),
    seq: t.exposeInt("seq", { description: "1, 2, 3… per run; resubscribe with `afterSeq` to resume." }),
    stage: t.field({ type: PipelineStageEnum, resolve: (e) => e.stage as (typeof stages)[number] }),
    status: t.field({ type: StageStatusEnum, resolve: (e) => e.status }),
    at: t.field({ type: "DateTime", resolve: (e) => e.at }),
    durationMs: t.exposeInt("durationMs", { nullable: true }),
    payload: t.field({
      type: "JSON",
      nullable: true,
      description: "Stage output: DISCOVER {candidates}, PLAN {spec}, COMPILE {sql, explanation}, EXECUTE {columns, rows (first 20), rowCount}, VISUALIZE {chart}, SUGGEST {suggestions}, DONE {status, message, code?, hint?}.",
      resolve: (e) => e.payload,
    }),
  }),
});

const ResultColumnRef = builder.objectRef<ResultColumn>("ResultColumn").implement({
  fields: (t) => ({
    name: t.exposeString("name"),
    type: t.exposeString("type", { description: "integer, bigint, decimal, float, text, boolean, date, timestamp, json, …" }),
    dbType: t.exposeString("dbType"),
    hidden: t.boolean({
      description: "A key column beside the names of the groups it identifies (\"Category id\" next to the category's name): clients leave it out of tables; exports keep it.",
      resolve: (c) => c.hidden === true,
    }),
  }),
});

const ResultPageRef = builder.objectRef<ReturnType<typeof pageOfResult>>("ResultPage").implement({
  description: "A page of the stored result (up to the row cap), sorted on the server.",
  fields: (t) => ({
    columns: t.field({ type: [ResultColumnRef], resolve: (p) => p.columns }),
    rows: t.field({ type: "JSON", description: "Rows as arrays in column order. Decimals and big integers are strings; dates ISO.", resolve: (p) => p.rows }),
    totalRows: t.exposeInt("totalRows"),
    page: t.exposeInt("page"),
    pageSize: t.exposeInt("pageSize"),
    pageCount: t.exposeInt("pageCount"),
    truncated: t.exposeBoolean("truncated", { description: "The query returned more rows than the row cap; only the first ones are stored." }),
  }),
});

const ChartFieldRef = builder.objectRef<ChartSpec["y"][number] & { timeGrain?: string }>("ChartField").implement({
  fields: (t) => ({
    column: t.exposeString("column"),
    label: t.exposeString("label"),
    type: t.exposeString("type"),
    format: t.exposeString("format"),
    timeGrain: t.exposeString("timeGrain", { nullable: true }),
  }),
});

const ChartSpecRef = builder.objectRef<ChartSpec>("ChartSpec").implement({
  description: "The chart chosen for a result; the client renders it (nivo) and offers the alternatives.",
  fields: (t) => ({
    type: t.field({ type: ChartTypeEnum, resolve: (c) => c.type }),
    title: t.exposeString("title"),
    x: t.field({ type: ChartFieldRef, nullable: true, resolve: (c) => c.x }),
    y: t.field({ type: [ChartFieldRef], resolve: (c) => c.y }),
    series: t.field({ type: ChartFieldRef, nullable: true, resolve: (c) => c.series }),
    alternatives: t.field({ type: [ChartTypeEnum], resolve: (c) => c.alternatives }),
    reason: t.exposeString("reason"),
  }),
});

const SuggestionRef = builder.objectRef<Suggestion & { index: number }>("Suggestion").implement({
  description: "A follow-up: ask it with `ask(input: { pick: { runId, suggestion: index } })`.",
  fields: (t) => ({
    index: t.exposeInt("index"),
    kind: t.exposeString("kind"),
    label: t.exposeString("label"),
  }),
});

const RunErrorRef = builder.objectRef<{ code: string; message: string; hint: string | null }>("RunError").implement({
  fields: (t) => ({
    code: t.exposeString("code"),
    message: t.exposeString("message"),
    hint: t.exposeString("hint", { nullable: true }),
  }),
});

const CandidateRef = builder.objectRef<{ id: string; name: string; description?: string; score: number; matched: string[]; reason: string }>("DataSourceCandidate").implement({
  fields: (t) => ({
    dataSourceId: t.id({ resolve: (c) => toGlobalId("DataSource", c.id) }),
    name: t.exposeString("name"),
    description: t.string({ resolve: (c) => c.description ?? "" }),
    score: t.exposeFloat("score", { description: "0–1: how well the data source's model matches the question." }),
    matched: t.exposeStringList("matched"),
    reason: t.exposeString("reason"),
  }),
});

const OptionRef = builder.objectRef<{ index: number; label: string; question: string | null; runnable: boolean }>("ClarificationOption").implement({
  fields: (t) => ({
    index: t.exposeInt("index"),
    label: t.exposeString("label"),
    question: t.exposeString("question", { nullable: true, description: "For options that are a rephrased question: send it as the message." }),
    runnable: t.exposeBoolean("runnable", { description: "Ask with `pick: { runId, option: index }`." }),
  }),
});

type Pending = { kind: "DISCOVERY" | "CLARIFICATION"; candidates?: never[]; options?: { label: string; spec: unknown; question: string | null }[] } | null;

export const QueryRun = builder.prismaNode("QueryRun", {
  id: { field: "id" },
  findUnique: (id, ctx) => ({ id, userId: ctx.viewer?.userId ?? nilUuid }),
  fields: (t) => ({
    question: t.exposeString("question"),
    status: t.expose("status", { type: RunStatusEnum }),
    engine: t.expose("engine", { type: RunEngineEnum, nullable: true }),
    sql: t.exposeString("sql", { nullable: true }),
    explanation: t.exposeString("explanation", { nullable: true }),
    spec: t.expose("spec", { type: "JSON", nullable: true, description: "The QuerySpec the SQL was compiled from (null for SQL from a model)." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    startedAt: t.expose("startedAt", { type: "DateTime", nullable: true }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true }),
    timings: t.expose("timings", { type: "JSON", nullable: true, description: "Milliseconds per stage and in total." }),
    rowCount: t.exposeInt("rowCount", { nullable: true }),
    truncated: t.exposeBoolean("truncated"),
    session: t.relation("session"),
    dataSource: t.relation("dataSource", { nullable: true }),
    error: t.field({
      type: RunErrorRef,
      nullable: true,
      select: { errorCode: true, errorMessage: true },
      resolve: async (run, _args, ctx) => {
        if (!run.errorCode) return null;
        const message = await ctx.services.prisma.message.findFirst({ where: { runId: run.id, kind: "ERROR" }, select: { payload: true } });
        const hint = (message?.payload as { hint?: string } | null)?.hint ?? null;
        return { code: run.errorCode, message: run.errorMessage ?? run.errorCode, hint };
      },
    }),
    chart: t.field({ type: ChartSpecRef, nullable: true, select: { chart: true }, resolve: (run) => (run.chart as ChartSpec | null) ?? null }),
    suggestions: t.field({
      type: [SuggestionRef],
      select: { suggestions: true },
      resolve: (run) => ((run.suggestions ?? []) as unknown as Suggestion[]).map((s, index) => ({ ...s, index })),
    }),
    candidates: t.field({
      type: [CandidateRef],
      description: "Data sources to pick from when the run waits for one (NEEDS_INPUT after discovery).",
      select: { pending: true },
      resolve: (run) => ((run.pending as Pending)?.kind === "DISCOVERY" ? ((run.pending as { candidates: never[] }).candidates ?? []) : []),
    }),
    clarification: t.field({
      type: [OptionRef],
      description: "Options to pick from when the question was ambiguous (NEEDS_INPUT).",
      select: { pending: true },
      resolve: (run) => {
        const pending = run.pending as Pending;
        if (pending?.kind !== "CLARIFICATION") return [];
        return (pending.options ?? []).map((o, index) => ({ index, label: o.label, question: o.question, runnable: o.spec !== null }));
      },
    }),
    result: t.field({
      type: ResultPageRef,
      nullable: true,
      select: { columns: true, rows: true, truncated: true },
      args: {
        page: t.arg.int({ defaultValue: 1, validate: z.number().int().min(1, "must be at least 1").max(100_000) }),
        pageSize: t.arg.int({ defaultValue: 50, validate: z.number().int().min(1, "must be at least 1").max(500, "must be at most 500") }),
        orderBy: t.arg({ type: ResultOrderInput, required: false }),
      },
      resolve: (run, args) => {
        if (!run.columns || !run.rows) return null;
        const stored = { columns: run.columns as unknown as ResultColumn[], rows: run.rows as unknown[][], truncated: run.truncated };
        if (args.orderBy && !stored.columns.some((c) => c.name === args.orderBy!.column)) {
          throw badInput(`The result has no column "${args.orderBy.column}".`, { field: "orderBy.column" });
        }
        return pageOfResult(stored, { page: args.page, pageSize: args.pageSize, orderBy: args.orderBy });
      },
    }),
    events: t.field({
      type: [ProgressEvent],
      args: { afterSeq: t.arg.int({ defaultValue: 0 }) },
      resolve: (run, args, ctx) => ctx.services.events.list(run.id, args.afterSeq),
    }),
  }),
});

const ResultOrderInput = builder.inputType("ResultOrder", {
  fields: (t) => ({
    column: t.string({ validate: z.string().min(1).max(200) }),
    direction: t.field({ type: SortDirectionEnum, defaultValue: "ASC" }),
  }),
});

builder.prismaObjectField("Message", "run", (t) => t.relation("run", { nullable: true }));

const RunPickInput = builder.inputType("RunPickInput", {
  description: "A suggestion or a clarification option of an earlier run: exactly one of `suggestion` and `option`.",
  fields: (t) => ({
    runId: t.id(),
    suggestion: t.int({ required: false, validate: z.number().int().min(0).max(50).optional().nullable() }),
    option: t.int({ required: false, validate: z.number().int().min(0).max(50).optional().nullable() }),
  }),
});

const AskInput = builder.inputType("AskInput", {
  fields: (t) => ({
    sessionId: t.id({ required: false, description: "Omit to start a new session titled from the question." }),
    // The length is checked after whitespace is collapsed (QUESTION_TOO_LONG), not here; the body limit caps the raw text.
    message: t.string({ description: `Up to ${maxMessageLength.toLocaleString("en")} characters once whitespace is collapsed; longer fails with QUESTION_TOO_LONG.` }),
    dataSourceId: t.id({ required: false, description: "Ask this data source; otherwise the session's, or discovery picks one." }),
    pick: t.field({ type: RunPickInput, required: false }),
  }),
});

const AskPayload = builder.objectRef<{ run: QueryRunModel; sessionId: string }>("AskPayload").implement({
  fields: (t) => ({
    // The run just created: returned as is (relations load on demand), no second read.
    run: t.field({ type: QueryRun, resolve: (p) => p.run }),
    session: t.prismaField({ type: "Session", resolve: (q, p, _a, ctx) => ctx.services.prisma.session.findUniqueOrThrow({ ...q, where: { id: p.sessionId } }) }),
  }),
});

const SelectDataSourcePayload = builder.objectRef<{ sessionId: string; runId: string | null }>("SelectDataSourcePayload").implement({
  fields: (t) => ({
    session: t.prismaField({ type: "Session", resolve: (q, p, _a, ctx) => ctx.services.prisma.session.findUniqueOrThrow({ ...q, where: { id: p.sessionId } }) }),
    run: t.prismaField({
      type: "QueryRun",
      nullable: true,
      description: "The waiting question, asked again on the chosen data source.",
      resolve: (q, p, _a, ctx) => (p.runId ? ctx.services.prisma.queryRun.findUniqueOrThrow({ ...q, where: { id: p.runId } }) : null),
    }),
  }),
});

const RunPayload = builder.objectRef<{ runId: string }>("RunPayload").implement({
  fields: (t) => ({
    run: t.prismaField({ type: "QueryRun", resolve: (q, p, _a, ctx) => ctx.services.prisma.queryRun.findUniqueOrThrow({ ...q, where: { id: p.runId } }) }),
  }),
});

builder.prismaObjectField("Session", "dataSource", (t) => t.relation("dataSource", { nullable: true }));
builder.prismaObjectField("Session", "runs", (t) =>
  t.relatedConnection("runs", { cursor: "id", query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } }),
);

builder.queryFields((t) => ({
  run: t.prismaField({
    type: "QueryRun",
    authScopes: { authenticated: true },
    args: { id: t.arg.id() },
    resolve: async (query, _root, args, ctx) => {
      const run = await ctx.services.ask.runOf(ctx.viewer!, fromGlobalId(args.id, "QueryRun"));
      return ctx.services.prisma.queryRun.findUniqueOrThrow({ ...query, where: { id: run.id } });
    },
  }),
  discoverDataSources: t.field({
    type: [CandidateRef],
    description: "The caller's data sources ranked by how well they match a question, with what matched.",
    authScopes: { authenticated: true },
    args: { question: t.arg.string({ validate: z.string().trim().min(1, "must not be empty").max(maxMessageLength) }) },
    resolve: (_root, args, ctx) => ctx.services.discovery.rank(ctx.viewer!, args.question),
  }),
}));

builder.mutationFields((t) => ({
  ask: t.field({
    type: AskPayload,
    description: "Stores the question and starts answering it; returns the run at once. Follow it with `queryProgress(runId)`.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: AskInput }) },
    resolve: async (_root, { input }, ctx) => {
      const pick = input.pick;
      if (pick && (pick.suggestion === null || pick.suggestion === undefined) === (pick.option === null || pick.option === undefined)) {
        throw badInput("Pick exactly one of `suggestion` and `option`.", { field: "pick" });
      }
      const run = await ctx.services.ask.ask(ctx.viewer!, {
        sessionId: input.sessionId ? fromGlobalId(input.sessionId, "Session") : null,
        message: input.message,
        dataSourceId: input.dataSourceId ? fromGlobalId(input.dataSourceId, "DataSource") : null,
        pick: pick ? { runId: fromGlobalId(pick.runId, "QueryRun"), suggestion: pick.suggestion, option: pick.option } : null,
      });
      return { run, sessionId: run.sessionId };
    },
  }),
  cancelRun: t.field({
    type: RunPayload,
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: builder.inputType("CancelRunInput", { fields: (f) => ({ runId: f.id() }) }) }) },
    resolve: async (_root, { input }, ctx) => ({ runId: (await ctx.services.ask.cancel(ctx.viewer!, fromGlobalId(input.runId, "QueryRun"))).id }),
  }),
  selectDataSource: t.field({
    type: SelectDataSourcePayload,
    description: "Sets the session's data source; a question waiting for this choice is answered on it.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: builder.inputType("SelectDataSourceInput", { fields: (f) => ({ sessionId: f.id(), dataSourceId: f.id() }) }) }) },
    resolve: async (_root, { input }, ctx) => {
      const result = await ctx.services.ask.selectDataSource(ctx.viewer!, fromGlobalId(input.sessionId, "Session"), fromGlobalId(input.dataSourceId, "DataSource"));
      return { sessionId: result.sessionId, runId: result.run?.id ?? null };
    },
  }),
}));

builder.subscriptionField("queryProgress", (t) =>
  t.field({
    type: ProgressEvent,
    description: "Every event of a run after `afterSeq`: first the stored ones, then live ones, in order, without duplicates; completes after the DONE event.",
    authScopes: { authenticated: true },
    args: { runId: t.arg.id(), afterSeq: t.arg.int({ defaultValue: 0, validate: z.number().int().min(0, "must not be negative") }) },
    subscribe: async (_root, args, ctx) => {
      const run = await ctx.services.ask.runOf(ctx.viewer!, fromGlobalId(args.runId, "QueryRun")).catch((error: unknown) => {
        throw error instanceof AppError ? error : new AppError("NOT_FOUND", "Run not found.");
      });
      return ctx.services.runFeeds.stream(run.id, args.afterSeq);
    },
    resolve: (event) => event,
  }),
);
