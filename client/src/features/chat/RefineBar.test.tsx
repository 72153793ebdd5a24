import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { RefineBar } from "./RefineBar";
import type { RefinableField } from "./refine";

const fields: RefinableField[] = [
  { name: "revenue", label: "Revenue", type: "decimal", kind: "MEASURE", operators: ["GT", "LT"], sortable: true },
  { name: "regions.name", label: "Region · Name", type: "text", kind: "FIELD", operators: ["EQ", "IN", "CONTAINS"], sortable: true },
  { name: "orders.channel", label: "Order · Channel", type: "text", kind: "FIELD", operators: ["EQ"], sortable: false },
];

describe("RefineBar", () => {
  it("keeps the first N rows", async () => {
    const onRefine = vi.fn().mockResolvedValue(null);
    render(<RefineBar fields={fields} onRefine={onRefine} />);
    await userEvent.click(screen.getByRole("button", { name: "Limit" }));
    const rows = screen.getByLabelText("Rows to keep");
    await userEvent.clear(rows);
    await userEvent.type(rows, "5");
    await userEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(onRefine).toHaveBeenCalledWith({ changeLimit: { limit: 5 } });
    expect(screen.queryByLabelText("Rows to keep")).toBeNull();
  });

  it("filters with the field's own operators and shows a refusal", async () => {
    const onRefine = vi.fn().mockResolvedValue("No region is called Atlantis.");
    render(<RefineBar fields={fields} onRefine={onRefine} />);
    await userEvent.click(screen.getByRole("button", { name: "Filter" }));
    await userEvent.selectOptions(screen.getByLabelText("Field"), "regions.name");
    expect(screen.getAllByRole("option", { name: "contains" })).toHaveLength(1);
    await userEvent.selectOptions(screen.getByLabelText("Condition"), "IN");
    await userEvent.type(screen.getByLabelText(/Values/), "EMEA, Atlantis");
    await userEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(onRefine).toHaveBeenCalledWith({ addFilter: { field: "regions.name", operator: "IN", values: ["EMEA", "Atlantis"] } });
    expect(screen.getByRole("alert")).toHaveTextContent("No region is called Atlantis.");
  });

  it("says what is missing instead of sending a half-made refinement", async () => {
    const onRefine = vi.fn();
    render(<RefineBar fields={fields} onRefine={onRefine} />);
    await userEvent.click(screen.getByRole("button", { name: "Filter" }));
    await userEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(onRefine).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent(/value/);
  });

  it("simplifies in one click and offers only sortable fields for sorting", async () => {
    const onRefine = vi.fn().mockResolvedValue(null);
    render(<RefineBar fields={fields} onRefine={onRefine} />);
    await userEvent.click(screen.getByRole("button", { name: "Simplify" }));
    expect(onRefine).toHaveBeenCalledWith({ simplify: { steps: 1 } });
    await userEvent.click(screen.getByRole("button", { name: "Sort" }));
    expect(screen.queryByRole("option", { name: "Channel" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(onRefine).toHaveBeenLastCalledWith({ changeSort: { field: "revenue", direction: "DESC" } });
  });

  it("names every field once: the table is added where the field's own name repeats", async () => {
    const named: RefinableField[] = [
      ...fields,
      { name: "customers.name", label: "Customer · Name", type: "text", kind: "FIELD", operators: ["EQ"], sortable: true },
      { name: "customers.city", label: "Customer · City", type: "text", kind: "FIELD", operators: ["EQ"], sortable: true },
    ];
    render(<RefineBar fields={named} onRefine={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "Filter" }));
    const labels = within(screen.getByLabelText("Field")).getAllByRole("option").map((o) => o.textContent);
    expect(labels).toEqual(["Revenue", "Region · Name", "Channel", "Customer · Name", "City"]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("offers a text field's values from the data, narrowed as you type", async () => {
    const onRefine = vi.fn().mockResolvedValue(null);
    const loadValues = vi.fn(async (_field: string, search: string) => ({ values: ["APAC", "EMEA", "North America"].filter((v) => v.toLowerCase().includes(search.toLowerCase())), complete: true }));
    render(<RefineBar fields={fields} onRefine={onRefine} loadValues={loadValues} />);
    await userEvent.click(screen.getByRole("button", { name: "Filter" }));
    await userEvent.selectOptions(screen.getByLabelText("Field"), "regions.name");
    await userEvent.click(screen.getByRole("combobox", { name: "Value" }));
    const list = await screen.findByRole("listbox", { name: "Values of Region · Name" });
    expect((await within(list).findAllByRole("option")).map((o) => o.textContent)).toEqual(["APAC", "EMEA", "North America"]);
    await userEvent.type(screen.getByRole("combobox", { name: "Value" }), "me");
    await within(list).findByText("North America");
    expect(within(list).getAllByRole("option").map((o) => o.textContent)).toEqual(["EMEA", "North America"]);
    expect(loadValues).toHaveBeenLastCalledWith("regions.name", "me");
    await userEvent.click(within(list).getByRole("option", { name: "EMEA" }));
    expect(screen.getByRole("combobox", { name: "Value" })).toHaveValue("EMEA");
    expect(screen.queryByRole("listbox")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(onRefine).toHaveBeenCalledWith({ addFilter: { field: "regions.name", operator: "EQ", values: ["EMEA"] } });
  });

  it("picks several values with the keyboard for “is one of”, and says when nothing matches", async () => {
    const onRefine = vi.fn().mockResolvedValue(null);
    const loadValues = vi.fn(async (_field: string, search: string) => ({ values: ["APAC", "EMEA"].filter((v) => v.toLowerCase().includes(search.toLowerCase())), complete: search !== "" }));
    render(<RefineBar fields={fields} onRefine={onRefine} loadValues={loadValues} />);
    await userEvent.click(screen.getByRole("button", { name: "Filter" }));
    await userEvent.selectOptions(screen.getByLabelText("Field"), "regions.name");
    await userEvent.selectOptions(screen.getByLabelText("Condition"), "IN");
    const box = screen.getByRole("combobox", { name: /Values/ });
    await userEvent.click(box);
    await screen.findByRole("option", { name: "APAC" });
    expect(screen.getByRole("status")).toHaveTextContent("More values exist");
    await userEvent.keyboard("{ArrowDown}{Enter}");
    expect(box).toHaveValue("APAC, ");
    await userEvent.type(box, "em");
    await screen.findByRole("option", { name: "EMEA" });
    await userEvent.keyboard("{ArrowDown}{Enter}");
    expect(box).toHaveValue("APAC, EMEA, ");
    await userEvent.type(box, "zz");
    expect(await screen.findByText("No value contains “zz”.")).toBeInTheDocument();
    await userEvent.clear(box);
    await userEvent.type(box, "APAC, EMEA");
    await userEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(onRefine).toHaveBeenCalledWith({ addFilter: { field: "regions.name", operator: "IN", values: ["APAC", "EMEA"] } });
  });

  it("keeps a typed value box for totals and numbers", async () => {
    const loadValues = vi.fn();
    render(<RefineBar fields={fields} onRefine={vi.fn()} loadValues={loadValues} />);
    await userEvent.click(screen.getByRole("button", { name: "Filter" }));
    expect(screen.getByLabelText("Field")).toHaveValue("revenue");
    expect(screen.queryByRole("combobox", { name: "Value" })).toBeNull();
    expect(screen.getByLabelText("Value")).toBeInTheDocument();
    expect(loadValues).not.toHaveBeenCalled();
  });

  it("closes on Escape: the value list first, then the panel, with the focus back on its button", async () => {
    const loadValues = vi.fn(async () => ({ values: ["EMEA"], complete: true }));
    render(<RefineBar fields={fields} onRefine={vi.fn()} loadValues={loadValues} />);
    await userEvent.click(screen.getByRole("button", { name: "Filter" }));
    await userEvent.selectOptions(screen.getByLabelText("Field"), "regions.name");
    await userEvent.click(screen.getByRole("combobox", { name: "Value" }));
    await screen.findByRole("listbox");
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(screen.getByRole("form")).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("form")).toBeNull();
    expect(screen.getByRole("button", { name: "Filter" })).toHaveFocus();
    expect(screen.getByRole("button", { name: "Filter" })).toHaveAttribute("aria-expanded", "false");

    await userEvent.click(screen.getByRole("button", { name: "Limit" }));
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByLabelText("Rows to keep")).toBeNull();
  });
});
