import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { events } from "./preview/samples.ts";
import { StageStepper } from "./StageStepper.tsx";

const started = events([
  ["UNDERSTAND", "STARTED", null],
  ["UNDERSTAND", "COMPLETED", 18],
  ["DISCOVER", "SKIPPED", null],
  ["CONTEXT", "STARTED", null],
  ["CONTEXT", "COMPLETED", 1500],
  ["PLAN", "STARTED", null],
  ["PLAN", "PROGRESS", null, { message: "Linking “revenue”" }],
]);

const step = (label: RegExp) => screen.getAllByRole("listitem").find((li) => label.test(li.textContent ?? ""))!;

describe("StageStepper", () => {
  it("shows each stage's status, durations and the running stage's detail", () => {
    render(<StageStepper events={started} />);
    const items = screen.getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual([
      "Understand, done18 ms",
      "Find data, skipped",
      "Context, done1.5 s",
      "Plan, in progressLinking “revenue”",
      "Write SQL, waiting",
      "Run query, waiting",
      "Chart, waiting",
      "Follow-ups, waiting",
    ]);
    expect(step(/^Plan/)).toHaveAttribute("aria-current", "step");
    expect(step(/^Plan/).querySelector(".spinner")).not.toBeNull();
    expect(screen.getByText("Step 4 of 8")).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Plan…");
  });

  it("updates live as events arrive, in any order and with replays", () => {
    const { rerender } = render(<StageStepper events={started} />);
    const more = events([
      ["PLAN", "COMPLETED", 64],
      ["COMPILE", "STARTED", null],
    ]).map((e, i) => ({ ...e, seq: started.length + 1 + i }));
    rerender(<StageStepper events={[...more, ...started, started[0]!]} />);
    expect(step(/^Plan/)).toHaveTextContent("Plan, done64 ms");
    expect(step(/^Write SQL/)).toHaveAttribute("aria-current", "step");
    expect(screen.getByRole("status")).toHaveTextContent("Write SQL…");
  });

  it("folds a finished run into one line that opens on demand", async () => {
    const done = events([
      ["UNDERSTAND", "COMPLETED", 10],
      ["PLAN", "COMPLETED", 20],
      ["DONE", "COMPLETED", null],
    ]);
    render(<StageStepper events={done} />);
    const toggle = screen.getByRole("button", { name: /Answered in/ });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("list")).toBeNull();
    expect(screen.getByRole("status")).toHaveTextContent(/^Answer ready in \d+ ms\.$/);
    await userEvent.click(toggle);
    expect(within(screen.getByRole("list")).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Understand, done10 ms", "Plan, done20 ms"]);
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("list")).toBeNull();
    expect(toggle).toHaveAttribute("aria-expanded", "false");
  });

  it("can keep a finished run's steps open", () => {
    render(<StageStepper events={events([["UNDERSTAND", "COMPLETED", 10], ["DONE", "COMPLETED", null]])} collapseWhenDone={false} />);
    expect(screen.getByRole("list")).toBeVisible();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("shows where a failed run stopped and drops the stages it never reached", () => {
    render(
      <StageStepper
        events={events([
          ["UNDERSTAND", "COMPLETED", 10],
          ["EXECUTE", "STARTED", null],
          ["EXECUTE", "FAILED", 30000, { message: "Stopped after 30 s" }],
          ["DONE", "FAILED", null],
        ])}
      />,
    );
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Understand, done10 ms", "Run query, failedStopped after 30 s"]);
    expect(screen.getByText("Stopped at Run query")).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Run query: failed.");
  });

  it("says when the run waits for the user", () => {
    render(<StageStepper events={events([["UNDERSTAND", "COMPLETED", 10], ["DISCOVER", "NEEDS_INPUT", 50, { message: "3 data sources match" }]])} />);
    expect(step(/^Find data/)).toHaveTextContent("Find data, needs your input3 data sources match");
    expect(screen.getByText("Waiting for your choice")).toBeInTheDocument();
  });
});
