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
  it("sends a thumbs down with a category and a comment", async () => {
    const onSubmit = vi.fn();
    render(<Feedback onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole("button", { name: "Not helpful" }));
    expect(screen.getByRole("button", { name: "Not helpful" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByLabelText(/Comment/)).toHaveFocus();
    await userEvent.selectOptions(screen.getByLabelText("What went wrong?"), "Wrong chart");
    await userEvent.type(screen.getByLabelText(/Comment/), "  Should be a line chart  ");
    await userEvent.click(screen.getByRole("button", { name: "Send feedback" }));
    expect(onSubmit).toHaveBeenCalledWith({ rating: "NEGATIVE", comment: "Should be a line chart", category: "WRONG_CHART" });
    expect(screen.getByRole("status")).toHaveTextContent("Thanks for the feedback.");
  });

  it("sends a thumbs up with nothing else, and offers no category for it", async () => {
    const onSubmit = vi.fn();
    render(<Feedback onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole("button", { name: "Helpful" }));
    expect(screen.queryByLabelText("What went wrong?")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Send feedback" }));
    expect(onSubmit).toHaveBeenCalledWith({ rating: "POSITIVE", comment: null, category: null });
  });

  it("lists every category", async () => {
    render(<Feedback onSubmit={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "Not helpful" }));
    const options = [...(screen.getByLabelText("What went wrong?") as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(["", "WRONG_RESULT", "WRONG_CHART", "MISUNDERSTOOD", "SQL_ERROR", "SLOW", "OTHER"]);
  });

  it("keeps the form and says so when sending fails", async () => {
    const onSubmit = vi.fn().mockRejectedValue(new Error("offline"));
    render(<Feedback onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole("button", { name: "Helpful" }));
    await userEvent.type(screen.getByLabelText(/Comment/), "Great");
    await userEvent.click(screen.getByRole("button", { name: "Send feedback" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Could not send the feedback");
    expect(screen.getByLabelText(/Comment/)).toHaveValue("Great");
  });

  it("closes on Escape or Cancel without sending", async () => {
    const onSubmit = vi.fn();
    render(<Feedback onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole("button", { name: "Not helpful" }));
    expect(screen.getByRole("form", { name: "Feedback details" })).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("form")).toBeNull();
    expect(screen.getByRole("button", { name: "Not helpful" })).toHaveAttribute("aria-pressed", "false");
    await userEvent.click(screen.getByRole("button", { name: "Helpful" }));
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("form")).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("shows a rating given earlier as sent", () => {
    render(<Feedback onSubmit={vi.fn()} initialRating="POSITIVE" />);
    expect(screen.getByRole("status")).toHaveTextContent("Thanks for the feedback.");
  });
});
