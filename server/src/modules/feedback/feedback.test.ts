import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromGlobalId } from "../../graphql/ids.ts";
import { collect, modes, startTestApp, type TestApp } from "../../testing/app.ts";
import { loadSharedDataset } from "../../testing/datasets.ts";
import type { TestDatabase } from "../../testing/postgres.ts";

const ask = `mutation($input: AskInput!) { ask(input: $input) { run { id } } }`;
const progress = `subscription($runId: ID!) { queryProgress(runId: $runId) { stage status } }`;
const answerOf = `query($id: ID!) { run(id: $id) { status sql answer { id } session { messages(first: 10) { edges { node { id role } } } } } }`;
const submit = `mutation($input: SubmitFeedbackInput!) {
  submitFeedback(input: $input) { feedback { id rating category comment question sql } message { id feedback { rating category } } }
}`;
const summary = `query($id: ID!, $period: FeedbackPeriod) {
  feedbackSummary(dataSourceId: $id, period: $period) { total positive negative byCategory { category count } worstQuestions { question negative positive categories } }
}`;

let chinook: TestDatabase;
beforeAll(async () => {
  chinook = await loadSharedDataset("chinook");
}, 120_000);
afterAll(() => chinook?.drop());

describe.each(modes)("submitFeedback and feedbackSummary (%s)", (mode) => {
  let t: TestApp;
  let admin: { token: string };
  let owner: { token: string; userId: string };
  let sourceId: string;

  async function answer(message: string, token = owner.token) {
    const res = await t.gql(ask, { input: { message, dataSourceId: sourceId } }, token);
    const runId = res.data!.ask.run.id as string;
    await collect(t.ws(token), progress, { runId }, 1000, 30_000).done;
    const run = (await t.gql(answerOf, { id: runId }, token)).data!.run;
    return { runId, run, messageId: run.answer.id as string, questionId: run.session.messages.edges.find((e: any) => e.node.role === "USER").node.id as string };
  }

  beforeAll(async () => {
    t = await startTestApp(mode);
    admin = await t.signUp();
    owner = await t.signUp();
    const added = await t.gql(`mutation($input: AddDataSourceInput!) { addDataSource(input: $input) { dataSource { id } } }`, { input: { name: "Music", connectionUrl: chinook.url } }, owner.token);
    sourceId = added.data!.addDataSource.dataSource.id;
  }, 120_000);
  afterAll(() => t?.stop());

  it("stores one rating per user and answer with a snapshot of what was rated; a second call replaces it", async () => {
    const { run, messageId } = await answer("How many tracks per genre?");
    const first = await t.gql(submit, { input: { messageId, rating: "POSITIVE", comment: "  spot on " } }, owner.token);
    expect(first.data!.submitFeedback.feedback).toMatchObject({ rating: "POSITIVE", category: null, comment: "spot on", question: "How many tracks per genre?", sql: run.sql });
    expect(first.data!.submitFeedback.message).toMatchObject({ id: messageId, feedback: { rating: "POSITIVE" } });

    const second = await t.gql(submit, { input: { messageId, rating: "NEGATIVE", category: "WRONG_CHART" } }, owner.token);
    expect(second.data!.submitFeedback.feedback).toMatchObject({ id: first.data!.submitFeedback.feedback.id, rating: "NEGATIVE", category: "WRONG_CHART", comment: null });
    expect(second.data!.submitFeedback.message.feedback).toEqual({ rating: "NEGATIVE", category: "WRONG_CHART" });

    const stored = await t.app.services.prisma.feedback.findMany({ where: { messageId: fromGlobalId(messageId, "Message") } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ dataSourceId: fromGlobalId(sourceId, "DataSource"), semanticModelVersion: 1, sql: run.sql, question: "How many tracks per genre?" });
    expect(stored[0]!.spec).toMatchObject({ entity: "track", measures: [{ kind: "count" }] });
  });

  it("refuses questions, other people's answers, unknown ids and categories on good ratings", async () => {
    const { messageId, questionId } = await answer("How many albums are there?");
    const code = async (input: Record<string, unknown>, token = owner.token) => (await t.gql(submit, { input }, token)).errors?.[0]?.extensions?.code;
    expect(await code({ messageId: questionId, rating: "POSITIVE" })).toBe("BAD_USER_INPUT");
    expect(await code({ messageId, rating: "POSITIVE", category: "SLOW" })).toBe("BAD_USER_INPUT");
    expect(await code({ messageId, rating: "NEGATIVE", comment: "x".repeat(2001) })).toBe("BAD_USER_INPUT");
    const stranger = await t.signUp();
    expect(await code({ messageId, rating: "NEGATIVE" }, stranger.token)).toBe("NOT_FOUND");
    expect(await code({ messageId: sourceId, rating: "NEGATIVE" })).toBe("NOT_FOUND");
    expect(await code({ messageId, rating: "NEGATIVE" }, "")).toBe("UNAUTHENTICATED");
    const seen = await t.gql(`query($id: ID!) { node(id: $id) { ... on Message { feedback { id } } } }`, { id: messageId }, owner.token);
    expect(seen.data!.node.feedback).toBeNull();
    expect(await t.app.services.prisma.feedback.count({ where: { messageId: fromGlobalId(messageId, "Message") } })).toBe(0);
  });

  it("sums up a data source's ratings for its owner, with the worst questions", async () => {
    const bad = await answer("How many artists are there?");
    await t.gql(submit, { input: { messageId: bad.messageId, rating: "NEGATIVE", category: "WRONG_RESULT" } }, owner.token);
    const again = await answer("how many artists are there");
    await t.gql(submit, { input: { messageId: again.messageId, rating: "NEGATIVE", category: "MISUNDERSTOOD" } }, owner.token);
    const good = await answer("How many customers are there?");
    await t.gql(submit, { input: { messageId: good.messageId, rating: "POSITIVE" } }, owner.token);

    const res = await t.gql(summary, { id: sourceId, period: "WEEK" }, owner.token);
    const s = res.data!.feedbackSummary;
    expect(s).toMatchObject({ total: 4, positive: 1, negative: 3 });
    expect(Object.fromEntries(s.byCategory.map((c: any) => [c.category, c.count]))).toEqual({ WRONG_RESULT: 1, WRONG_CHART: 1, MISUNDERSTOOD: 1, SQL_ERROR: 0, SLOW: 0, OTHER: 0 });
    expect(s.worstQuestions[0]).toEqual({ question: "how many artists are there", negative: 2, positive: 0, categories: expect.arrayContaining(["WRONG_RESULT", "MISUNDERSTOOD"]) });

    expect((await t.gql(summary, { id: sourceId, period: "ALL" }, admin.token)).data!.feedbackSummary.total).toBe(4);
    const analyst = await t.signUp();
    const hidden = await t.gql(summary, { id: sourceId }, analyst.token);
    expect(hidden.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  it("keeps one rating when a thumb is stored on click and the comment follows it, and learns once", async () => {
    const { messageId } = await answer("How many tracks per media type?");
    const clicked = await t.gql(submit, { input: { messageId, rating: "POSITIVE" } }, owner.token);
    const commented = await t.gql(submit, { input: { messageId, rating: "POSITIVE", comment: "Just what I needed" } }, owner.token);
    expect(commented.data!.submitFeedback.feedback).toMatchObject({ id: clicked.data!.submitFeedback.feedback.id, rating: "POSITIVE", comment: "Just what I needed" });
    const id = fromGlobalId(messageId, "Message");
    expect(await t.app.services.prisma.feedback.count({ where: { messageId: id } })).toBe(1);
    const learned = { sourceFeedbackId: fromGlobalId(clicked.data!.submitFeedback.feedback.id, "Feedback"), status: "CANDIDATE" as const };
    expect(await t.app.services.prisma.verifiedQuery.count({ where: learned })).toBe(1);

    const down = await t.gql(submit, { input: { messageId, rating: "NEGATIVE" } }, owner.token);
    const explained = await t.gql(submit, { input: { messageId, rating: "NEGATIVE", category: "WRONG_RESULT", comment: "Counts look doubled" } }, owner.token);
    expect(explained.data!.submitFeedback.feedback).toMatchObject({ id: down.data!.submitFeedback.feedback.id, rating: "NEGATIVE", category: "WRONG_RESULT", comment: "Counts look doubled" });
    expect(await t.app.services.prisma.feedback.count({ where: { messageId: id } })).toBe(1);
    expect(await t.app.services.prisma.verifiedQuery.count({ where: learned })).toBe(0);
  });
});
