import { AppError, badInput, notFound } from "../../errors.ts";
import type { Feedback, Prisma as PrismaTypes, QueryRun, VerifiedQuery } from "../../generated/prisma/client.ts";
import type { FeedbackCategory, Rating } from "../../generated/prisma/enums.ts";
import { normalizeQuestion } from "../../engine/verified.ts";
import type { Viewer } from "../../graphql/context.ts";
import type { RunRequest } from "../../pipeline/execute-run.ts";
import { validateModelSql } from "../../pipeline/stages/model-sql.ts";
import type { Services } from "../../services.ts";
import { createSemanticEditor } from "../semantic/semantic-editor.ts";

export const verifiedErrorCodes = {
  VERIFIED_QUERY_DUPLICATE: "Another verified query already answers the same question.",
};

/** Ratings down that say the SQL or its reading was wrong (a slow answer or a poor chart can have the right SQL). */
const wrongAnswer = new Set<FeedbackCategory | null>([null, "WRONG_RESULT", "MISUNDERSTOOD", "SQL_ERROR", "OTHER"]);

const maxQuestionLength = 2000;
const maxSqlLength = 20_000;

/** Whether the row's SQL is in the semantic model, answering its question: verified, or verified then flagged. */
export const isLive = (row: Pick<VerifiedQuery, "status" | "verifiedAt">) => row.status === "VERIFIED" || (row.status === "FLAGGED" && row.verifiedAt !== null);

/**
 * The review queue of the learning loop. Rated answers become candidates (or
 * flagged ones); the data source's owner or an admin edits, promotes or
 * rejects them. Promoting writes the query into the semantic model (a new
 * version, through the semantic editor): the engine answers the question with
 * it and the model prompt shows it as an example.
 */
export function createVerifiedService(services: Services) {
  const { prisma } = services;
  const editor = createSemanticEditor(services);

  /** A row the viewer may review: NOT_FOUND when missing or not theirs to see, FORBIDDEN when they may only read the source. */
  async function reviewable(viewer: Viewer, id: string): Promise<VerifiedQuery> {
    const row = await prisma.verifiedQuery.findUnique({ where: { id } });
    if (!row) throw notFound("Verified query");
    await services.dataSources.getWritable(viewer, row.dataSourceId).catch((error: unknown) => {
      throw (error as { code?: string }).code === "FORBIDDEN" ? error : notFound("Verified query");
    });
    return row;
  }

  async function assertNoOtherLive(row: Pick<VerifiedQuery, "id" | "dataSourceId">, normalized: string) {
    const other = await prisma.verifiedQuery.findFirst({
      where: { dataSourceId: row.dataSourceId, normalizedQuestion: normalized, id: { not: row.id }, OR: [{ status: "VERIFIED" }, { status: "FLAGGED", verifiedAt: { not: null } }] },
    });
    if (other) {
      throw new AppError("VERIFIED_QUERY_DUPLICATE", `“${other.question}” is already verified for this question.`, {
        hint: "Reject or edit the other verified query first.",
        details: { otherQuestion: other.question },
      });
    }
  }

  async function inModel(dataSourceId: string, normalized: string): Promise<boolean> {
    const stored = await services.semantic.current(dataSourceId);
    return !!stored?.model.verifiedQueries.some((v) => normalizeQuestion(v.question) === normalized);
  }

  async function checkSql(viewer: Viewer, dataSourceId: string, sql: string): Promise<void> {
    const source = await services.dataSources.get(viewer, dataSourceId);
    const verdict = await validateModelSql(services, source, sql, AbortSignal.timeout(15_000));
    if (!verdict.ok) throw new AppError(verdict.code, verdict.error, { hint: "Fix the SQL: it must be one read-only SELECT over this data source's tables." });
  }

  return {
    /** Where clause of the rows the viewer may review on one data source. */
    async listWhere(viewer: Viewer, dataSourceId: string, status: VerifiedQuery["status"] | null): Promise<PrismaTypes.VerifiedQueryWhereInput> {
      await services.dataSources.getWritable(viewer, dataSourceId);
      return { dataSourceId, ...(status ? { status } : {}) };
    },

    reviewable,

    /** Edits the question, SQL or note; the SQL passes the guard and EXPLAIN. A live query is rewritten in the model too. */
    async update(viewer: Viewer, id: string, patch: { question?: string | null; sql?: string | null; note?: string | null }): Promise<VerifiedQuery> {
      const row = await reviewable(viewer, id);
      const question = patch.question?.trim() || row.question;
      const normalized = normalizeQuestion(question);
      if (!normalized) throw badInput("The question has no words.", { field: "question" });
      if (question.length > maxQuestionLength) throw badInput(`The question is longer than ${maxQuestionLength} characters.`, { field: "question" });
      const sql = patch.sql?.trim() || row.sql;
      if (sql.length > maxSqlLength) throw badInput(`The SQL is longer than ${maxSqlLength} characters.`, { field: "sql" });
      if (sql !== row.sql) await checkSql(viewer, row.dataSourceId, sql);
      const note = patch.note === undefined ? row.note : patch.note?.trim() || null;
      if (isLive(row)) {
        if (normalized !== row.normalizedQuestion) await assertNoOtherLive(row, normalized);
        await editor.upsertVerifiedQuery(viewer, row.dataSourceId, { question, sql, note }, {});
        if (normalized !== row.normalizedQuestion && (await inModel(row.dataSourceId, row.normalizedQuestion))) {
          await editor.deleteVerifiedQuery(viewer, row.dataSourceId, row.question, {});
        }
      }
      return prisma.verifiedQuery.update({ where: { id }, data: { question, normalizedQuestion: normalized, sql, note } });
    },

    /** Verified: written into the semantic model, so the same question is answered with this SQL from now on. */
    async promote(viewer: Viewer, id: string): Promise<VerifiedQuery> {
      const row = await reviewable(viewer, id);
      if (row.status === "VERIFIED") return row;
      await assertNoOtherLive(row, row.normalizedQuestion);
      await editor.upsertVerifiedQuery(viewer, row.dataSourceId, { question: row.question, sql: row.sql, note: row.note }, {});
      const now = new Date();
      return prisma.verifiedQuery.update({
        where: { id },
        data: { status: "VERIFIED", verifiedAt: row.verifiedAt ?? now, reviewedAt: now, reviewedById: viewer.userId, flaggedAt: null },
      });
    },

    /** Rejected: taken out of the semantic model when it was in it. */
    async reject(viewer: Viewer, id: string, note: string | null): Promise<VerifiedQuery> {
      const row = await reviewable(viewer, id);
      if (isLive(row) && (await inModel(row.dataSourceId, row.normalizedQuestion))) {
        await editor.deleteVerifiedQuery(viewer, row.dataSourceId, row.question, {});
      }
      return prisma.verifiedQuery.update({
        where: { id },
        data: { status: "REJECTED", verifiedAt: null, reviewedAt: new Date(), reviewedById: viewer.userId, ...(note?.trim() ? { note: note.trim() } : {}) },
      });
    },

    /**
     * What a rating teaches: a good answer becomes a candidate; a wrong one
     * is flagged for a fix, and so is the verified query that gave it. A
     * rating changed from good to bad withdraws the candidate it made.
     */
    async learn(feedback: Feedback, run: QueryRun | null, previous: Rating | null): Promise<void> {
      if (!run || run.status !== "SUCCEEDED" || !run.sql || !run.dataSourceId) return;
      // A refinement's question is generated ("… — first 10 rows"); nobody asks it that way.
      if ((run.request as RunRequest | null)?.kind === "refinement") return;
      const normalized = normalizeQuestion(run.question);
      if (!normalized) return;
      const where = { dataSourceId: run.dataSourceId, normalizedQuestion: normalized };
      const now = new Date();

      if (feedback.rating === "POSITIVE") {
        if (run.engine === "VERIFIED") return;
        const known = await prisma.verifiedQuery.findFirst({ where: { ...where, sql: run.sql } });
        if (known) return;
        await prisma.verifiedQuery.create({
          data: {
            ...where,
            question: run.question,
            sql: run.sql,
            spec: run.spec ?? undefined,
            sourceFeedbackId: feedback.id,
            sourceRunId: run.id,
            createdById: feedback.userId,
          },
        });
        return;
      }

      if (previous === "POSITIVE") await prisma.verifiedQuery.deleteMany({ where: { sourceFeedbackId: feedback.id, status: "CANDIDATE" } });
      if (!wrongAnswer.has(feedback.category)) return;
      if (run.engine === "VERIFIED") {
        const live = await prisma.verifiedQuery.findFirst({ where: { ...where, OR: [{ status: "VERIFIED" }, { status: "FLAGGED", verifiedAt: { not: null } }] } });
        if (live) {
          if (live.status === "VERIFIED") await prisma.verifiedQuery.update({ where: { id: live.id }, data: { status: "FLAGGED", flaggedAt: now } });
          return;
        }
        // Verified in the model by hand (not through this queue): queue it for review, still live.
        await prisma.verifiedQuery.create({
          data: { ...where, question: run.question, sql: run.sql, status: "FLAGGED", verifiedAt: now, flaggedAt: now, sourceFeedbackId: feedback.id, sourceRunId: run.id, createdById: feedback.userId },
        });
        return;
      }
      const known = await prisma.verifiedQuery.findFirst({ where: { ...where, sql: run.sql } });
      if (known) {
        if (known.status === "CANDIDATE" || known.status === "VERIFIED") await prisma.verifiedQuery.update({ where: { id: known.id }, data: { status: "FLAGGED", flaggedAt: now } });
        return;
      }
      await prisma.verifiedQuery.create({
        data: { ...where, question: run.question, sql: run.sql, spec: run.spec ?? undefined, status: "FLAGGED", flaggedAt: now, sourceFeedbackId: feedback.id, sourceRunId: run.id, createdById: feedback.userId },
      });
    },
  };
}

export type VerifiedService = ReturnType<typeof createVerifiedService>;
