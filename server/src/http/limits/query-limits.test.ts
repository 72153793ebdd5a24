import { readFile } from "node:fs/promises";
import path from "node:path";
import { getIntrospectionQuery, print, type DocumentNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../paths.ts";
import { startTestApp, type GraphQLResponse, type TestApp } from "../../testing/app.ts";

/** The web client's operations, as graphql-codegen wrote them. */
async function clientDocuments(): Promise<[string, string][]> {
  const source = await readFile(path.join(repoRoot, "client", "src", "graphql", "graphql.ts"), "utf8");
  return [...source.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as/gm)].map(([, name, json]) => [name!, print(JSON.parse(json!) as DocumentNode)]);
}

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
    const documents = await clientDocuments();
    expect(documents.length).toBeGreaterThan(5);
    for (const [name, query] of documents) {
      if (query.trimStart().startsWith("subscription")) continue;
      const res = await t.gql(query, {}, user.token);
      expect(codes(res), name).not.toContain("QUERY_TOO_COMPLEX");
    }
    const introspection = await t.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true }));
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data!.__schema.queryType.name).toBe("Query");
  });

  it("requires bounded pages on connections", async () => {
    expect(codes(await t.gql(`{ sessions { edges { node { id } } } }`, {}, user.token))).toEqual(["PAGE_SIZE_REQUIRED"]);
    expect(codes(await t.gql(`{ sessions(first: 1000) { edges { node { id } } } }`, {}, user.token))).toEqual(["BAD_USER_INPUT"]);
    expect((await t.gql(`{ sessions(first: 100) { edges { node { id } } } }`, {}, user.token)).errors).toBeUndefined();
  });
});
