import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import { fromGlobalId, nilUuid } from "../../graphql/ids.ts";
import { maxCommentLength } from "./feedback.service.ts";
import { feedbackCategories, type Category, type FeedbackPeriod, type QuestionScore } from "./summary.ts";

const RatingEnum = builder.enumType("Rating", { values: ["POSITIVE", "NEGATIVE"] as const });
export const FeedbackCategoryEnum = builder.enumType("FeedbackCategory", {
  values: {
    WRONG_RESULT: { description: "The numbers are wrong." },
    WRONG_CHART: { description: "The chart does not fit the data." },
    MISUNDERSTOOD: { description: "The question was read wrongly." },
    SQL_ERROR: { description: "The query failed." },
    SLOW: { description: "The answer took too long." },
    OTHER: {},
  } as const,
});
const FeedbackPeriodEnum = builder.enumType("FeedbackPeriod", {
  description: "A window ending now: the last day, 7 days, 30 days, 91 days, 365 days, or all time.",
  values: ["DAY", "WEEK", "MONTH", "QUARTER", "YEAR", "ALL"] as const,
});

builder.prismaNode("Feedback", {
  id: { field: "id" },
  description: "A rating of an answer by the caller, with a snapshot of what was rated.",
  findUnique: (id, ctx) => ({ id, userId: ctx.viewer?.userId ?? nilUuid }),
  fields: (t) => ({
    rating: t.expose("rating", { type: RatingEnum }),
    comment: t.exposeString("comment", { nullable: true }),
    category: t.expose("category", { type: FeedbackCategoryEnum, nullable: true }),
    question: t.exposeString("question", { description: "The question the rated answer was for." }),
    sql: t.exposeString("sql", { nullable: true }),
    semanticModelVersion: t.exposeInt("semanticModelVersion", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    message: t.relation("message"),
  }),
});

builder.prismaObjectFields("Message", (t) => ({
  feedback: t.prismaField({
    type: "Feedback",
    nullable: true,
    description: "The caller's rating of this answer, if any.",
    resolve: (query, message, _args, ctx) =>
      ctx.services.prisma.feedback.findUnique({ ...query, where: { messageId_userId: { messageId: message.id, userId: ctx.viewer?.userId ?? nilUuid } } }),
  }),
}));

builder.prismaObjectFields("QueryRun", (t) => ({
  answer: t.prismaField({
    type: "Message",
    nullable: true,
    description: "The assistant message that answered this run (what `submitFeedback` rates); null while it runs.",
    resolve: (query, run, _args, ctx) =>
      ctx.services.prisma.message.findFirst({ ...query, where: { runId: run.id, role: "ASSISTANT" }, orderBy: { createdAt: "desc" } }),
  }),
}));

const SubmitFeedbackInput = builder.inputType("SubmitFeedbackInput", {
  fields: (t) => ({
    messageId: t.id({ description: "An assistant message (an answer) of one of the caller's sessions." }),
    rating: t.field({ type: RatingEnum }),
    comment: t.string({ required: false, validate: z.string().max(maxCommentLength, `is longer than ${maxCommentLength} characters`).optional().nullable() }),
    category: t.field({ type: FeedbackCategoryEnum, required: false, description: "What went wrong; only with NEGATIVE." }),
  }),
});

const SubmitFeedbackPayload = builder.objectRef<{ feedbackId: string; messageId: string }>("SubmitFeedbackPayload").implement({
  fields: (t) => ({
    feedback: t.prismaField({ type: "Feedback", resolve: (q, p, _a, ctx) => ctx.services.prisma.feedback.findUniqueOrThrow({ ...q, where: { id: p.feedbackId } }) }),
    message: t.prismaField({ type: "Message", resolve: (q, p, _a, ctx) => ctx.services.prisma.message.findUniqueOrThrow({ ...q, where: { id: p.messageId } }) }),
  }),
});

builder.mutationField("submitFeedback", (t) =>
  t.field({
    type: SubmitFeedbackPayload,
    description:
      "Rates an answer (one rating per user and message; sending again replaces it). A good answer becomes a candidate verified query; a wrong one is flagged for review, and so is the verified query that gave it.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: SubmitFeedbackInput }) },
    resolve: async (_root, { input }, ctx) => {
      const { feedback, message } = await ctx.services.feedback.submit(ctx.viewer!, {
        messageId: fromGlobalId(input.messageId, "Message"),
        rating: input.rating,
        comment: input.comment,
        category: input.category,
      });
      return { feedbackId: feedback.id, messageId: message.id };
    },
  }),
);

const CategoryCountRef = builder.objectRef<{ category: Category; count: number }>("FeedbackCategoryCount").implement({
  fields: (t) => ({
    category: t.field({ type: FeedbackCategoryEnum, resolve: (c) => c.category }),
    count: t.exposeInt("count"),
  }),
});

const QuestionScoreRef = builder.objectRef<QuestionScore>("FeedbackQuestion").implement({
  description: "A question (grouped ignoring case and punctuation) with its ratings.",
  fields: (t) => ({
    question: t.exposeString("question", { description: "Its latest wording." }),
    negative: t.exposeInt("negative"),
    positive: t.exposeInt("positive"),
    categories: t.field({ type: [FeedbackCategoryEnum], description: "Categories of the ratings down, most frequent first.", resolve: (q) => q.categories }),
    lastRatedAt: t.field({ type: "DateTime", resolve: (q) => q.lastRatedAt }),
  }),
});

type Summary = { period: FeedbackPeriod; since: Date | null; total: number; positive: number; negative: number; byCategory: { category: Category; count: number }[]; worstQuestions: QuestionScore[] };

const FeedbackSummaryRef = builder.objectRef<Summary>("FeedbackSummary").implement({
  fields: (t) => ({
    period: t.field({ type: FeedbackPeriodEnum, resolve: (s) => s.period }),
    since: t.field({ type: "DateTime", nullable: true, description: "Start of the period; null for all time.", resolve: (s) => s.since }),
    total: t.exposeInt("total"),
    positive: t.exposeInt("positive"),
    negative: t.exposeInt("negative"),
    byCategory: t.field({ type: [CategoryCountRef], description: `Every category (${feedbackCategories.join(", ")}), zeros included.`, resolve: (s) => s.byCategory }),
    worstQuestions: t.field({ type: [QuestionScoreRef], description: "Most ratings down first.", resolve: (s) => s.worstQuestions }),
  }),
});

builder.queryField("feedbackSummary", (t) =>
  t.field({
    type: FeedbackSummaryRef,
    description: "Ratings of a data source's answers in a period, for its owner or an administrator.",
    authScopes: { analyst: true },
    args: {
      dataSourceId: t.arg.id(),
      period: t.arg({ type: FeedbackPeriodEnum, defaultValue: "MONTH" }),
      worst: t.arg.int({ defaultValue: 5, description: "How many worst questions, 1 to 50.", validate: z.number().int().min(1, "must be at least 1").max(50, "must be at most 50") }),
    },
    resolve: (_root, args, ctx) => ctx.services.feedback.summary(ctx.viewer!, fromGlobalId(args.dataSourceId, "DataSource"), args.period, args.worst),
  }),
);
