import { badInput, notFound } from "../../errors.ts";
import type { Feedback, Message } from "../../generated/prisma/client.ts";
import type { Viewer } from "../../graphql/context.ts";
import type { Services } from "../../services.ts";
import { periodStart, totals, worstQuestions, type Category, type FeedbackPeriod, type RatedRow } from "./summary.ts";

export const maxCommentLength = 2000;
/** Latest ratings read to rank the worst questions (grouping happens on the normalised question, in code). */
const summaryRowCap = 20_000;

export interface FeedbackInput {
  messageId: string;
  rating: "POSITIVE" | "NEGATIVE";
  comment?: string | null;
  category?: Category | null;
}

/**
 * Ratings of answers: one per user and message (a second one replaces it),
 * stored with what was rated (question, SQL, spec, data source, semantic model
 * version) so it can be learned from after the model changes.
 */
export function createFeedbackService(services: Services) {
  const { prisma } = services;

  return {
    async submit(viewer: Viewer, input: FeedbackInput): Promise<{ feedback: Feedback; message: Message }> {
      const message = await prisma.message.findFirst({ where: { id: input.messageId, session: { userId: viewer.userId } }, include: { run: true } });
      if (!message) throw notFound("Message");
      if (message.role !== "ASSISTANT") throw badInput("Only answers can be rated, not questions.", { field: "messageId" });
      if (input.category && input.rating === "POSITIVE") throw badInput("A category says what went wrong: send it with a NEGATIVE rating.", { field: "category" });
      const comment = input.comment?.trim() || null;
      if (comment && comment.length > maxCommentLength) throw badInput(`The comment is longer than ${maxCommentLength} characters.`, { field: "comment" });

      const { run } = message;
      const question =
        run?.question ??
        (await prisma.message.findFirst({ where: { sessionId: message.sessionId, role: "USER", createdAt: { lte: message.createdAt } }, orderBy: { createdAt: "desc" } }))?.content ??
        message.content;
      const key = { messageId_userId: { messageId: message.id, userId: viewer.userId } };
      const previous = await prisma.feedback.findUnique({ where: key, select: { rating: true } });
      const rated = { rating: input.rating, comment, category: input.category ?? null };
      const feedback = await prisma.feedback.upsert({
        where: key,
        update: rated,
        create: {
          ...rated,
          messageId: message.id,
          userId: viewer.userId,
          runId: run?.id ?? null,
          question,
          sql: run?.sql ?? null,
          spec: run?.spec ?? undefined,
          dataSourceId: run?.dataSourceId ?? null,
          semanticModelVersion: run?.semanticModelVersion ?? null,
        },
      });
      // Learning is a side effect of the rating: the rating is stored even when it fails.
      await services.verified.learn(feedback, run, previous?.rating ?? null).catch((error: unknown) => services.log.warn({ err: error, feedbackId: feedback.id }, "learning from feedback failed"));
      const { run: _run, ...plain } = message;
      return { feedback, message: plain };
    },

    /** Counts by rating and category and the worst questions of one data source, for its owner or an admin. */
    async summary(viewer: Viewer, dataSourceId: string, period: FeedbackPeriod, worst: number, now = new Date()) {
      await services.dataSources.getWritable(viewer, dataSourceId);
      const since = periodStart(period, now);
      const where = { dataSourceId, ...(since ? { updatedAt: { gte: since } } : {}) };
      const groups = await prisma.feedback.groupBy({ by: ["rating", "category"], where, _count: { _all: true } });
      const rows = (await prisma.feedback.findMany({
        where,
        select: { rating: true, category: true, question: true, updatedAt: true },
        orderBy: { updatedAt: "desc" },
        take: summaryRowCap,
      })) as RatedRow[];
      const counts = groups.map((g) => ({ rating: g.rating, category: g.category as Category | null, count: g._count._all }));
      return { period, since, ...totals(counts), worstQuestions: worstQuestions(rows, worst) };
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
