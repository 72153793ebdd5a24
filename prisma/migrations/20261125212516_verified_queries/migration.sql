-- CreateEnum
CREATE TYPE "VerifiedQueryStatus" AS ENUM ('CANDIDATE', 'VERIFIED', 'FLAGGED', 'REJECTED');

-- CreateTable
CREATE TABLE "VerifiedQuery" (
    "id" UUID NOT NULL,
    "dataSourceId" UUID NOT NULL,
    "status" "VerifiedQueryStatus" NOT NULL DEFAULT 'CANDIDATE',
    "question" TEXT NOT NULL,
    "normalizedQuestion" TEXT NOT NULL,
    "sql" TEXT NOT NULL,
    "spec" JSONB,
    "note" TEXT,
    "sourceFeedbackId" UUID,
    "sourceRunId" UUID,
    "createdById" UUID,
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),
    "flaggedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VerifiedQuery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VerifiedQuery_dataSourceId_status_createdAt_idx" ON "VerifiedQuery"("dataSourceId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "VerifiedQuery_dataSourceId_normalizedQuestion_idx" ON "VerifiedQuery"("dataSourceId", "normalizedQuestion");

-- AddForeignKey
ALTER TABLE "VerifiedQuery" ADD CONSTRAINT "VerifiedQuery_dataSourceId_fkey" FOREIGN KEY ("dataSourceId") REFERENCES "DataSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerifiedQuery" ADD CONSTRAINT "VerifiedQuery_sourceFeedbackId_fkey" FOREIGN KEY ("sourceFeedbackId") REFERENCES "Feedback"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerifiedQuery" ADD CONSTRAINT "VerifiedQuery_sourceRunId_fkey" FOREIGN KEY ("sourceRunId") REFERENCES "QueryRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerifiedQuery" ADD CONSTRAINT "VerifiedQuery_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerifiedQuery" ADD CONSTRAINT "VerifiedQuery_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
