import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AnswerCard } from "./AnswerCard.tsx";
import { discoveryCandidates, events, failedError, finishedEvents, regionChart, regionResult, regionSql, regionSuggestions, runningEvents } from "./preview/samples.ts";

describe("AnswerCard", () => {
  it("shows a finished answer: explanation, SQL, chart, table, follow-ups, feedback and export", async () => {
    const onSuggestion = vi.fn();
    const onCsv = vi.fn();
    const onFeedback = vi.fn();
    render(
      <AnswerCard
        events={finishedEvents}
        explanation="Revenue per region."
        sql={regionSql}
        result={regionResult}
        chart={regionChart}
        suggestions={regionSuggestions}
        onSuggestion={onSuggestion}
        onFeedback={onFeedback}
        onExport={{ csv: onCsv, json: vi.fn() }}
        formatOptions={{ locale: "en-US" }}
      />,
    );
    const card = screen.getByRole("article", { name: "Answer" });
    expect(card).not.toHaveAttribute("aria-busy");
    expect(screen.getByRole("button", { name: /Answered in/ })).toBeInTheDocument();
    expect(screen.getByText("Revenue per region.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Show SQL/ })).toBeInTheDocument();
    expect(screen.getByRole("figure", { name: "Revenue by region, 2024" })).toBeInTheDocument();
    // The table takes the chart's labels and formats.
    const table = within(screen.getByRole("region", { name: "Result table" })).getByRole("table");
    expect(within(table).getByRole("columnheader", { name: "Revenue" })).toBeInTheDocument();
    expect(within(table).getByRole("cell", { name: "$1,842,310.55" })).toBeInTheDocument();
    expect(within(table).getByRole("columnheader", { name: "Avg order value" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: regionSuggestions[2]!.label }));
    expect(onSuggestion).toHaveBeenCalledWith(2);
    await userEvent.click(screen.getByRole("button", { name: "CSV" }));
    expect(onCsv).toHaveBeenCalled();
    expect(screen.getByRole("group", { name: "Was this answer helpful?" })).toBeInTheDocument();
  });

  it("while running shows progress and a placeholder, and no feedback yet", () => {
    render(<AnswerCard events={runningEvents} onFeedback={vi.fn()} suggestions={regionSuggestions} onSuggestion={vi.fn()} />);
    expect(screen.getByRole("article", { name: "Answer" })).toHaveAttribute("aria-busy", "true");
    expect(screen.getByRole("status")).toHaveTextContent("Run query…");
    expect(document.querySelector(".answer-skeleton")).not.toBeNull();
    expect(screen.queryByRole("group", { name: "Was this answer helpful?" })).toBeNull();
    for (const b of within(screen.getByRole("group", { name: "Suggested follow-ups" })).getAllByRole("button")) expect(b).toBeDisabled();
  });

  it("shows an error with its hint and retries", async () => {
    const onRetry = vi.fn();
    render(<AnswerCard events={events([["EXECUTE", "FAILED", 10], ["DONE", "FAILED", null]])} error={failedError} onRetry={onRetry} />);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent(failedError.message);
    expect(alert).toHaveTextContent(failedError.hint!);
    expect(alert).toHaveTextContent("QUERY_TIMEOUT");
    await userEvent.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(document.querySelector(".answer-skeleton")).toBeNull();
  });

  it("offers clarification options and reports the chosen index", async () => {
    const onClarify = vi.fn();
    render(<AnswerCard clarification={{ message: "Which one?", options: [{ label: "Count rows" }, { label: "List rows" }] }} onClarify={onClarify} />);
    expect(screen.getByText("Which one?")).toBeInTheDocument();
    await userEvent.click(within(screen.getByRole("group", { name: "Choose what you meant" })).getByRole("button", { name: "List rows" }));
    expect(onClarify).toHaveBeenCalledWith(1);
  });

  it("lists discovery candidates with what matched, and uses the chosen one", async () => {
    const onUseCandidate = vi.fn();
    render(<AnswerCard discovery={{ candidates: discoveryCandidates }} onUseCandidate={onUseCandidate} />);
    const cards = screen.getAllByRole("listitem").filter((li) => li.classList.contains("candidate"));
    expect(cards).toHaveLength(3);
    expect(within(cards[0]!).getByRole("heading", { name: "Sales warehouse" })).toBeInTheDocument();
    expect(within(cards[0]!).getByText("82% match")).toBeInTheDocument();
    expect(within(within(cards[0]!).getByRole("list", { name: "Matched" })).getAllByRole("listitem")).toHaveLength(3);
    await userEvent.click(screen.getByRole("button", { name: "Use this: Finance ledger" }));
    expect(onUseCandidate).toHaveBeenCalledWith("ds-finance");
  });
});
