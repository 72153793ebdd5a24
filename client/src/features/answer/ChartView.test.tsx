import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ChartView } from "./ChartView.tsx";
import type { ChartSpec, ResultCell, ResultColumn } from "./types.ts";

const columns: ResultColumn[] = [
  { name: "region", type: "text", dbType: "text" },
  { name: "revenue", type: "decimal", dbType: "numeric(14,2)" },
];
const rows: ResultCell[][] = [
  ["North", "1842310.55"],
  ["South", "900.5"],
  [null, null],
];
const barSpec: ChartSpec = {
  type: "bar",
  title: "Revenue by region",
  x: { column: "region", label: "Region", type: "text", format: "text" },
  y: [{ column: "revenue", label: "Revenue", type: "decimal", format: "currency" }],
  series: null,
  alternatives: ["pie", "table", "bar"],
  reason: "A few categories compare best as bars.",
};
const kpiSpec: ChartSpec = {
  type: "kpi",
  title: "Total revenue",
  x: null,
  y: [{ column: "total", label: "Total revenue", type: "decimal", format: "currency" }],
  series: null,
  alternatives: ["table"],
  reason: "",
};
const kpiColumns: ResultColumn[] = [{ name: "total", type: "decimal", dbType: "numeric" }];

describe("ChartView", () => {
  it("offers the chosen type and its alternatives as a radio group", () => {
    render(<ChartView spec={barSpec} columns={columns} rows={rows} />);
    const group = screen.getByRole("radiogroup", { name: "Chart type" });
    const radios = within(group).getAllByRole("radio");
    expect(radios.map((r) => r.textContent)).toEqual(["Bar", "Pie", "Table"]);
    expect(within(group).getByRole("radio", { name: "Bar" })).toHaveAttribute("aria-checked", "true");
    expect(screen.getByRole("figure", { name: "Revenue by region" })).toBeInTheDocument();
    expect(screen.getByText("A few categories compare best as bars.")).toBeInTheDocument();
  });

  it("switches by itself when uncontrolled and reports the new type", async () => {
    const onTypeChange = vi.fn();
    render(<ChartView spec={barSpec} columns={columns} rows={rows} onTypeChange={onTypeChange} />);
    await userEvent.click(screen.getByRole("radio", { name: "Table" }));
    expect(onTypeChange).toHaveBeenCalledWith("table");
    expect(screen.getByRole("radio", { name: "Table" })).toHaveAttribute("aria-checked", "true");
    const table = screen.getByRole("table", { name: "Revenue by region" });
    const cells = within(table).getAllByRole("cell").map((c) => c.textContent);
    expect(cells).toEqual(["North", "$1,842,310.55", "South", "$900.50", "—", "—"]);
  });

  it("follows the `type` prop when controlled", async () => {
    const onTypeChange = vi.fn();
    render(<ChartView spec={kpiSpec} columns={kpiColumns} rows={[["12.5"]]} type="kpi" onTypeChange={onTypeChange} />);
    await userEvent.click(screen.getByRole("radio", { name: "Table" }));
    expect(onTypeChange).toHaveBeenCalledWith("table");
    expect(screen.getByRole("radio", { name: "Number" })).toHaveAttribute("aria-checked", "true");
    expect(screen.getByTestId("kpi-value")).toHaveTextContent("$12.50");
  });

  it("moves and selects with the arrow keys, one tab stop for the group", async () => {
    const onTypeChange = vi.fn();
    render(<ChartView spec={barSpec} columns={columns} rows={rows} onTypeChange={onTypeChange} />);
    expect(screen.getByRole("radio", { name: "Bar" })).toHaveAttribute("tabindex", "0");
    expect(screen.getByRole("radio", { name: "Pie" })).toHaveAttribute("tabindex", "-1");
    await userEvent.tab();
    expect(screen.getByRole("radio", { name: "Bar" })).toHaveFocus();
    await userEvent.keyboard("{ArrowRight}");
    expect(screen.getByRole("radio", { name: "Pie" })).toHaveFocus();
    expect(onTypeChange).toHaveBeenLastCalledWith("pie");
    await userEvent.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(onTypeChange).toHaveBeenLastCalledWith("table");
    await userEvent.keyboard("{Home}");
    expect(onTypeChange).toHaveBeenLastCalledWith("bar");
  });

  it("shows a KPI as a big compact number with the exact value under it", () => {
    render(<ChartView spec={kpiSpec} columns={kpiColumns} rows={[["4821937.45"]]} formatOptions={{ locale: "en-US" }} />);
    expect(screen.getByTestId("kpi-value")).toHaveTextContent("$4.8M");
    expect(screen.getByText("$4,821,937.45")).toBeInTheDocument();
    expect(screen.getByText("Total revenue", { selector: ".kpi-label" })).toBeInTheDocument();
  });

  it("gives screen readers the plotted data as a table and hides the drawing", () => {
    const { container } = render(<ChartView spec={barSpec} columns={columns} rows={rows} formatOptions={{ locale: "en-US" }} />);
    const table = screen.getByRole("table", { name: "Revenue by region (bar chart data)" });
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Region", "Revenue"]);
    expect(within(table).getAllByRole("cell")[1]).toHaveTextContent("$1,842,310.55");
    expect(container.querySelector(".chart-body")).toHaveAttribute("aria-hidden", "true");
  });

  it("falls back to the table when the spec names a column the result lacks", () => {
    const stale = { ...barSpec, x: { ...barSpec.x!, column: "country" } };
    render(<ChartView spec={stale} columns={columns} rows={rows} />);
    expect(screen.getByRole("note")).toHaveTextContent("“country” that is not in the result");
    expect(screen.getByRole("cell", { name: "North" })).toBeInTheDocument();
    expect(screen.queryByRole("table", { name: /chart data/ })).toBeNull();
  });

  it("says so when there is nothing to chart", () => {
    render(<ChartView spec={barSpec} columns={columns} rows={[]} />);
    expect(screen.getByText("No rows to chart.")).toBeInTheDocument();
  });
});
