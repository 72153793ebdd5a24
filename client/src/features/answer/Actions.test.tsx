import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ExportButtons } from "./ExportButtons.tsx";
import { Feedback } from "./Feedback.tsx";
import { Suggestions } from "./Suggestions.tsx";

describe("Suggestions", () => {
  const suggestions = [
    { kind: "breakdown", label: "Break down by region" },
    { kind: "trend", label: "Show the trend by month" },
  ];

  it("calls back with the index of the clicked follow-up", async () => {
    const onPick = vi.fn();
    render(<Suggestions suggestions={suggestions} onPick={onPick} />);
    expect(screen.getByRole("group", { name: "Suggested follow-ups" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Show the trend by month" }));
    expect(onPick).toHaveBeenCalledWith(1);
  });

  it("can be disabled, and renders nothing without suggestions", async () => {
    const onPick = vi.fn();
    const { rerender, container } = render(<Suggestions suggestions={suggestions} onPick={onPick} disabled />);
    await userEvent.click(screen.getByRole("button", { name: "Break down by region" }));
    expect(onPick).not.toHaveBeenCalled();
    rerender(<Suggestions suggestions={[]} onPick={onPick} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe("ExportButtons", () => {
  it("calls the CSV and JSON callbacks", async () => {
    const onCsv = vi.fn();
    const onJson = vi.fn();
    render(<ExportButtons onCsv={onCsv} onJson={onJson} />);
    await userEvent.click(screen.getByRole("button", { name: "CSV" }));
    await userEvent.click(screen.getByRole("button", { name: "JSON" }));
    expect(onCsv).toHaveBeenCalledTimes(1);
    expect(onJson).toHaveBeenCalledTimes(1);
  });

  it("blocks both while one export runs", () => {
    render(<ExportButtons onCsv={vi.fn()} onJson={vi.fn()} busy="csv" />);
    expect(screen.getByRole("button", { name: "CSV" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "CSV" })).toHaveAttribute("aria-busy", "true");
    expect(screen.getByRole("button", { name: "JSON" })).toBeDisabled();
  });
});

describe("Feedback", () => {
  it("stores a thumbs up on click, then updates the same rating with an optional comment", async () => {
    const onSubmit = vi.fn();
    render(<Feedback onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole("button", { name: "Helpful" }));
    expect(onSubmit).toHaveBeenCalledWith({ rating: "POSITIVE", comment: null, category: null });
    expect(screen.getByRole("status")).toHaveTextContent("Thanks for the feedback.");
    expect(screen.getByRole("button", { name: "Helpful" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.queryByLabelText("What went wrong?")).toBeNull();
    expect(screen.getByLabelText(/Comment/)).toHaveFocus();
    await userEvent.type(screen.getByLabelText(/Comment/), "  Spot on  ");
    await userEvent.click(screen.getByRole("button", { name: "Save comment" }));
    expect(onSubmit).toHaveBeenLastCalledWith({ rating: "POSITIVE", comment: "Spot on", category: null });
    expect(onSubmit).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole("form")).toBeNull();
    expect(screen.getByRole("button", { name: "Edit comment" })).toBeInTheDocument();
  });

  it("stores a thumbs down on click and sends what went wrong with the comment", async () => {
    const onSubmit = vi.fn();
    render(<Feedback onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole("button", { name: "Not helpful" }));
    expect(onSubmit).toHaveBeenCalledWith({ rating: "NEGATIVE", comment: null, category: null });
    await userEvent.selectOptions(screen.getByLabelText("What went wrong?"), "Wrong chart");
    await userEvent.type(screen.getByLabelText(/Comment/), "Should be a line chart");
    await userEvent.click(screen.getByRole("button", { name: "Save comment" }));
    expect(onSubmit).toHaveBeenLastCalledWith({ rating: "NEGATIVE", comment: "Should be a line chart", category: "WRONG_CHART" });
  });

  it("switching the thumb keeps the comment and drops the category of a thumbs down", async () => {
    const onSubmit = vi.fn();
    render(<Feedback onSubmit={onSubmit} initial={{ rating: "NEGATIVE", comment: "Too many rows", category: "WRONG_RESULT" }} />);
    expect(screen.getByRole("button", { name: "Not helpful" })).toHaveAttribute("aria-pressed", "true");
    await userEvent.click(screen.getByRole("button", { name: "Helpful" }));
    expect(onSubmit).toHaveBeenCalledWith({ rating: "POSITIVE", comment: "Too many rows", category: null });
    expect(screen.getByLabelText(/Comment/)).toHaveValue("Too many rows");
  });

  it("lists every category", async () => {
    render(<Feedback onSubmit={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "Not helpful" }));
    const options = [...(screen.getByLabelText("What went wrong?") as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(["", "WRONG_RESULT", "WRONG_CHART", "MISUNDERSTOOD", "SQL_ERROR", "SLOW", "OTHER"]);
  });

  it("says so and stores nothing when the rating cannot be saved", async () => {
    const onSubmit = vi.fn().mockRejectedValue(new Error("offline"));
    render(<Feedback onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole("button", { name: "Helpful" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Could not save the rating");
    expect(screen.getByRole("button", { name: "Helpful" })).toHaveAttribute("aria-pressed", "false");
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("keeps the comment form and says so when the comment cannot be saved", async () => {
    const onSubmit = vi.fn().mockResolvedValueOnce(undefined).mockRejectedValue(new Error("offline"));
    render(<Feedback onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole("button", { name: "Helpful" }));
    await userEvent.type(screen.getByLabelText(/Comment/), "Great");
    await userEvent.click(screen.getByRole("button", { name: "Save comment" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Could not save the comment");
    expect(screen.getByLabelText(/Comment/)).toHaveValue("Great");
    expect(screen.getByRole("button", { name: "Helpful" })).toHaveAttribute("aria-pressed", "true");
  });

  it("closes the comment form on Escape or Close, keeping the rating", async () => {
    const onSubmit = vi.fn();
    render(<Feedback onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole("button", { name: "Not helpful" }));
    expect(screen.getByRole("form", { name: "Feedback details" })).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("form")).toBeNull();
    expect(screen.getByRole("button", { name: "Not helpful" })).toHaveAttribute("aria-pressed", "true");
    await userEvent.click(screen.getByRole("button", { name: "Add a comment" }));
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("form")).toBeNull();
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it("shows feedback given earlier as stored, without sending it again", () => {
    const onSubmit = vi.fn();
    render(<Feedback onSubmit={onSubmit} initial={{ rating: "POSITIVE", comment: null, category: null }} />);
    expect(screen.getByRole("status")).toHaveTextContent("Thanks for the feedback.");
    expect(screen.getByRole("button", { name: "Helpful" })).toHaveAttribute("aria-pressed", "true");
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
