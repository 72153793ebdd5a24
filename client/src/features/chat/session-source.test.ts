import { cacheExchange } from "@urql/exchange-graphcache";
import { Client, type Exchange, type Operation } from "urql";
import { map, pipe } from "wonka";
import { describe, expect, it } from "vitest";
import { cacheKeys } from "../../lib/urql.ts";
import { RunDetails, SessionConversation } from "./operations.ts";

const sales = { __typename: "DataSource", id: "DS1", name: "Sales" };

const conversation = {
  session: { __typename: "Session", id: "S1", title: "revenue by region", status: "ACTIVE", readOnly: false, expiresAt: null, updatedAt: "2026-01-10T12:00:00Z", dataSource: null, messages: { __typename: "SessionMessagesConnection", edges: [] } },
};

/** A finished run whose discovery picked Sales; the server has set the session's data source with it. */
const finishedRun = {
  run: {
    __typename: "QueryRun",
    id: "R1",
    status: "SUCCEEDED",
    question: "revenue by region",
    sql: "select 1",
    explanation: null,
    engine: "SEMANTIC",
    rowCount: 1,
    truncated: false,
    createdAt: "2026-01-10T12:00:00Z",
    finishedAt: "2026-01-10T12:00:01Z",
    chart: null,
    suggestions: [],
    candidates: [],
    clarification: [],
    error: null,
    dataSource: sales,
    session: { __typename: "Session", id: "S1", dataSource: sales },
    events: [],
    answer: null,
    refinableFields: [],
  },
};

/** Answers each query with its canned result, as the server would. */
const server: Exchange = () => (ops$) =>
  pipe(
    ops$,
    map((operation: Operation) => ({ operation, data: operation.query === RunDetails ? finishedRun : conversation, stale: false, hasNext: false })),
  );

describe("the chat header's data source", () => {
  it("follows the data source a finished run used, without reloading the conversation", async () => {
    const client = new Client({ url: "/graphql", exchanges: [cacheExchange({ keys: cacheKeys }), server] });
    const first = await client.query(SessionConversation, { id: "S1" }).toPromise();
    expect(first.data?.session.dataSource).toBeNull();

    await client.query(RunDetails, { id: "R1" }, { requestPolicy: "network-only" }).toPromise();
    const header = client.readQuery(SessionConversation, { id: "S1" });
    expect(header?.data?.session.dataSource).toMatchObject({ id: "DS1", name: "Sales" });
  });
});
