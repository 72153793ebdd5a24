import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Provider, type Client } from "urql";
import { fromValue } from "wonka";
import { describe, expect, it, vi } from "vitest";
import { Welcome } from "./Welcome";

const sales = {
  id: "DS1",
  name: "Sales",
  description: "Orders and revenue.",
  isDemo: true,
  status: "READY",
  tableCount: 3,
  semanticModel: {
    version: 1,
    metrics: [{ name: "revenue", label: "Revenue", entity: "order_items" }],
    verifiedQueries: [],
    entities: [{ name: "orders", label: "Order", bridge: false, rowCount: 100, defaultTimeField: "order_date", fields: [{ name: "status", label: "Status", role: "DIMENSION", sampleValues: ["open", "shipped"] }] }],
  },
};

function client(sources: unknown[]) {
  const executeMutation = vi.fn((request: { variables: unknown }) =>
    fromValue({ operation: request, stale: false, hasNext: false, data: { ask: { run: { id: "R1", status: "PENDING", question: "q" }, session: { id: "S1", title: "q", status: "ACTIVE", updatedAt: "2026-01-10T12:00:00Z" } } } }),
  );
  const executeQuery = vi.fn((request: unknown) => fromValue({ operation: request, stale: false, hasNext: false, data: { dataSources: { edges: sources.map((node) => ({ node })) } } }));
  return { client: { executeQuery, executeMutation, suspense: false } as unknown as Client, executeMutation };
}

describe("Welcome", () => {
  it("offers questions made from each data source's model and asks one on that source", async () => {
    const { client: api, executeMutation } = client([sales]);
    const onAsked = vi.fn();
    render(
      <Provider value={api}>
        <Welcome name="Eve Analyst" onAsked={onAsked} onManageSources={() => {}} />
      </Provider>,
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(/, Eve$/);
    const questions = screen.getByRole("group", { name: "Questions for Sales" });
    await userEvent.click(within(questions).getByRole("button", { name: "What is the total revenue?" }));
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({ input: { message: "What is the total revenue?", sessionId: null, dataSourceId: "DS1", pick: null } });
    expect(onAsked).toHaveBeenCalledWith("S1");
  });

  it("points to adding a data source when there is none", () => {
    const { client: api } = client([]);
    render(
      <Provider value={api}>
        <Welcome name="Eve" onAsked={() => {}} onManageSources={() => {}} />
      </Provider>,
    );
    expect(screen.getByText(/No data sources yet/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add a data source" })).toBeInTheDocument();
  });
});
