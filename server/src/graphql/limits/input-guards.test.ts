import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../schema.ts";
import { checkOperationInputs } from "./input-guards.ts";

const options = { maxPageSize: 100, maxNestedRows: 10_000, maxVariableDepth: 8 };
const check = (document: string, variables: Record<string, unknown> = {}) => checkOperationInputs(schema, parse(document), variables, options);

describe("checkOperationInputs", () => {
  it("requires first or last on every connection, nested ones and fragments included", () => {
    expect(check(`{ sessions(first: 10) { edges { node { id } } } }`)).toBeNull();
    expect(check(`query($n: Int) { sessions(last: $n) { edges { node { id } } } }`, { n: 5 })).toBeNull();
    expect(check(`{ sessions { edges { node { id } } } }`)?.extensions.code).toBe("PAGE_SIZE_REQUIRED");
    expect(check(`query($n: Int) { sessions(first: $n) { edges { node { id } } } }`, { n: null })?.extensions.code).toBe("PAGE_SIZE_REQUIRED");
    const nested = check(`{ sessions(first: 5) { edges { node { ...S } } } } fragment S on Session { messages { edges { node { id } } } }`);
    expect(nested?.extensions.code).toBe("PAGE_SIZE_REQUIRED");
    expect(nested?.message).toContain("messages");
  });

  it("bounds page sizes and list arguments", () => {
    expect(check(`{ sessions(first: 100) { edges { node { id } } } }`)).toBeNull();
    expect(check(`{ sessions(first: 101) { edges { node { id } } } }`)?.extensions.code).toBe("BAD_USER_INPUT");
    expect(check(`query($n: Int) { sessions(first: $n) { edges { node { id } } } }`, { n: -1 })?.extensions.code).toBe("BAD_USER_INPUT");
    const ids = Array.from({ length: 101 }, (_, i) => `id${i}`);
    expect(check(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids })?.extensions.code).toBe("BAD_USER_INPUT");
    expect(check(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids.slice(0, 100) })).toBeNull();
  });

  it("bounds the rows nested connections reach together, page sizes from variables included", () => {
    const nested = `query($a: Int, $b: Int, $c: Int) { sessions(first: $a) { edges { node { messages(first: $b) { edges { node { session { messages(last: $c) { edges { node { id } } } } } } } } } } }`;
    expect(check(nested, { a: 10, b: 10, c: 100 })).toBeNull();
    expect(check(nested, { a: 100, b: 100, c: 2 })?.extensions.code).toBe("QUERY_TOO_COMPLEX");
    // Siblings do not multiply each other.
    expect(check(`{ a: sessions(first: 100) { edges { node { id } } } b: sessions(first: 100) { edges { node { id } } } }`)).toBeNull();
  });

  it("refuses NUL characters in literals, variables and variable keys, and deeply nested variables", () => {
    expect(check(`{ discoverDataSources(question: "a\\u0000b") { name } }`)?.extensions.code).toBe("BAD_USER_INPUT");
    expect(check(`query($q: String!) { discoverDataSources(question: $q) { name } }`, { q: "a\u0000b" })?.extensions.code).toBe("BAD_USER_INPUT");
    expect(check(`query($q: String!) { discoverDataSources(question: $q) { name } }`, { q: "ünïcødé ✓ 😀" })).toBeNull();
    expect(check(`{ __typename }`, { ["k\u0000"]: 1 })?.extensions.code).toBe("BAD_USER_INPUT");
    expect(check(`query($q: String!) { discoverDataSources(question: $q) { name } }`, { q: "half \ud800 pair" })?.message).toMatch(/valid Unicode/);
    expect(check(`query($q: [String!]) { dataSources(first: 1, search: "x") { edges { node { id } } } }`, { q: ["\udc00"] })?.extensions.code).toBe("BAD_USER_INPUT");
    let deep: unknown = "x";
    for (let i = 0; i < 20; i++) deep = [deep];
    expect(check(`{ __typename }`, { deep })?.message).toMatch(/nested too deeply/);
    let deeper: unknown = "x";
    for (let i = 0; i < 100_000; i++) deeper = { a: deeper };
    expect(check(`{ __typename }`, { deeper })?.extensions.code).toBe("BAD_USER_INPUT");
  });
});
