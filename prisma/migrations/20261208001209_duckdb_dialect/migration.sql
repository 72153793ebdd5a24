-- AlterEnum
ALTER TYPE "Dialect" ADD VALUE 'DUCKDB';
