import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromGlobalId } from "../graphql/ids.ts";
import { startTestApp, type GraphQLResponse, type TestApp } from "../testing/app.ts";
import type { TestDatabase } from "../testing/postgres.ts";
import { addDataSource, askAndWait, shopDatabase } from "./fixtures.ts";

const first = (res: GraphQLResponse) => res.errors?.[0]?.extensions as { code?: string; details?: { field?: string } } | undefined;
const refine = `mutation($input: RefineQueryInput!) { refineQuery(input: $input) { run { id } } }`;

describe("values that cannot be read exactly", () => {
  let t: TestApp;
  let shop: TestDatabase;
  let user: { token: string };
  let dataSourceId: string;
  let runId: string;

  beforeAll(async () => {
    [t, shop] = await Promise.all([startTestApp("embedded"), shopDatabase()]);
    user = await t.signUp();
    dataSourceId = await addDataSource(t, user.token, "Shop", shop.url);
    runId = (await askAndWait(t, user.token, { message: "Orders per product", dataSourceId })).runId;
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await shop?.drop();
  });

  const runs = () => t.app.services.prisma.queryRun.count();

  it("refuses impossible dates, huge numbers and row counts in questions before any SQL is written", async () => {
    for (const [message, code] of [
      ["orders on 2024-13-45", "INVALID_DATE"],
      ["orders since 2023-02-30", "INVALID_DATE"],
      ["top 99999999999999999999 products", "NUMBER_TOO_LARGE"],
      ["top 10000000 products", "LIMIT_TOO_LARGE"],
    ] as const) {
      const run = await askAndWait(t, user.token, { message, dataSourceId });
      expect({ message, status: run.status, code: run.errorCode }).toEqual({ message, status: "FAILED", code });
      const stored = await t.app.services.prisma.queryRun.findUniqueOrThrow({ where: { id: fromGlobalId(run.runId, "QueryRun") } });
      expect(stored.sql, message).toBeNull();
    }
  });

  it("answers bad scalar literals and variables with BAD_USER_INPUT naming the argument, writing nothing", async () => {
    const keys = await t.app.services.prisma.apiKey.count();
    const inline = await t.gql(`mutation { createApiKey(input: { name: "x", role: VIEWER, expiresAt: "2024-13-45" }) { secret } }`, {}, user.token);
    expect(first(inline)).toMatchObject({ code: "BAD_USER_INPUT", details: { field: "createApiKey.input.expiresAt" } });
    expect(inline.errors).toHaveLength(1);
    const variable = await t.gql(`mutation($d: DateTime) { createApiKey(input: { name: "x", role: VIEWER, expiresAt: $d }) { secret } }`, { d: "2023-02-30T00:00:00Z" }, user.token);
    expect(first(variable)?.code).toBe("BAD_USER_INPUT");
    expect(await t.app.services.prisma.apiKey.count()).toBe(keys);

    const before = await runs();
    const overflow = await t.gql(`mutation($id: ID!) { refineQuery(input: { runId: $id, refinement: { changeLimit: { limit: 99999999999 } } }) { run { id } } }`, { id: runId }, user.token);
    expect(first(overflow)).toMatchObject({ code: "BAD_USER_INPUT", details: { field: "refineQuery.input.refinement.changeLimit.limit" } });
    const viaVariable = await t.gql(refine, { input: { runId, refinement: { changeLimit: { limit: 99999999999 } } } }, user.token);
    expect(first(viaVariable)?.code).toBe("BAD_USER_INPUT");
    expect(await runs()).toBe(before);
  });

  it("refuses refinements whose values would roll over or whose limit is beyond the rows an answer holds", async () => {
    const before = await runs();
    const fields = (await t.gql(`query($id: ID!) { run(id: $id) { refinableFields { name type } } }`, { id: runId }, user.token)).data!.run.refinableFields as { name: string; type: string }[];
    const numeric = fields.find((f) => ["integer", "bigint", "decimal", "float"].includes(f.type))!;
    const huge = await t.gql(refine, { input: { runId, refinement: { addFilter: { field: numeric.name, operator: "GT", values: ["99999999999999999999"] } } } }, user.token);
    expect(first(huge)).toMatchObject({ code: "REFINE_BAD_VALUE", details: { field: numeric.name } });
    const tooMany = await t.gql(refine, { input: { runId, refinement: { changeLimit: { limit: 6000 } } } }, user.token);
    expect(first(tooMany)?.code).toBe("REFINE_BAD_LIMIT");
    expect(await runs()).toBe(before);
  });
});
