import { render, screen } from "@testing-library/react";
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
});
