import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ResultTable, type ResultTableProps } from "./ResultTable.tsx";
import type { ResultColumn } from "./types.ts";

const columns: ResultColumn[] = [
  { name: "customer_name", type: "text", dbType: "text" },
  { name: "revenue", type: "decimal", dbType: "numeric(12,2)" },
  { name: "orders", type: "bigint", dbType: "int8" },
  { name: "first_order", type: "date", dbType: "date" },
  { name: "active", type: "boolean", dbType: "bool" },
];

function table(props: Partial<ResultTableProps> = {}) {
  const onSort = vi.fn();
  const onPage = vi.fn();
  render(
    <ResultTable
      columns={columns}
      rows={[
        ["Acme", "1234.5", "12", "2024-01-15", true],
        ["Bolt", "-80", null, null, false],
      ]}
      totalRows={25}
      page={1}
      pageSize={10}
      onSort={onSort}
      onPage={onPage}
      formats={{ revenue: "currency" }}
      formatOptions={{ locale: "en-US" }}
      {...props}
    />,
  );
  return { onSort, onPage };
}

const bodyRows = () => within(screen.getByRole("table")).getAllByRole("row").slice(1);

describe("ResultTable", () => {
  it("formats cells by type and aligns numbers right", () => {
    table();
    const [first, second] = bodyRows().map((r) => within(r).getAllByRole("cell"));
    expect(first!.map((c) => c.textContent)).toEqual(["1", "Acme", "$1,234.50", "12", "Jan 15, 2024", "Yes"]);
    expect(second!.map((c) => c.textContent)).toEqual(["2", "Bolt", "-$80.00", "—empty", "—empty", "No"]);
    expect(first![2]).toHaveClass("num");
    expect(first![3]).toHaveClass("num");
    expect(first![1]).not.toHaveClass("num");
    expect(second![2]).toHaveClass("neg");
    expect(screen.getByRole("columnheader", { name: "Revenue" })).toHaveClass("num");
  });

  it("names columns in words unless given labels", () => {
    table({ labels: { revenue: "Net revenue" } });
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Row#", "Customer name", "Net revenue", "Orders", "First order", "Active"]);
  });

  it("asks the server to sort: numbers largest first, text A to Z, then flips", async () => {
    const { onSort } = table();
    await userEvent.click(screen.getByRole("button", { name: "Revenue" }));
    expect(onSort).toHaveBeenLastCalledWith("revenue", "DESC");
    await userEvent.click(screen.getByRole("button", { name: "Customer name" }));
    expect(onSort).toHaveBeenLastCalledWith("customer_name", "ASC");
  });

  it("shows the current sort with an arrow and aria-sort, and reverses it on click", async () => {
    const { onSort } = table({ sort: { column: "revenue", direction: "DESC" } });
    const header = screen.getByRole("columnheader", { name: "Revenue" });
    expect(header).toHaveAttribute("aria-sort", "descending");
    expect(screen.getByRole("columnheader", { name: "Orders" })).not.toHaveAttribute("aria-sort");
    expect(within(header).getByRole("button")).toHaveClass("active");
    await userEvent.click(within(header).getByRole("button"));
    expect(onSort).toHaveBeenCalledWith("revenue", "ASC");
  });

  it("marks an ascending sort too", () => {
    table({ sort: { column: "orders", direction: "ASC" } });
    expect(screen.getByRole("columnheader", { name: "Orders" })).toHaveAttribute("aria-sort", "ascending");
  });

  it("pages: first page disables going back", async () => {
    const { onPage } = table();
    expect(screen.getByRole("button", { name: "First page" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Previous page" })).toBeDisabled();
    expect(screen.getByText("Page 1 of 3")).toBeInTheDocument();
    expect(screen.getByText("1–10 of 25")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Next page" }));
    expect(onPage).toHaveBeenLastCalledWith(2);
    await userEvent.click(screen.getByRole("button", { name: "Last page" }));
    expect(onPage).toHaveBeenLastCalledWith(3);
  });

  it("pages: the middle allows both ways, the last page disables going on", async () => {
    const { onPage } = table({ page: 2 });
    expect(screen.getByText("11–20 of 25")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Previous page" }));
    expect(onPage).toHaveBeenLastCalledWith(1);
    await userEvent.click(screen.getByRole("button", { name: "First page" }));
    expect(onPage).toHaveBeenLastCalledWith(1);
  });

  it("pages: the last page", () => {
    table({ page: 3 });
    expect(screen.getByText("21–25 of 25")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Next page" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Last page" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Previous page" })).toBeEnabled();
  });

  it("hides the pager buttons when everything fits on one page", () => {
    table({ totalRows: 2 });
    expect(screen.queryByRole("button", { name: "Next page" })).toBeNull();
    expect(screen.getByText("1–2 of 2")).toBeInTheDocument();
  });

  it("says when the result was truncated", () => {
    table({ totalRows: 10000, truncated: true });
    expect(screen.getByRole("note")).toHaveTextContent("The result was truncated at 10,000 rows.");
    expect(screen.getByText("1–10 of 10,000+")).toBeInTheDocument();
  });

  it("shows skeleton rows while a page loads, and blocks paging", () => {
    table({ loading: true, page: 2 });
    expect(screen.getByRole("table")).toHaveAttribute("aria-busy", "true");
    expect(document.querySelectorAll(".skeleton-row")).toHaveLength(8);
    expect(screen.queryByText("Acme")).toBeNull();
    expect(screen.getByRole("button", { name: "Next page" })).toBeDisabled();
    expect(screen.getByText("11–20 of 25")).toBeInTheDocument();
  });

  it("is a scrollable, labelled region for keyboard users", () => {
    table({ caption: "Top customers" });
    const region = screen.getByRole("region");
    expect(region).toHaveAttribute("tabindex", "0");
    expect(region).toHaveAccessibleName("Top customers, rows 1 to 10 of 25");
  });

  it("says so when there are no rows", () => {
    table({ rows: [], totalRows: 0 });
    expect(screen.getByText("No rows.")).toBeInTheDocument();
    expect(screen.getByText("No rows")).toBeInTheDocument();
  });

  it("leaves out a key shown beside the names it identifies, keeping each cell under its own heading", () => {
    render(
      <ResultTable
        columns={[{ name: "category_id", type: "integer", dbType: "int4", hidden: true }, { name: "name", type: "text", dbType: "text" }, { name: "revenue", type: "decimal", dbType: "numeric" }]}
        rows={[[9, "Printers", "952.5"]]}
        totalRows={1}
        page={1}
        pageSize={10}
        formatOptions={{ locale: "en-US" }}
      />,
    );
    const headings = within(screen.getByRole("table")).getAllByRole("columnheader").map((h) => h.textContent);
    expect(headings).toEqual(["Row#", "Name", "Revenue"]);
    const cells = within(bodyRows()[0]!).getAllByRole("cell").map((c) => c.textContent);
    expect(cells).toEqual(["1", "Printers", "952.5"]);
  });
});

