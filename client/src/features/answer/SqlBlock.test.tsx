import { act, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SqlBlock } from "./SqlBlock.tsx";

const sql = "SELECT region, sum(amount) AS revenue FROM sales WHERE year = 2024 GROUP BY region -- yearly";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("SqlBlock", () => {
  it("shows the explanation and keeps the SQL folded until asked", async () => {
    render(<SqlBlock sql={sql} explanation="Adds up sales per region for 2024." />);
    expect(screen.getByText("Adds up sales per region for 2024.")).toBeInTheDocument();
    const toggle = screen.getByRole("button", { name: /Show SQL/ });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(screen.getByLabelText("SQL query")).not.toBeVisible();
    await userEvent.click(toggle);
    expect(screen.getByRole("button", { name: /Hide SQL/ })).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByLabelText("SQL query")).toBeVisible();
  });

  it("folds again on Escape, with the focus back on the toggle", async () => {
    render(<SqlBlock sql={sql} />);
    await userEvent.click(screen.getByRole("button", { name: /Show SQL/ }));
    screen.getByLabelText("SQL query").focus();
    await userEvent.keyboard("{Escape}");
    expect(screen.getByLabelText("SQL query")).not.toBeVisible();
    expect(screen.getByRole("button", { name: /Show SQL/ })).toHaveFocus();
  });

  it("pretty-prints and highlights the SQL", () => {
    const { container } = render(<SqlBlock sql={sql} defaultOpen />);
    const code = container.querySelector("code")!;
    expect(code.textContent).toBe(
      ["SELECT", "  region,", "  sum(amount) AS revenue", "FROM", "  sales", "WHERE", "  year = 2024", "GROUP BY", "  region -- yearly"].join("\n"),
    );
    const text = (cls: string) => [...container.querySelectorAll(`.tok-${cls}`)].map((e) => e.textContent);
    expect(text("keyword")).toEqual(["SELECT", "AS", "FROM", "WHERE", "GROUP", "BY"]);
    expect(text("function")).toEqual(["sum"]);
    expect(text("number")).toEqual(["2024"]);
    expect(text("comment")).toEqual(["-- yearly"]);
    expect(screen.getByText(/9 lines/)).toBeInTheDocument();
  });

  it("reports toggles when controlled", async () => {
    const onToggle = vi.fn();
    render(<SqlBlock sql={sql} open={false} onToggle={onToggle} />);
    await userEvent.click(screen.getByRole("button", { name: /Show SQL/ }));
    expect(onToggle).toHaveBeenCalledWith(true);
    expect(screen.getByRole("button", { name: /Show SQL/ })).toHaveAttribute("aria-expanded", "false");
  });

  it("copies the formatted SQL with the Clipboard API and says so, then resets", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    vi.useFakeTimers();
    render(<SqlBlock sql={sql} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Copy SQL" })));
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText.mock.calls[0]![0]).toMatch(/^SELECT\n {2}region,/);
    expect(screen.getByRole("button", { name: "SQL copied" })).toHaveTextContent("Copied");
    expect(screen.getByRole("status")).toHaveTextContent("SQL copied to the clipboard");
    await act(async () => vi.advanceTimersByTime(2500));
    expect(screen.getByRole("button", { name: "Copy SQL" })).toHaveTextContent("Copy");
  });

  it("says when copying fails", async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("denied"));
    render(<SqlBlock sql={sql} />);
    await user.click(screen.getByRole("button", { name: "Copy SQL" }));
    expect(screen.getByRole("status")).toHaveTextContent("Could not copy the SQL");
    expect(screen.getByRole("button", { name: "Copy SQL" })).toHaveTextContent("Copy failed");
  });
});
