import type { ReactNode } from "react";
import { CrossIcon } from "../../ui/icons.tsx";
import { AnswerErrorPanel } from "./AnswerErrorPanel.tsx";
import { chartFields } from "./chart-data.ts";
import { ChartView } from "./ChartView.tsx";
import { Clarification } from "./Clarification.tsx";
import { DiscoveryCandidates } from "./DiscoveryCandidates.tsx";
import { ExportButtons } from "./ExportButtons.tsx";
import { Feedback } from "./Feedback.tsx";
import type { FormatOptions } from "./format.ts";
import { ResultTable } from "./ResultTable.tsx";
import { SqlBlock } from "./SqlBlock.tsx";
import { StageStepper } from "./StageStepper.tsx";
import { runProgress } from "./stages.ts";
import { Suggestions } from "./Suggestions.tsx";
import type {
  AnswerError,
  AnswerResult,
  ChartSpec,
  ChartType,
  ClarificationOption,
  DiscoveryCandidate,
  FeedbackInput,
  ProgressEvent,
  ResultCell,
  SortDirection,
  SortState,
  Suggestion,
  TimeGrain,
  ValueFormat,
} from "./types.ts";

export interface AnswerTableState {
  page: number;
  pageSize: number;
  sort?: SortState | null;
  loading?: boolean;
  onPage?: (page: number) => void;
  onSort?: (column: string, direction: SortDirection) => void;
}

export interface AnswerCardProps {
  events?: readonly ProgressEvent[];
  explanation?: string | null;
  sql?: string | null;
  /** The table's current page. */
  result?: AnswerResult | null;
  /** Rows for the chart (the whole capped result); the table page's rows when absent. */
  chartRows?: ResultCell[][];
  chart?: ChartSpec | null;
  suggestions?: Suggestion[];
  error?: AnswerError | null;
  clarification?: { message: string; options: ClarificationOption[] } | null;
  discovery?: { message?: string; candidates: DiscoveryCandidate[] } | null;
  table?: AnswerTableState;
  chartType?: ChartType;
  onChartTypeChange?: (type: ChartType) => void;
  onSuggestion?: (index: number) => void;
  onRetry?: () => void;
  onClarify?: (index: number) => void;
  onUseCandidate?: (id: string) => void;
  onFeedback?: (feedback: FeedbackInput) => void | Promise<void>;
  /** Feedback already stored for this answer. */
  feedback?: FeedbackInput | null;
  onExport?: { csv: () => void; json: () => void };
  /** An export is being downloaded. */
  exportBusy?: "csv" | "json" | null;
  /** The run has finished and its rows are on their way: keep the placeholder up. */
  resultLoading?: boolean;
  /** Stops the run while it is going. */
  onCancel?: () => void;
  /** Words from the assistant shown under the progress (a greeting, what a data source holds). */
  lead?: ReactNode;
  /** Controls shown under the table (refinements). */
  tools?: ReactNode;
  formatOptions?: FormatOptions;
}

/** Heights (%) of the placeholder bars shown while the result is on its way. */
const SKELETON_BARS = [46, 72, 58, 88, 64, 78, 52, 68];

/** Formats and labels the chart spec gives columns (currency, "Revenue"), so the table reads like the chart. */
function columnsOf(chart: ChartSpec | null | undefined): { formats: Record<string, ValueFormat>; labels: Record<string, string>; grains: Record<string, TimeGrain> } {
  const fields = chart ? chartFields(chart) : [];
  return {
    formats: Object.fromEntries(fields.filter((f) => f.format !== "text").map((f) => [f.column, f.format])),
    labels: Object.fromEntries(fields.map((f) => [f.column, f.label])),
    grains: chart?.x?.timeGrain ? { [chart.x.column]: chart.x.timeGrain } : {},
  };
}

/**
 * One answer, finished or still arriving: progress, then whatever the run has
 * produced so far (error, clarification, discovery, explanation and SQL,
 * chart, table, follow-ups) and the feedback and export controls.
 */
export function AnswerCard(props: AnswerCardProps) {
  const { events = [], sql, explanation, result, chart, suggestions = [], error, clarification, discovery, table, formatOptions = {} } = props;
  const progress = runProgress(events);
  const running = events.length > 0 && !progress.finished;
  const waitingForData = (running || props.resultLoading) && !result;
  const hasRows = result && result.columns.length > 0;
  // A single value shown as a KPI needs no one-row table under it (the chart offers "Table").
  const activeChart = props.chartType ?? chart?.type;
  const showTable = hasRows && !(chart && activeChart === "kpi" && result.totalRows <= 1);

  return (
    <article className={`answer-card${running ? " running" : ""}`} aria-busy={running || undefined} aria-label="Answer">
      {events.length > 0 && (
        <div className="answer-progress">
          <StageStepper events={events} />
          {running && props.onCancel && (
            <button type="button" className="ghost-button stop-button" onClick={props.onCancel}>
              <CrossIcon /> Stop
            </button>
          )}
        </div>
      )}
      {props.lead}

      {error && <AnswerErrorPanel error={error} onRetry={props.onRetry} />}
      {clarification && <Clarification message={clarification.message} options={clarification.options} onChoose={(i) => props.onClarify?.(i)} disabled={!props.onClarify} />}
      {discovery && <DiscoveryCandidates message={discovery.message} candidates={discovery.candidates} onUse={(id) => props.onUseCandidate?.(id)} disabled={!props.onUseCandidate} />}

      {sql && <SqlBlock sql={sql} explanation={explanation} />}
      {!sql && explanation && <p className="sql-explanation">{explanation}</p>}

      {waitingForData && !error && (
        <div className="answer-skeleton" aria-hidden="true">
          <div className="skeleton" style={{ height: 22, width: "38%", minHeight: 0 }} />
          <div className="skeleton-chart">
            {SKELETON_BARS.map((h, i) => (
              <span key={i} className="skeleton" style={{ height: `${h}%` }} />
            ))}
          </div>
        </div>
      )}

      {chart && hasRows && (
        <ChartView spec={chart} columns={result.columns} rows={props.chartRows ?? result.rows} type={props.chartType} onTypeChange={props.onChartTypeChange} formatOptions={formatOptions} />
      )}

      {showTable && (
        <section className="answer-data" aria-label="Result table">
          <ResultTable
            columns={result.columns}
            rows={result.rows}
            totalRows={result.totalRows}
            truncated={result.truncated}
            page={table?.page ?? 1}
            pageSize={table?.pageSize ?? Math.max(result.rows.length, 1)}
            sort={table?.sort}
            loading={table?.loading}
            onPage={table?.onPage}
            onSort={table?.onSort}
            {...columnsOf(chart)}
            caption={chart?.title ?? "Result"}
            formatOptions={formatOptions}
          />
        </section>
      )}

      {props.tools}

      {suggestions.length > 0 && props.onSuggestion && <Suggestions suggestions={suggestions} onPick={props.onSuggestion} disabled={running} />}

      {(props.onFeedback || props.onExport) && !running && !clarification && !discovery && (
        <footer className="answer-footer">
          {props.onFeedback ? <Feedback onSubmit={props.onFeedback} initial={props.feedback} /> : <span />}
          {props.onExport && hasRows && <ExportButtons onCsv={props.onExport.csv} onJson={props.onExport.json} busy={props.exportBusy ?? null} />}
        </footer>
      )}
    </article>
  );
}
