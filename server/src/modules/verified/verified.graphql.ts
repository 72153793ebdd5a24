import { z } from "zod";
import { registerErrorCodes } from "../../errors.ts";
import { builder } from "../../graphql/builder.ts";
import type { Context } from "../../graphql/context.ts";
import { fromGlobalId, nilUuid } from "../../graphql/ids.ts";
import { FeedbackCategoryEnum } from "../feedback/feedback.graphql.ts";
import { isLive, verifiedErrorCodes } from "./verified.service.ts";

registerErrorCodes(verifiedErrorCodes);

const VerifiedQueryStatusEnum = builder.enumType("VerifiedQueryStatus", {
  values: {
    CANDIDATE: { description: "From an answer rated good; waits for review." },
    VERIFIED: { description: "Answers its question directly and is an example for the language model." },
    FLAGGED: { description: "Rated wrong: needs a fix. A flagged query that was verified keeps answering until reviewed (see `live`)." },
    REJECTED: { description: "Reviewed and turned down; answers nothing." },
  } as const,
});

/** Rows of data sources the viewer may review: all for admins, their own for analysts, none for viewers. */
function reviewableSources(ctx: Context) {
  const viewer = ctx.viewer;
  if (viewer?.role === "ADMIN") return {};
  return { ownerId: viewer && viewer.role !== "VIEWER" ? viewer.userId : nilUuid };
}

const SourceFeedbackRef = builder.objectRef<{ rating: "POSITIVE" | "NEGATIVE"; category: string | null; comment: string | null; createdAt: Date }>("VerifiedQueryFeedback").implement({
  description: "The rating that put a query in the review queue.",
  fields: (t) => ({
    rating: t.exposeString("rating"),
    category: t.field({ type: FeedbackCategoryEnum, nullable: true, resolve: (f) => f.category as never }),
    comment: t.exposeString("comment", { nullable: true }),
    createdAt: t.field({ type: "DateTime", resolve: (f) => f.createdAt }),
  }),
});

builder.prismaNode("VerifiedQuery", {
  id: { field: "id" },
  description: "A question with the SQL that answers it, in the learning loop's review queue.",
  findUnique: (id, ctx) => ({ id, dataSource: reviewableSources(ctx) }),
  fields: (t) => ({
    question: t.exposeString("question"),
    normalizedQuestion: t.exposeString("normalizedQuestion", { description: "How questions are matched against it (case, accents and punctuation folded)." }),
    sql: t.exposeString("sql"),
    spec: t.expose("spec", { type: "JSON", nullable: true, description: "The engine spec of the rated answer, when it had one." }),
    note: t.exposeString("note", { nullable: true }),
    status: t.expose("status", { type: VerifiedQueryStatusEnum }),
    live: t.boolean({ description: "In the semantic model now: the question is answered with this SQL.", resolve: (row) => isLive(row) }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    reviewedAt: t.expose("reviewedAt", { type: "DateTime", nullable: true }),
    verifiedAt: t.expose("verifiedAt", { type: "DateTime", nullable: true }),
    flaggedAt: t.expose("flaggedAt", { type: "DateTime", nullable: true }),
    dataSource: t.relation("dataSource"),
    feedback: t.field({
      type: SourceFeedbackRef,
      nullable: true,
      select: { sourceFeedback: { select: { rating: true, category: true, comment: true, createdAt: true } } },
      resolve: (row) => row.sourceFeedback,
    }),
  }),
});

builder.queryField("verifiedQueries", (t) =>
  t.prismaConnection({
    type: "VerifiedQuery",
    cursor: "id",
    description: "The review queue of a data source (its owner or an administrator), most recently changed first.",
    authScopes: { analyst: true },
    args: { dataSourceId: t.arg.id(), status: t.arg({ type: VerifiedQueryStatusEnum, required: false }) },
    resolve: async (query, _root, args, ctx) => {
      const where = await ctx.services.verified.listWhere(ctx.viewer!, fromGlobalId(args.dataSourceId, "DataSource"), args.status ?? null);
      return ctx.services.prisma.verifiedQuery.findMany({ ...query, where, orderBy: [{ updatedAt: "desc" }, { id: "desc" }] });
    },
  }),
);

const VerifiedQueryPayload = builder.objectRef<{ id: string; dataSourceId: string }>("VerifiedQueryPayload").implement({
  fields: (t) => ({
    verifiedQuery: t.prismaField({ type: "VerifiedQuery", resolve: (q, p, _a, ctx) => ctx.services.prisma.verifiedQuery.findUniqueOrThrow({ ...q, where: { id: p.id } }) }),
    dataSource: t.prismaField({
      type: "DataSource",
      description: "Its data source, whose semantic model changed when a live query did.",
      resolve: (q, p, _a, ctx) => ctx.services.prisma.dataSource.findUniqueOrThrow({ ...q, where: { id: p.dataSourceId } }),
    }),
  }),
});


builder.mutationFields((t) => ({
  updateVerifiedQuery: t.field({
    type: VerifiedQueryPayload,
    description: "Edits a query's question, SQL or note. The SQL must pass the guard and EXPLAIN on the data source; a live query is rewritten in the semantic model.",
    authScopes: { analyst: true },
    args: {
      input: t.arg({
        type: builder.inputType("UpdateVerifiedQueryInput", {
          fields: (f) => ({
            id: f.id(),
            question: f.string({ required: false, validate: z.string().max(2000, "is longer than 2000 characters").optional().nullable() }),
            sql: f.string({ required: false, validate: z.string().max(20_000, "is longer than 20000 characters").optional().nullable() }),
            note: f.string({ required: false, validate: z.string().max(5000, "is longer than 5000 characters").optional().nullable() }),
          }),
        }),
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const row = await ctx.services.verified.update(ctx.viewer!, fromGlobalId(input.id, "VerifiedQuery"), input);
      return { id: row.id, dataSourceId: row.dataSourceId };
    },
  }),
  promoteVerifiedQuery: t.field({
    type: VerifiedQueryPayload,
    description: "Verifies a query: written into the semantic model (a new version), it answers the same question directly and is an example for the language model.",
    authScopes: { analyst: true },
    args: { input: t.arg({ type: builder.inputType("PromoteVerifiedQueryInput", { fields: (f) => ({ id: f.id() }) }) }) },
    resolve: async (_root, { input }, ctx) => {
      const row = await ctx.services.verified.promote(ctx.viewer!, fromGlobalId(input.id, "VerifiedQuery"));
      return { id: row.id, dataSourceId: row.dataSourceId };
    },
  }),
  rejectVerifiedQuery: t.field({
    type: VerifiedQueryPayload,
    description: "Turns a query down; a live one is taken out of the semantic model.",
    authScopes: { analyst: true },
    args: {
      input: t.arg({
        type: builder.inputType("RejectVerifiedQueryInput", {
          fields: (f) => ({ id: f.id(), note: f.string({ required: false, description: "Why, kept with the query.", validate: z.string().max(5000).optional().nullable() }) }),
        }),
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const row = await ctx.services.verified.reject(ctx.viewer!, fromGlobalId(input.id, "VerifiedQuery"), input.note ?? null);
      return { id: row.id, dataSourceId: row.dataSourceId };
    },
  }),
}));
