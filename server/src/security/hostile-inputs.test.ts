import { randomUUID } from "node:crypto";
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { allErrorCodes } from "../errors.ts";
import { toGlobalId } from "../graphql/ids.ts";
import { schema } from "../graphql/schema.ts";
import { modes, startTestApp, type GraphQLResponse, type TestApp } from "../testing/app.ts";
import type { TestDatabase } from "../testing/postgres.ts";
import { addDataSource, askAndWait, shopDatabase } from "./fixtures.ts";

/** Where a String goes: the argument, then input-object fields down to it. */
type Slot = string[];

function stringSlots(type: GraphQLInputType, path: Slot, seen: Set<string>): Slot[] {
  const named = getNamedType(type);
  if (named.name === "String") return [path];
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  const inner = new Set(seen).add(named.name);
  return Object.values(named.getFields()).flatMap((field) => stringSlots(field.type, [...path, field.name], inner));
}

/** The caller's own objects, so hostile text reaches resolvers past the id lookups. */
type OwnIds = Partial<Record<"DataSource" | "Session" | "QueryRun" | "Message", string>>;

/** Which object an id argument names, from its name or its input type's name ("RenameSessionInput.id"). */
function idFor(name: string, parent: string, own: OwnIds): string {
  const hints: [RegExp, keyof OwnIds][] = [[/dataSource/i, "DataSource"], [/session/i, "Session"], [/run/i, "QueryRun"], [/message/i, "Message"]];
  const hint = hints.find(([pattern]) => pattern.test(name === "id" ? parent : name));
  return (hint && own[hint[1]]) ?? toGlobalId("Session", randomUUID());
}

/** A plausible value of a type, with `hostile` at `slot` (relative to this value). */
function sample(type: GraphQLInputType, slot: Slot | null, hostile: string, own: OwnIds, name = "", parent = "", seen = new Set<string>()): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [sample(nullable.ofType, slot, hostile, own, name, parent, seen)];
  const named = getNamedType(type);
  if (slot && slot.length === 0) return hostile;
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isLeafType(named)) {
    if (named.name === "ID") return idFor(name, parent, own);
    if (named.name === "String") return /url/i.test(name) ? "postgresql://127.0.0.1:1/nothing" : "text";
    const scalars: Record<string, unknown> = { Int: 1, Float: 1, Boolean: false, DateTime: new Date(Date.now() + 86_400_000).toISOString(), JSON: {} };
    return scalars[named.name] ?? "text";
  }
  if (!isInputObjectType(named) || seen.has(named.name)) return null;
  const inner = new Set(seen).add(named.name);
  const fields = Object.values(named.getFields());
  const chosen = named.isOneOf ? [fields.find((f) => f.name === slot?.[0]) ?? fields[0]!] : fields.filter((f) => isNonNullType(f.type) || f.name === slot?.[0]);
  return Object.fromEntries(chosen.map((f) => [f.name, sample(f.type, f.name === slot?.[0] ? slot!.slice(1) : null, hostile, own, f.name, named.name, inner)]));
}

/** One operation calling `field` with `hostile` at `slot` and every other required argument filled in. */
function operation(kind: "query" | "mutation", field: GraphQLField<unknown, unknown>, slot: Slot, hostile: string, own: OwnIds) {
  const args = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) || a.name === slot[0] || a.name === "first");
  const variables = Object.fromEntries(args.map((a) => [a.name, a.name === "first" ? 1 : sample(a.type, a.name === slot[0] ? slot.slice(1) : null, hostile, own, a.name, field.name)]));
  const definitions = args.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
  const call = args.map((a) => `${a.name}: $${a.name}`).join(", ");
  const selection = isLeafType(getNamedType(field.type)) ? "" : "{ __typename }";
  return { query: `${kind}${definitions ? `(${definitions})` : ""} { ${field.name}${call ? `(${call})` : ""} ${selection} }`, variables };
}

const hostileStrings = {
  nul: "before\u0000after",
  unicode: "Zoë 🚀 مرحبا שלום \u202eevil\u202c ａｂｃ e\u0301 \ufeff",
  loneSurrogate: "broken \ud800 half",
  huge: "x".repeat(200_000),
};

const allowedCodes = new Set([...allErrorCodes().map(([code]) => code), "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED"]);
const codesOf = (res: GraphQLResponse) => (res.errors ?? []).map((e) => e.extensions?.code ?? "NONE");

describe.each(modes)("hostile GraphQL inputs (%s)", (mode) => {
  let t: TestApp;
  let shop: TestDatabase;
  let admin: { token: string };
  const own: OwnIds = {};

  beforeAll(async () => {
    [t, shop] = await Promise.all([startTestApp(mode, { env: { RATE_LIMIT_USER: "1000000", RATE_LIMIT_ANONYMOUS: "1000000" } }), shopDatabase()]);
    admin = await t.signUp();
    own.DataSource = await addDataSource(t, admin.token, "Shop", shop.url);
    const run = await askAndWait(t, admin.token, { message: "How many orders?", dataSourceId: own.DataSource });
    own.QueryRun = run.runId;
    own.Session = run.sessionId;
    own.Message = (await t.gql(`query($id: ID!) { run(id: $id) { answer { id } } }`, { id: run.runId }, admin.token)).data!.run.answer.id;
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await shop?.drop();
  });

  it("answers unicode, NUL bytes, lone surrogates and huge text in every string argument with data or a typed error", async () => {
    const rssBefore = process.memoryUsage().rss;
    const seen: string[] = [];
    for (const kind of ["query", "mutation"] as const) {
      const root = kind === "query" ? schema.getQueryType()! : schema.getMutationType()!;
      for (const field of Object.values(root.getFields())) {
        // Logging out would end the administrator's token half-way.
        if (field.name === "logOut") continue;
        for (const slot of field.args.flatMap((a) => stringSlots(a.type, [a.name], new Set()))) {
          for (const [name, hostile] of Object.entries(hostileStrings)) {
            const { query, variables } = operation(kind, field, slot, hostile, own);
            const res = await t.gql(query, variables, admin.token);
            const label = `${field.name}(${slot.join(".")}) with ${name} text: ${JSON.stringify(res).slice(0, 300)}`;
            const codes = codesOf(res);
            for (const code of codes) expect(allowedCodes.has(code) && code !== "INTERNAL", label).toBe(true);
            if (name === "nul" || name === "loneSurrogate") expect(codes, label).toContain("BAD_USER_INPUT");
            seen.push(`${field.name}.${slot.join(".")}`);
          }
        }
      }
    }
    expect(new Set(seen).size).toBeGreaterThan(30);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    // Generous: the point is that nothing hostile accumulates (a leak would grow with every call).
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);
  });

  it("stores valid unicode exactly", async () => {
    const title = hostileStrings.unicode.trim();
    const created = await t.gql(`mutation($title: String) { createSession(input: { title: $title }) { session { id title } } }`, { title }, admin.token);
    expect(created.data!.createSession.session.title).toBe(title);
    const read = await t.gql(`query($id: ID!) { session(id: $id) { title } }`, { id: created.data!.createSession.session.id }, admin.token);
    expect(read.data!.session.title).toBe(title);
  });

  it("refuses malformed ids with typed errors", async () => {
    const ids = ["", "garbage", "%%%", Buffer.from("Session:not-a-uuid").toString("base64"), Buffer.from(`Session:${randomUUID()}x`).toString("base64"), toGlobalId("DataSource", randomUUID()), "A".repeat(100_000), toGlobalId(toGlobalId("User", randomUUID()), randomUUID())];
    for (const id of ids) {
      for (const query of [`query($id: ID!) { session(id: $id) { id } }`, `query($id: ID!) { node(id: $id) { id } }`, `mutation($id: ID!) { deleteSession(input: { id: $id }) { deletedSessionId } }`]) {
        const res = await t.gql(query, { id }, admin.token);
        const codes = codesOf(res);
        const label = `${query.slice(0, 30)} ${id.slice(0, 40)}: ${JSON.stringify(res).slice(0, 200)}`;
        if (query.includes("node(")) expect(codes.every((c) => c === "BAD_USER_INPUT" || c === "NOT_FOUND") && (codes.length > 0 || res.data!.node === null), label).toBe(true);
        else expect(codes.length === 1 && ["BAD_USER_INPUT", "NOT_FOUND"].includes(codes[0]!), label).toBe(true);
      }
    }
  });

  it("survives deep, wide and aliased documents, huge variables and oversized messages, with bounded memory", async () => {
    const rssBefore = process.memoryUsage().rss;
    const deep = `{ sessions(first: 1) { edges { node { ${"messages(first: 1) { edges { node { session { ".repeat(40)}id${" } } } }".repeat(40)} } } } }`;
    const wide = `{ me { ${"id email name role createdAt ".repeat(3000)} } }`;
    const aliases = `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: me { id }`).join(" ")} }`;
    const fragments = `{ ...F0 } ${Array.from({ length: 200 }, (_, i) => `fragment F${i} on Query { me { id } ${i < 199 ? `...F${i + 1}` : ""} }`).join(" ")}`;
    for (let round = 0; round < 20; round++) {
      for (const query of [deep, wide, aliases, fragments]) {
        const res = await t.gql(query, {}, admin.token);
        expect(res.data ?? null, query.slice(0, 40)).toBeNull();
        for (const code of codesOf(res)) expect(allowedCodes.has(code) && code !== "INTERNAL", `${query.slice(0, 40)}: ${code}`).toBe(true);
      }
      // A variables object near the body limit: a long text and many unused keys.
      const variables = { q: "word ".repeat(100_000), ...Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])) };
      const big = await t.gql(`query($q: String!) { discoverDataSources(question: $q) { name } }`, variables, admin.token);
      expect(codesOf(big)).toEqual(["BAD_USER_INPUT"]);
    }
    const tooBig = await fetch(`${t.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }", variables: { x: "y".repeat(2_000_000) } }) });
    expect(tooBig.status).toBe(413);
    const longQuestion = await t.gql(`mutation($m: String!) { ask(input: { message: $m }) { run { id } } }`, { m: "how many? ".repeat(500) }, admin.token);
    expect(codesOf(longQuestion)).toEqual(["QUESTION_TOO_LONG"]);

    // A WebSocket message over the size limit closes that socket (1009), not the server.
    const closed = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${t.url.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws");
      socket.once("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: { padding: "z".repeat(2_000_000) } })));
      socket.once("close", (code) => resolve(code));
      socket.once("error", () => {});
    });
    expect(closed).toBe(1009);

    expect((await t.gql(`{ me { id } }`, {}, admin.token)).errors).toBeUndefined();
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);
  });
});
