import { useState } from "react";
import { useQuery } from "urql";
import type { FeedbackPeriod } from "../../../graphql/graphql";
import { ErrorNote } from "../../../ui/ErrorNote.tsx";
import { relativeTime } from "../../../ui/time.ts";
import { CATEGORY_LABELS } from "../../answer/Feedback.tsx";
import type { FeedbackCategory } from "../../answer/types.ts";
import { FeedbackSummaryQuery } from "../operations.ts";

const PERIODS: { value: FeedbackPeriod; label: string }[] = [
  { value: "DAY", label: "Last day" },
  { value: "WEEK", label: "Last 7 days" },
  { value: "MONTH", label: "Last 30 days" },
  { value: "QUARTER", label: "Last 91 days" },
  { value: "YEAR", label: "Last year" },
  { value: "ALL", label: "All time" },
];

const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 0 });

/** How people rated this data source's answers, and which questions went wrong most. */
export function FeedbackTab({ dataSourceId }: { dataSourceId: string }) {
  const [period, setPeriod] = useState<FeedbackPeriod>("MONTH");
  const [{ data, error, fetching }] = useQuery({ query: FeedbackSummaryQuery, variables: { dataSourceId, period }, requestPolicy: "cache-and-network" });
  const summary = data?.feedbackSummary;
  const top = Math.max(1, ...(summary?.byCategory.map((c) => c.count) ?? [1]));
  return (
    <div className="semantic-tab">
      <div className="tab-head">
        <p className="muted">Thumbs up and down on answers from this data source.</p>
        <label className="inline-label">
          Period
          <select value={period} onChange={(e) => setPeriod(e.target.value as FeedbackPeriod)}>
            {PERIODS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNote error={error} />
      {fetching && !summary && <div className="skeleton" style={{ minHeight: "8rem" }} />}
      {summary && (
        <>
          <div className="stat-cards">
            <div className="stat">
              <span className="stat-value">{summary.total}</span>
              <span className="stat-label">ratings</span>
            </div>
            <div className="stat good">
              <span className="stat-value">{summary.total ? percent.format(summary.positive / summary.total) : "—"}</span>
              <span className="stat-label">{summary.positive} helpful</span>
            </div>
            <div className="stat bad">
              <span className="stat-value">{summary.negative}</span>
              <span className="stat-label">not helpful</span>
            </div>
          </div>
          <h3 className="section-title">What went wrong</h3>
          <ul className="bars" aria-label="Ratings down by category">
            {summary.byCategory.map((c) => (
              <li key={c.category}>
                <span className="bar-label">{CATEGORY_LABELS[c.category as FeedbackCategory] ?? c.category}</span>
                <span className="bar-track" aria-hidden="true">
                  <span className="bar-fill" style={{ width: `${(c.count / top) * 100}%` }} />
                </span>
                <span className="bar-count">{c.count}</span>
              </li>
            ))}
          </ul>
          <h3 className="section-title">Questions rated down most</h3>
          {summary.worstQuestions.length === 0 ? (
            <p className="empty-line">No answers rated down in this period.</p>
          ) : (
            <ul className="item-list">
              {summary.worstQuestions.map((q) => (
                <li key={q.question} className="item">
                  <div className="item-main">
                    <strong>{q.question}</strong>
                    <p className="small muted">
                      {q.negative} down · {q.positive} up · {q.categories.map((c) => CATEGORY_LABELS[c as FeedbackCategory] ?? c).join(", ") || "no category"} · last {relativeTime(q.lastRatedAt)}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
