import { useCallback, useMemo, useState } from "react";
import { useClient, useMutation, useQuery } from "urql";
import { useApi } from "../../lib/api.tsx";
import { downloadExport } from "../../lib/download.ts";
import { errorCode, errorMessage } from "../../lib/errors.ts";
import { useNotify } from "../../ui/toast.tsx";
import { useNearViewport } from "../../ui/use-near-viewport.ts";
import { AnswerCard } from "../answer/AnswerCard.tsx";
import type { FeedbackCategory, Rating, RefinementInput } from "../../graphql/graphql";
import type { ChartType, FeedbackInput, ResultCell, SortState } from "../answer/types.ts";
import { finishedStatuses, toCandidates, toChartSpec, toEvents, toResult } from "./adapt.ts";
import { CancelRun, FieldValuesQuery, RefineQuery, RunDetails, RunResultPage, SubmitFeedback } from "./operations.ts";
import { RefineBar } from "./RefineBar.tsx";
import type { RefinableField } from "./refine.ts";
import type { FieldValues } from "./ValuePicker.tsx";
import type { AskRequest } from "./use-ask.ts";
import { markAskedHere, wasAskedHere } from "./asked-here.ts";
import { useRunProgress } from "./use-run-progress.ts";

/** Rows per table page; the chart reads up to CHART_ROWS (the API's largest page). */
export const TABLE_PAGE_SIZE = 10;
export const CHART_ROWS = 500;
/** Values a filter's picker lists at once; typing narrows them on the server. */
const PICKER_VALUES = 50;

export interface AssistantReply {
  kind: string;
  content: string;
  payload: unknown;
}

export interface RunAnswerProps {
  runId: string;
  reply: AssistantReply | null;
  /** Only the conversation's last answer takes a data-source choice or a clarification. */
  latest: boolean;
  readOnly: boolean;
  onAsk: (request: AskRequest) => void;
  onSelectDataSource: (dataSourceId: string) => void;
  /** A refinement started a new run in the session. */
  onRefined: (run: { id: string; question: string }) => void;
}

function storedFeedback(stored: { rating: Rating; comment?: string | null; category?: FeedbackCategory | null } | null | undefined): FeedbackInput | null {
  return stored ? { rating: stored.rating, comment: stored.comment ?? null, category: stored.category ?? null } : null;
}

function examplesOf(payload: unknown): string[] {
  const examples = (payload as { examples?: unknown } | null)?.examples;
  return Array.isArray(examples) ? examples.filter((e): e is string => typeof e === "string") : [];
}

/**
 * One answer wired to the API: the stored run, live progress while it runs
 * (resumed after reconnects), the result table paged and sorted on the server,
 * all rows for the chart, and every action an answer offers.
 */
export function RunAnswer({ runId, reply, latest, readOnly, onAsk, onSelectDataSource, onRefined }: RunAnswerProps) {
  const api = useApi();
  const notify = useNotify();
  const [{ data, error }, refetchRun] = useQuery({ query: RunDetails, variables: { id: runId } });
  const run = data?.run;
  const seed = useMemo(() => (run ? toEvents(run.events) : null), [run]);
  // Follow the run until its DONE event is in hand: another query may report it finished
  // (the conversation's message list) before this view has the run's final fields.
  const live = Boolean(run && !(finishedStatuses.has(run.status) && seed?.some((e) => e.stage === "DONE")));
  const onDone = useCallback(() => refetchRun({ requestPolicy: "network-only" }), [refetchRun]);
  const progress = useRunProgress(api.ws, runId, { seed, live, onDone, paced: wasAskedHere(runId) });
  const settled = Boolean(run && finishedStatuses.has(run.status) && !live);

  const succeeded = settled && run?.status === "SUCCEEDED";
  const hasRows = succeeded && (run?.rowCount ?? 0) > 0;
  const [nearRef, near] = useNearViewport();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<SortState | null>(null);
  const [chartType, setChartType] = useState<ChartType | undefined>(undefined);
  const [tablePage] = useQuery({
    query: RunResultPage,
    variables: { id: runId, page, pageSize: TABLE_PAGE_SIZE, orderBy: sort ? { column: sort.column, direction: sort.direction } : null },
    pause: !hasRows || !near,
  });
  const [chartPage] = useQuery({ query: RunResultPage, variables: { id: runId, page: 1, pageSize: CHART_ROWS, orderBy: null }, pause: !hasRows || !run?.chart || !near });
  const [, cancelRun] = useMutation(CancelRun);
  const [, refineQuery] = useMutation(RefineQuery);
  const [, submitFeedback] = useMutation(SubmitFeedback);
  const [exportBusy, setExportBusy] = useState<"csv" | "json" | null>(null);
  const client = useClient();
  const loadValues = useCallback(
    async (field: string, search: string): Promise<FieldValues> => {
      const result = await client.query(FieldValuesQuery, { runId, field, search: search || null, first: PICKER_VALUES }, { requestPolicy: "cache-first" }).toPromise();
      if (!result.data) throw result.error ?? new Error("No values.");
      return result.data.fieldValues;
    },
    [client, runId],
  );

  if (error && !run) {
    return (
      <AnswerCard
        error={{ code: errorCode(error) ?? "NETWORK_ERROR", message: errorMessage(error) ?? "This answer could not be loaded." }}
        onRetry={() => refetchRun({ requestPolicy: "network-only" })}
      />
    );
  }
  if (!run) return <AnswerCard events={[]} result={null} lead={<div className="answer-loading skeleton" aria-label="Loading the answer" />} />;

  const finished = settled;
  const chart = run.chart ? toChartSpec(run.chart) : progress.chart;
  const page1 = tablePage.data?.run.result;
  const preview = progress.preview ? { ...progress.preview, rows: progress.preview.rows.slice(0, TABLE_PAGE_SIZE) } : null;
  const result = hasRows && page1 ? toResult(page1) : succeeded && run.rowCount === 0 ? null : preview;
  const allRows = chartPage.data?.run.result ? (chartPage.data.run.result.rows as ResultCell[][]) : undefined;
  // A chart of one table page would be wrong: wait for every row unless the page holds them all.
  const chartReady = Boolean(allRows) || (result !== null && result.rows.length >= result.totalRows);
  const waiting = settled && run.status === "NEEDS_INPUT";
  const interactive = latest && !readOnly;
  const prompt = reply?.content ?? progress.message ?? "";

  const exportAs = (format: "csv" | "json") => async () => {
    setExportBusy(format);
    try {
      const name = await downloadExport(runId, format, api.token());
      notify(`Downloaded ${name}`, "success");
    } catch (e) {
      notify(e instanceof Error ? e.message : "The export failed.", "error");
    } finally {
      setExportBusy(null);
    }
  };

  const examples = reply?.kind === "INFO" ? examplesOf(reply.payload) : [];
  const lead =
    reply?.kind === "INFO" || run.status === "CANCELLED" ? (
      <div className="assistant-note">
        <p>{run.status === "CANCELLED" ? "Stopped before an answer was ready." : reply?.content}</p>
        {examples.length > 0 && !readOnly && (
          <div className="suggestions" role="group" aria-label="Questions to try">
            {examples.map((q) => (
              <button key={q} type="button" className="chip" onClick={() => onAsk({ message: q })}>
                {q}
              </button>
            ))}
          </div>
        )}
      </div>
    ) : null;

  // An empty answer says why (the server names the condition that emptied it and what the data covers).
  const emptyNote =
    succeeded && run.rowCount === 0 ? (
      <div className="assistant-note empty-result" role="status">
        <p>{prompt || "No rows match."}</p>
      </div>
    ) : null;

  const refine = async (input: RefinementInput): Promise<string | null> => {
    const result = await refineQuery({ input: { runId, refinement: input } });
    const next = result.data?.refineQuery.run;
    if (next) {
      markAskedHere(next.id);
      onRefined({ id: next.id, question: next.question });
      return null;
    }
    return errorMessage(result.error) ?? "The answer could not be refined.";
  };
  const answerId = run.answer?.id;
  const onFeedback =
    answerId && succeeded
      ? async (feedback: FeedbackInput) => {
          const result = await submitFeedback({ input: { messageId: answerId, rating: feedback.rating, comment: feedback.comment, category: feedback.category } });
          // The form shows its own failure line; the reason goes to a notice.
          if (result.error) {
            notify(errorMessage(result.error) ?? "Could not send the feedback.", "error");
            throw result.error;
          }
        }
      : undefined;
  const refinable = run.refinableFields as RefinableField[];

  const clarification = waiting && run.clarification.length > 0 ? { message: prompt, options: run.clarification.map((o) => ({ label: o.label })) } : null;
  const discovery = waiting && run.candidates.length > 0 ? { message: prompt, candidates: toCandidates(run.candidates) } : null;

  return (
    <div ref={nearRef} className="run-answer">
      <AnswerCard
        events={progress.events}
        lead={lead ?? emptyNote}
        sql={run.sql ?? progress.sql}
        explanation={run.explanation ?? progress.explanation}
        result={result}
        chartRows={allRows}
        chart={chartReady ? chart : null}
        resultLoading={hasRows && !page1}
        chartType={chartType}
        onChartTypeChange={setChartType}
        suggestions={finished ? run.suggestions : []}
        error={run.error ?? progress.error ?? (progress.subscriptionError && !finished ? { code: "LIVE_UPDATES", message: progress.subscriptionError } : null)}
        clarification={clarification}
        discovery={discovery}
        table={{
          page,
          pageSize: TABLE_PAGE_SIZE,
          sort,
          loading: tablePage.fetching || tablePage.stale,
          onPage: setPage,
          onSort: (column, direction) => {
            setSort({ column, direction });
            setPage(1);
          },
        }}
        onSuggestion={readOnly ? undefined : (index) => onAsk({ message: run.suggestions.find((s) => s.index === index)?.label ?? "", pick: { runId, suggestion: index } })}
        onRetry={readOnly || !settled || run.status !== "FAILED" ? undefined : () => onAsk({ message: run.question })}
        onClarify={
          interactive
            ? (i) => {
                const option = run.clarification[i];
                if (!option) return;
                if (option.runnable) onAsk({ message: option.label, pick: { runId, option: option.index } });
                else onAsk({ message: option.question ?? option.label });
              }
            : undefined
        }
        onUseCandidate={interactive ? onSelectDataSource : undefined}
        onCancel={
          readOnly
            ? undefined
            : () =>
                void cancelRun({ input: { runId } }).then((r) => {
                  if (r.error) notify(errorMessage(r.error) ?? "Could not stop the answer.", "error");
                })
        }
        onExport={hasRows ? { csv: exportAs("csv"), json: exportAs("json") } : undefined}
        exportBusy={exportBusy}
        onFeedback={onFeedback}
        feedback={storedFeedback(run.answer?.feedback)}
        tools={hasRows && !readOnly && refinable.length > 0 ? <RefineBar fields={refinable} onRefine={refine} loadValues={loadValues} /> : null}
      />
    </div>
  );
}
