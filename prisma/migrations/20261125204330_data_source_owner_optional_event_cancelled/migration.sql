-- AlterEnum
ALTER TYPE "EventStatus" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "DataSource" ALTER COLUMN "ownerId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "DataSource_ownerId_updatedAt_idx" ON "DataSource"("ownerId", "updatedAt");
