-- AlterEnum
ALTER TYPE "RunStatus" ADD VALUE 'REPLIED';
