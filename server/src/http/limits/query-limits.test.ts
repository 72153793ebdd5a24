import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type GraphQLResponse, type TestApp } from "../../testing/app.ts";
import { clientOperations } from "./persisted-manifest.ts";

const codes = (res: GraphQLResponse) => (res.errors ?? []).map((e) => e.extensions?.code);

describe("query shape limits", () => {
  let t: TestApp;
  let user: { token: string };
  beforeAll(async () => {
    t = await startTestApp("embedded");
    user = await t.signUp();
  });
  afterAll(() => t?.stop());

  it("refuses deep, costly, aliased, directive-laden and long documents with QUERY_TOO_COMPLEX, never showing the limits", async () => {
    const nest = (levels: number) => `{ sessions(first: 1) { edges { node { ${"messages(first: 1) { edges { node { session { ".repeat(levels)}id${" } } } }".repeat(levels)} } } } }`;
    const hostile = {
      deep: nest(4),
      aliases: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(" ")} }`,
      // Introspection fields count like any other: 500 copies of `__typename` are no cheaper.
      typenameAliases: `{ ${Array.from({ length: 500 }, (_, i) => `t${i}: __typename`).join(" ")} }`,
      schemaAliases: `{ ${Array.from({ length: 40 }, (_, i) => `s${i}: __schema { queryType { name } }`).join(" ")} }`,
      directives: `{ me { ${"id @include(if: true) ".repeat(40)} } }`,
      costly: `{ sessions(first: 100) { edges { node { id title messages(first: 100) { edges { node { id content createdAt } } } } } } }`,
      long: `{ me { ${"id ".repeat(5000)} } }`,
    };
    for (const [kind, query] of Object.entries(hostile)) {
      const res = await t.gql(query, {}, user.token);
      expect(codes(res).length, kind).toBeGreaterThan(0);
      expect(new Set(codes(res)), kind).toEqual(new Set(["QUERY_TOO_COMPLEX"]));
      expect(res.data ?? null, kind).toBeNull();
      expect(res.errors![0]!.message, kind).not.toMatch(/\d/);
    }
    // The same answer over WebSocket.
    const wsDeep = await new Promise<any>((resolve) => {
      t.ws(user.token).subscribe({ query: `subscription { sessionChanged { session { ${"messages(first: 1) { edges { node { session { ".repeat(4)}id${" } } } }".repeat(4)} } } }` }, { next: () => {}, error: resolve, complete: () => resolve(null) });
    });
    expect(wsDeep[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
  });

  it("lets the web client's operations and GraphiQL's introspection through", async () => {
    const documents = await clientOperations();
    expect(documents.length).toBeGreaterThan(5);
    // A user of its own: the client's operations include logging out.
    const probe = await t.signUp();
    for (const { name, text: query } of documents) {
      if (query.trimStart().startsWith("subscription")) continue;
      const res = await t.gql(query, {}, probe.token);
      expect(codes(res), name).not.toContain("QUERY_TOO_COMPLEX");
    }
    const introspection = await t.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true }));
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data!.__schema.queryType.name).toBe("Query");
  });

  it("requires bounded pages on connections", async () => {
    expect(codes(await t.gql(`{ sessions { edges { node { id } } } }`, {}, user.token))).toEqual(["PAGE_SIZE_REQUIRED"]);
    expect(codes(await t.gql(`{ sessions(first: 1000) { edges { node { id } } } }`, {}, user.token))).toEqual(["BAD_USER_INPUT"]);
    const hundred = await t.gql(`{ sessions(first: 100) { edges { node { id } } } }`, {}, user.token);
    expect(hundred.errors, JSON.stringify(hundred.errors)).toBeUndefined();
  });
});
