import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Provider, type Client } from "urql";
import { fromValue } from "wonka";
import { describe, expect, it, vi } from "vitest";
import { AddDataSourceForm, parseSchemas } from "./AddDataSourceForm";

function client(testOk: boolean) {
  const executeMutation = vi.fn((request: { query: { definitions: { name?: { value: string } }[] }; variables: unknown }) => {
    const name = request.query.definitions[0]?.name?.value;
    const data =
      name === "TestDataSource" ? { testDataSource: { ok: testOk, latencyMs: 12, dataSource: null } } : { addDataSource: { dataSource: { id: "DS9", name: "Shop", status: "READY" } } };
    return fromValue({ operation: request, stale: false, hasNext: false, data });
  });
  return { client: { executeMutation } as unknown as Client, executeMutation };
}

async function fill() {
  await userEvent.type(screen.getByLabelText("Name", { exact: true }), "Shop");
  await userEvent.type(screen.getByLabelText("Connection URL"), "postgresql://reader:pw@db:5432/shop");
  await userEvent.type(screen.getByLabelText(/Schemas/), "public, sales");
}

describe("AddDataSourceForm", () => {
  it("tests the connection before adding, then adds with the chosen schemas", async () => {
    const { client: api, executeMutation } = client(true);
    const onAdded = vi.fn();
    render(
      <Provider value={api}>
        <AddDataSourceForm onAdded={onAdded} onCancel={() => {}} />
      </Provider>,
    );
    await fill();
    await userEvent.click(screen.getByRole("button", { name: "Add data source" }));
    const calls = executeMutation.mock.calls.map((c) => c[0].variables);
    expect(calls[0]).toEqual({ input: { connectionUrl: "postgresql://reader:pw@db:5432/shop" } });
    expect(calls[1]).toEqual({ input: { name: "Shop", description: null, connectionUrl: "postgresql://reader:pw@db:5432/shop", schemas: ["public", "sales"] } });
    expect(onAdded).toHaveBeenCalledWith("DS9", "Shop");
  });

  it("does not add a database it cannot reach", async () => {
    const { client: api, executeMutation } = client(false);
    const onAdded = vi.fn();
    render(
      <Provider value={api}>
        <AddDataSourceForm onAdded={onAdded} onCancel={() => {}} />
      </Provider>,
    );
    await fill();
    await userEvent.click(screen.getByRole("button", { name: "Add data source" }));
    expect(executeMutation).toHaveBeenCalledTimes(1);
    expect(onAdded).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent(/could not be reached/);
  });
});

describe("parseSchemas", () => {
  it("reads a list, or nothing for every schema", () => {
    expect(parseSchemas(" public,sales  sales ")).toEqual(["public", "sales"]);
    expect(parseSchemas("  ")).toBeNull();
  });
});
