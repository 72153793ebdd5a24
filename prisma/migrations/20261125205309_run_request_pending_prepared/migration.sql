-- AlterEnum
ALTER TYPE "RunEngine" ADD VALUE 'PREPARED';

-- AlterTable
ALTER TABLE "QueryRun" ADD COLUMN     "pending" JSONB,
ADD COLUMN     "request" JSONB;
