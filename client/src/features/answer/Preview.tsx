import { useEffect, useState, type ReactNode } from "react";
import { AnswerCard } from "./AnswerCard.tsx";
import { ChartView } from "./ChartView.tsx";
import { ExportButtons } from "./ExportButtons.tsx";
import { Feedback } from "./Feedback.tsx";
import * as s from "./preview/samples.ts";
import { useSampleTable } from "./preview/use-sample-table.ts";
import { ResultTable } from "./ResultTable.tsx";
import { SqlBlock } from "./SqlBlock.tsx";
import { StageStepper } from "./StageStepper.tsx";
import { Suggestions } from "./Suggestions.tsx";
import type { ProgressEvent } from "./types.ts";

function Section({ id, title, note, children }: { id: string; title: string; note?: string; children: ReactNode }) {
  return (
    <section className="preview-section" aria-labelledby={id}>
      <header>
        <h2 id={id}>{title}</h2>
        {note && <p className="muted">{note}</p>}
      </header>
      {children}
    </section>
  );
}

/** Replays a finished run's events one by one, to watch the stepper move. */
function useReplay(all: ProgressEvent[]): [ProgressEvent[], () => void] {
  const [count, setCount] = useState(all.length);
  useEffect(() => {
    if (count >= all.length) return;
    const timer = setTimeout(() => setCount((c) => c + 1), 450);
    return () => clearTimeout(timer);
  }, [count, all.length]);
  return [all.slice(0, count), () => setCount(0)];
}

/**
 * Every answer component with realistic sample data, for people to look at
 * (and for the screenshot script). Served by `preview.html`, not the app.
 */
export function Preview() {
  const [lastAction, setLastAction] = useState("Nothing yet: click a follow-up, a chart type, a header…");
  const act = (what: string) => () => setLastAction(what);
  const customers = useSampleTable(s.customerColumns, s.customerRows, 10);
  const regionTable = useSampleTable(s.regionResult.columns, s.regionRows, 10);
  const [replayed, replay] = useReplay(s.finishedEvents);

  return (
    <div className="preview">
      <header className="preview-top">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            M
          </span>
          AgentMedha
        </div>
        <p className="muted">Answer components · sample data · follows your system’s light or dark theme</p>
      </header>
      <main className="preview-main">
        <p className="preview-action" role="status">
          <strong>Last action:</strong> {lastAction}
        </p>

        <Section id="finished" title="A finished answer" note="“What was our revenue by region in 2024?”">
          <div className="message user preview-question">What was our revenue by region in 2024?</div>
          <AnswerCard
            events={s.finishedEvents}
            explanation="Adds up the value of every order line (quantity × unit price) placed in 2024, leaving out cancelled orders, and groups it by the customer’s region, largest first."
            sql={s.regionSql}
            result={{ ...s.regionResult, rows: regionTable.rows }}
            chartRows={s.regionRows}
            chart={s.regionChart}
            suggestions={s.regionSuggestions}
            table={regionTable}
            onSuggestion={(i) => setLastAction(`Follow-up #${i}: ${s.regionSuggestions[i]!.label}`)}
            onChartTypeChange={(t) => setLastAction(`Chart type: ${t}`)}
            onFeedback={(f) => setLastAction(`Feedback: ${JSON.stringify(f)}`)}
            onExport={{ csv: act("Export CSV"), json: act("Export JSON") }}
          />
        </Section>

        <Section id="running" title="An answer in progress">
          <AnswerCard events={s.runningEvents} />
        </Section>

        <Section id="failed" title="A failed answer">
          <AnswerCard events={s.failedEvents} sql={s.regionSql} explanation="Adds up order revenue for every day since 2015, by customer and product." error={s.failedError} onRetry={act("Retry")} />
        </Section>

        <Section id="discovery" title="A discovery turn" note="The question fits several data sources: pick one.">
          <AnswerCard
            events={s.discoveryEvents}
            discovery={{ message: "Several data sources could answer “revenue per customer by region”. Which one should I use?", candidates: s.discoveryCandidates }}
            onUseCandidate={(id) => setLastAction(`Use data source ${id}`)}
          />
        </Section>

        <Section id="clarification" title="A clarification">
          <AnswerCard
            clarification={{
              message: "I don’t know “churners” in this data. Did you mean one of these?",
              options: [{ label: "Count customers with no order in 90 days" }, { label: "List cancelled subscriptions" }, { label: "Count inactive accounts" }],
            }}
            onClarify={(i) => setLastAction(`Clarification option #${i}`)}
          />
        </Section>

        <Section id="charts" title="Charts" note="Each chart offers the server’s alternatives; the data is also a table for screen readers.">
          <div className="preview-grid">
            <div className="answer-card wide">
              <ChartView spec={s.monthlyChart} columns={s.monthlyColumns} rows={s.monthlyRows} onTypeChange={(t) => setLastAction(`Chart type: ${t}`)} />
            </div>
            <div className="answer-card">
              <ChartView spec={s.kpiChart} columns={s.kpiColumns} rows={s.kpiRows} />
            </div>
            <div className="answer-card">
              <ChartView spec={s.paymentChart} columns={s.paymentColumns} rows={s.paymentRows} />
            </div>
            <div className="answer-card wide">
              <ChartView spec={s.categoryChart} columns={s.categoryColumns} rows={s.categoryRows} />
            </div>
            <div className="answer-card wide">
              <ChartView spec={s.productChart} columns={s.productColumns} rows={s.productRows} />
            </div>
          </div>
        </Section>

        <Section id="table" title="Result table" note="Sorted and paged “on the server” (simulated); the result was capped.">
          <ResultTable
            columns={s.customerColumns}
            rows={customers.rows}
            totalRows={s.customerRows.length}
            truncated
            page={customers.page}
            pageSize={customers.pageSize}
            sort={customers.sort}
            loading={customers.loading}
            onPage={customers.onPage}
            onSort={customers.onSort}
            formats={{ revenue: "currency", balance: "currency" }}
            caption="Customers by revenue"
          />
          <h3 className="preview-sub">Loading a page</h3>
          <ResultTable columns={s.customerColumns.slice(0, 5)} rows={[]} totalRows={240} page={2} pageSize={4} loading caption="Loading" />
        </Section>

        <Section id="sql" title="SQL">
          <SqlBlock sql={s.longSql} explanation="Finds customers whose quarterly spend grew by more than 25 % on the previous quarter over the last two years, with the product category they buy most." defaultOpen />
        </Section>

        <Section id="stepper" title="Stage stepper">
          <div className="preview-stack">
            <div className="answer-card">
              <StageStepper events={replayed} />
              <button type="button" className="ghost-button preview-replay" onClick={replay}>
                Replay a run
              </button>
            </div>
            <div className="answer-card">
              <StageStepper events={s.runningEvents} />
            </div>
            <div className="answer-card">
              <StageStepper events={s.failedEvents} />
            </div>
          </div>
        </Section>

        <Section id="actions" title="Follow-ups, feedback and export">
          <div className="answer-card">
            <Suggestions suggestions={s.regionSuggestions} onPick={(i) => setLastAction(`Follow-up #${i}`)} />
            <div className="answer-footer">
              <Feedback onSubmit={(f) => setLastAction(`Feedback: ${JSON.stringify(f)}`)} />
              <ExportButtons onCsv={act("Export CSV")} onJson={act("Export JSON")} />
            </div>
          </div>
        </Section>
      </main>
    </div>
  );
}
