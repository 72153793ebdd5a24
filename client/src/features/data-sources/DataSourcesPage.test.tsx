import { render, screen } from "@testing-library/react";
import { Provider, type Client } from "urql";
import { fromValue } from "wonka";
import { describe, expect, it, vi } from "vitest";
import { ToastProvider } from "../../ui/toast";
import { DataSourcesPage } from "./DataSourcesPage";

const source = {
  id: "DS1",
  name: "Sales",
  description: "Orders and customers",
  status: "READY",
  statusMessage: null,
  isDemo: true,
  visibility: "SHARED",
  viewerCanEdit: false,
  ownedByViewer: false,
  tableCount: 4,
  columnCount: 20,
  lastRefreshedAt: null,
};

function api(sources: unknown[]): Client {
  const data = { dataSources: { edges: sources.map((node) => ({ node })) } };
  return { executeQuery: vi.fn((operation: unknown) => fromValue({ operation, stale: false, hasNext: false, data })) } as unknown as Client;
}

function renderPage(canConnect: boolean, sources: unknown[] = [source]) {
  render(
    <Provider value={api(sources)}>
      <ToastProvider>
        <DataSourcesPage onOpen={() => {}} canConnect={canConnect} />
      </ToastProvider>
    </Provider>,
  );
}

describe("DataSourcesPage", () => {
  it("offers to connect a database to those who may", async () => {
    renderPage(true);
    expect(await screen.findByRole("button", { name: "Sales" })).toBeTruthy();
    expect(screen.getByRole("button", { name: /Add data source/ })).toBeTruthy();
  });

  it("shows viewers the shared sources without an add button, and who connects them when there are none", async () => {
    renderPage(false);
    expect(await screen.findByRole("button", { name: "Sales" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Add data source/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Refresh Sales|Remove Sales/ })).toBeNull();
  });

  it("tells a viewer with nothing shared who connects databases", async () => {
    renderPage(false, []);
    expect(await screen.findByText(/An administrator or analyst connects databases/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Add a data source/ })).toBeNull();
  });
});
