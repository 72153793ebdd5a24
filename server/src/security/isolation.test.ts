import { randomUUID } from "node:crypto";
import { getNamedType, isInputObjectType, type GraphQLInputType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../graphql/schema.ts";
import { toGlobalId } from "../graphql/ids.ts";
import { modes, startTestApp, type GraphQLResponse, type TestApp } from "../testing/app.ts";
import type { TestDatabase } from "../testing/postgres.ts";
import { addDataSource, askAndWait, shopDatabase } from "./fixtures.ts";

/** Objects of user B that user A tries to reach. */
type Target = "session" | "run" | "dataSource" | "apiKey" | "message" | "user" | "feedback" | "verifiedQuery";
const typeOf: Record<Target, string> = {
  session: "Session",
  run: "QueryRun",
  dataSource: "DataSource",
  apiKey: "ApiKey",
  message: "Message",
  user: "User",
  feedback: "Feedback",
  verifiedQuery: "VerifiedQuery",
};
const nodeTargets = Object.keys(typeOf) as Target[];

interface Case {
  target: Target;
  document: string;
  /** Variables with `id` standing for B's object, or for one that does not exist. */
  variables: (id: string, own: { sessionId: string; dataSourceId: string }) => Record<string, unknown>;
}

const byId = (target: Target, document: string): Case => ({ target, document, variables: (id) => ({ id }) });
const semanticEdit = (field: string, input: string): Case => ({
  target: "dataSource",
  document: `mutation($id: ID!) { ${field}(input: { dataSourceId: $id, ${input} }) { __typename } }`,
  variables: (id) => ({ id }),
});

/**
 * Every root field that takes an id, with how user A calls it on user B's
 * objects. A field that takes an id and has no case here fails the suite, so
 * new API is covered when it is added.
 */
const cases: Record<string, Case[]> = {
  "Query.session": [byId("session", `query($id: ID!) { session(id: $id) { id title } }`)],
  "Query.run": [byId("run", `query($id: ID!) { run(id: $id) { id status sql } }`)],
  "Query.fieldValues": [byId("run", `query($id: ID!) { fieldValues(runId: $id, field: "product.category") { values complete } }`)],
  "Query.dataSource": [byId("dataSource", `query($id: ID!) { dataSource(id: $id) { id name } }`)],
  "Query.node": nodeTargets.map((target) => byId(target, `query($id: ID!) { node(id: $id) { id __typename } }`)),
  "Query.nodes": nodeTargets.map((target) => ({
    target,
    document: `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
    variables: (id: string) => ({ ids: [id] }),
  })),
  "Query.auditLog": [
    { target: "dataSource", document: `query($id: ID!) { auditLog(first: 5, filter: { targetId: $id }) { edges { node { action } } } }`, variables: (id) => ({ id }) },
    { target: "user", document: `query($id: ID!) { auditLog(first: 5, filter: { actorId: $id }) { edges { node { action } } } }`, variables: (id) => ({ id }) },
  ],
  "Query.feedbackSummary": [byId("dataSource", `query($id: ID!) { feedbackSummary(dataSourceId: $id) { __typename } }`)],
  "Query.verifiedQueries": [byId("dataSource", `query($id: ID!) { verifiedQueries(dataSourceId: $id, first: 5) { edges { node { id } } } }`)],
  "Mutation.submitFeedback": [byId("message", `mutation($id: ID!) { submitFeedback(input: { messageId: $id, rating: NEGATIVE, category: WRONG_RESULT }) { feedback { id } } }`)],
  "Mutation.promoteVerifiedQuery": [byId("verifiedQuery", `mutation($id: ID!) { promoteVerifiedQuery(input: { id: $id }) { __typename } }`)],
  "Mutation.rejectVerifiedQuery": [byId("verifiedQuery", `mutation($id: ID!) { rejectVerifiedQuery(input: { id: $id, note: "taken" }) { __typename } }`)],
  "Mutation.updateVerifiedQuery": [byId("verifiedQuery", `mutation($id: ID!) { updateVerifiedQuery(input: { id: $id, question: "taken" }) { __typename } }`)],
  "Mutation.ask": [
    { target: "session", document: `mutation($id: ID!) { ask(input: { sessionId: $id, message: "how many orders" }) { run { id } } }`, variables: (id) => ({ id }) },
    { target: "dataSource", document: `mutation($id: ID!) { ask(input: { dataSourceId: $id, message: "how many orders" }) { run { id } } }`, variables: (id) => ({ id }) },
    { target: "run", document: `mutation($id: ID!) { ask(input: { message: "next", pick: { runId: $id, suggestion: 0 } }) { run { id } } }`, variables: (id) => ({ id }) },
  ],
  "Mutation.cancelRun": [byId("run", `mutation($id: ID!) { cancelRun(input: { runId: $id }) { run { id } } }`)],
  "Mutation.refineQuery": [byId("run", `mutation($id: ID!) { refineQuery(input: { runId: $id, refinement: { changeLimit: { limit: 5 } } }) { __typename } }`)],
  "Mutation.selectDataSource": [
    { target: "session", document: `mutation($id: ID!, $own: ID!) { selectDataSource(input: { sessionId: $id, dataSourceId: $own }) { session { id } } }`, variables: (id, own) => ({ id, own: own.dataSourceId }) },
    { target: "dataSource", document: `mutation($id: ID!, $own: ID!) { selectDataSource(input: { sessionId: $own, dataSourceId: $id }) { session { id } } }`, variables: (id, own) => ({ id, own: own.sessionId }) },
  ],
  "Mutation.renameSession": [byId("session", `mutation($id: ID!) { renameSession(input: { id: $id, title: "taken" }) { session { id } } }`)],
  "Mutation.endSession": [byId("session", `mutation($id: ID!) { endSession(input: { id: $id }) { session { id } } }`)],
  "Mutation.deleteSession": [byId("session", `mutation($id: ID!) { deleteSession(input: { id: $id }) { deletedSessionId } }`)],
  "Mutation.refreshDataSource": [byId("dataSource", `mutation($id: ID!) { refreshDataSource(input: { id: $id }) { dataSource { id } } }`)],
  "Mutation.removeDataSource": [byId("dataSource", `mutation($id: ID!) { removeDataSource(input: { id: $id }) { removedDataSourceId } }`)],
  "Mutation.updateDataSource": [
    byId("dataSource", `mutation($id: ID!) { updateDataSource(input: { id: $id, name: "taken" }) { dataSource { id } } }`),
    byId("dataSource", `mutation($id: ID!) { updateDataSource(input: { id: $id, visibility: SHARED }) { dataSource { id } } }`),
  ],
  "Mutation.testDataSource": [byId("dataSource", `mutation($id: ID!) { testDataSource(input: { id: $id }) { ok } }`)],
  "Mutation.revokeApiKey": [byId("apiKey", `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id } } }`)],
  "Mutation.setUserRole": [byId("user", `mutation($id: ID!) { setUserRole(input: { userId: $id, role: VIEWER }) { user { id } } }`)],
  "Mutation.setSynonyms": [semanticEdit("setSynonyms", `entity: "orders", synonyms: ["taken"]`)],
  "Mutation.upsertMetric": [semanticEdit("upsertMetric", `entity: "orders", name: "taken", expression: "sum(quantity)"`)],
  "Mutation.deleteMetric": [semanticEdit("deleteMetric", `name: "taken"`)],
  "Mutation.upsertJoin": [semanticEdit("upsertJoin", `from: "orders", fromColumns: ["customer_id"], to: "customers", toColumns: ["id"], name: "taken"`)],
  "Mutation.confirmJoin": [semanticEdit("confirmJoin", `name: "taken"`)],
  "Mutation.deleteJoin": [semanticEdit("deleteJoin", `name: "taken"`)],
  "Mutation.upsertGlossaryTerm": [semanticEdit("upsertGlossaryTerm", `term: "taken", maps: { entity: "orders" }`)],
  "Mutation.deleteGlossaryTerm": [semanticEdit("deleteGlossaryTerm", `term: "taken"`)],
  "Mutation.setBusinessRules": [semanticEdit("setBusinessRules", `fiscalYearStartMonth: 4`)],
  "Mutation.upsertVerifiedQuery": [semanticEdit("upsertVerifiedQuery", `question: "taken", sql: "SELECT 1"`)],
  "Mutation.deleteVerifiedQuery": [semanticEdit("deleteVerifiedQuery", `question: "taken"`)],
  "Mutation.importSemanticModel": [semanticEdit("importSemanticModel", `yaml: "format: 1"`)],
  "Mutation.restoreSemanticModelVersion": [semanticEdit("restoreSemanticModelVersion", `version: 1`)],
  "Subscription.queryProgress": [byId("run", `subscription($id: ID!) { queryProgress(runId: $id) { seq stage } }`)],
};

function takesId(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === "ID") return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => takesId(field.type, seen));
}

/** Root fields of the schema with an `ID` anywhere in their arguments. */
function fieldsTakingIds(): string[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((root) =>
    root ? Object.values(root.getFields()).filter((f) => f.args.some((a) => takesId(a.type))).map((f) => `${root.name}.${f.name}`) : [],
  );
}

/** What a caller can observe of an answer: data, and each error's code, message and path. */
function observed(res: GraphQLResponse) {
  return { data: res.data ?? null, errors: (res.errors ?? []).map((e) => ({ code: e.extensions?.code, message: e.message, path: e.path })) };
}

describe("isolation cases", () => {
  it("cover every root field that takes an id", () => {
    const uncovered = fieldsTakingIds().filter((field) => !cases[field]);
    expect(uncovered, "add an isolation case for these fields in security/isolation.test.ts").toEqual([]);
  });
});

describe.each(modes)("isolation between users (%s)", (mode) => {
  let t: TestApp;
  let shop: TestDatabase;
  let a: { token: string; userId: string };
  let b: { token: string; userId: string };
  const ids = {} as Record<Target, string>;
  const own = { sessionId: "", dataSourceId: "" };
  let rawDataSourceId: string;

  async function subscribeOnce(token: string, document: string, variables: Record<string, unknown>): Promise<GraphQLResponse> {
    const client = t.ws(token);
    return new Promise((resolve) => {
      const results: GraphQLResponse = {};
      client.subscribe(
        { query: document, variables },
        {
          next: (value) => Object.assign(results, value),
          error: (errors) => resolve({ errors: errors as GraphQLResponse["errors"] }),
          complete: () => resolve(results),
        },
      );
    });
  }

  async function call(document: string, variables: Record<string, unknown>, token: string) {
    return document.trimStart().startsWith("subscription") ? subscribeOnce(token, document, variables) : t.gql(document, variables, token);
  }

  /** B's objects as B sees them, to prove A's attempts changed nothing. */
  async function snapshotOfB() {
    const res = await t.gql(
      `query($session: ID!, $run: ID!, $source: ID!, $feedback: ID!, $verified: ID!) {
        session(id: $session) { title status messageCount }
        run(id: $run) { status rowCount }
        dataSource(id: $source) { name visibility status }
        apiKeys(first: 10) { edges { node { id active } } }
        me { role }
        feedback: node(id: $feedback) { ... on Feedback { rating category comment } }
        verified: node(id: $verified) { ... on VerifiedQuery { question status } }
      }`,
      { session: ids.session, run: ids.run, source: ids.dataSource, feedback: ids.feedback, verified: ids.verifiedQuery },
      b.token,
    );
    const version = await t.app.services.prisma.semanticModel.count({ where: { dataSourceId: rawDataSourceId } });
    return { ...res, version };
  }

  beforeAll(async () => {
    [t, shop] = await Promise.all([startTestApp(mode), shopDatabase()]);
    await t.signUp(); // the administrator
    a = await t.signUp();
    b = await t.signUp();
    ids.dataSource = await addDataSource(t, b.token, "B's shop", shop.url);
    rawDataSourceId = (await t.app.services.prisma.dataSource.findFirstOrThrow({ where: { name: "B's shop" } })).id;
    const run = await askAndWait(t, b.token, { message: "How many orders per category?", dataSourceId: ids.dataSource });
    expect(run.status).toBe("SUCCEEDED");
    ids.run = run.runId;
    ids.session = run.sessionId;
    const answer = await t.gql(`query($id: ID!) { run(id: $id) { answer { id } } }`, { id: ids.run }, b.token);
    ids.message = answer.data!.run.answer.id;
    // A good rating makes the answer a candidate verified query of B's data source.
    const rated = await t.gql(`mutation($id: ID!) { submitFeedback(input: { messageId: $id, rating: POSITIVE }) { feedback { id } } }`, { id: ids.message }, b.token);
    ids.feedback = rated.data!.submitFeedback.feedback.id;
    const queue = await t.gql(`query($id: ID!) { verifiedQueries(dataSourceId: $id, first: 5) { edges { node { id } } } }`, { id: ids.dataSource }, b.token);
    ids.verifiedQuery = queue.data!.verifiedQueries.edges[0].node.id;
    const key = await t.gql(`mutation { createApiKey(input: { name: "B's key", role: ANALYST }) { apiKey { id } } }`, {}, b.token);
    ids.apiKey = key.data!.createApiKey.apiKey.id;
    ids.user = b.userId;
    own.dataSourceId = await addDataSource(t, a.token, "A's shop", shop.url);
    own.sessionId = (await t.gql(`mutation { createSession { session { id } } }`, {}, a.token)).data!.createSession.session.id;
  }, 180_000);
  afterAll(async () => {
    await t?.stop();
    await shop?.drop();
  });

  it("answers A's every attempt on B's objects exactly like a missing id, and changes nothing", async () => {
    const before = await snapshotOfB();
    expect(before.errors).toBeUndefined();
    const present = new Set(fieldsTakingIds());
    let tried = 0;
    for (const [field, list] of Object.entries(cases)) {
      if (!present.has(field)) continue;
      for (const c of list) {
        const theirs = await call(c.document, c.variables(ids[c.target], own), a.token);
        const missing = await call(c.document, c.variables(toGlobalId(typeOf[c.target], randomUUID()), own), a.token);
        const label = `${field} on B's ${c.target}`;
        expect(observed(theirs), label).toEqual(observed(missing));
        // Denied: an error, or nothing where the object would be.
        const denied = (theirs.errors?.length ?? 0) > 0 || JSON.stringify(theirs.data).match(/:null|\[null\]|"edges":\[\]/);
        expect(denied, `${label}: ${JSON.stringify(theirs)}`).toBeTruthy();
        // Reads prove the case aims right: B gets the object with the same document (the audit log is for administrators).
        if (!field.startsWith("Mutation.") && field !== "Query.auditLog") {
          const owner = await call(c.document, c.variables(ids[c.target], own), b.token);
          expect(owner.errors, `${label} as B`).toBeUndefined();
          expect(JSON.stringify(owner.data), `${label} as B`).not.toMatch(/:null|\[null\]/);
        }
        tried += 1;
      }
    }
    expect(tried).toBeGreaterThan(30);
    expect(await snapshotOfB()).toEqual(before);
  });

  it("keeps B's objects out of A's lists, searches and live updates", async () => {
    const lists = await t.gql(
      `{ sessions(first: 100) { edges { node { id } } } dataSources(first: 100) { edges { node { id } } } apiKeys(first: 100) { edges { node { id } } }
         discoverDataSources(question: "orders per category") { dataSourceId } }`,
      {},
      a.token,
    );
    const text = JSON.stringify(lists.data);
    for (const target of ["session", "dataSource", "apiKey"] as Target[]) expect(text).not.toContain(ids[target]);
    expect(text).toContain(own.dataSourceId);

    // A's live feed: B's change must not arrive; A's own change, made after it, arrives first.
    const client = t.ws(a.token);
    const first = new Promise<string>((resolve) => {
      client.subscribe({ query: "subscription { sessionChanged { sessionId } }" }, { next: (v: any) => resolve(v.data.sessionChanged.sessionId), error: () => {}, complete: () => {} });
    });
    await new Promise<void>((resolve) => client.on("connected", () => setTimeout(resolve, 200)));
    await t.gql(`mutation($id: ID!) { renameSession(input: { id: $id, title: "B renamed" }) { session { id } } }`, { id: ids.session }, b.token);
    await t.gql(`mutation($id: ID!) { renameSession(input: { id: $id, title: "A renamed" }) { session { id } } }`, { id: own.sessionId }, a.token);
    expect(await first).toBe(own.sessionId);
  });

  it("answers export URLs of B's runs like missing ones", async () => {
    for (const format of ["csv", "json"]) {
      const fetchAs = async (id: string) => {
        const res = await fetch(`${t.url}/export/${encodeURIComponent(id)}.${format}`, { headers: { authorization: `Bearer ${a.token}` } });
        return { status: res.status, body: await res.text() };
      };
      const theirs = await fetchAs(ids.run);
      expect(theirs.status).toBe(404);
      expect(theirs).toEqual(await fetchAs(toGlobalId("QueryRun", randomUUID())));
      const mine = await fetch(`${t.url}/export/${encodeURIComponent(ids.run)}.${format}`, { headers: { authorization: `Bearer ${b.token}` } });
      expect(mine.status).toBe(200);
    }
  });
});
