import { cached, type Cache } from "../../infra/cache.ts";
import type { Prisma } from "../../infra/db/database.ts";
import type { Prisma as PrismaTypes } from "../../generated/prisma/client.ts";
import type { SemanticModel } from "../../semantic/types.ts";
import { parseSemanticModel } from "../../semantic/validate.ts";

const cacheTtlSeconds = 3600;
const cacheKey = (dataSourceId: string) => `semantic:${dataSourceId}`;

export interface StoredModel {
  dataSourceId: string;
  version: number;
  model: SemanticModel;
}

/**
 * Versioned semantic models: every edit or refresh stores a new version (old
 * ones stay for history and for feedback that refers to them). The current
 * version is read through the cache (Redis when configured) and the cache entry
 * is dropped on every save.
 */
export function createSemanticService({ prisma, cache }: { prisma: Prisma; cache: Cache }) {
  async function load(dataSourceId: string, version?: number): Promise<StoredModel | null> {
    const row = await prisma.semanticModel.findFirst({
      where: { dataSourceId, ...(version ? { version } : {}) },
      orderBy: { version: "desc" },
    });
    return row ? { dataSourceId, version: row.version, model: parseSemanticModel(row.model) } : null;
  }

  return {
    current(dataSourceId: string): Promise<StoredModel | null> {
      return cached(cache, cacheKey(dataSourceId), cacheTtlSeconds, () => load(dataSourceId));
    },

    version(dataSourceId: string, version: number) {
      return load(dataSourceId, version);
    },

    async history(dataSourceId: string) {
      return prisma.semanticModel.findMany({
        where: { dataSourceId },
        orderBy: { version: "desc" },
        select: { version: true, note: true, createdAt: true, createdById: true },
      });
    },

    /**
     * Stores `model` as the next version. `tx` lets callers save a model in
     * the same transaction as the data source it belongs to.
     */
    async save(
      dataSourceId: string,
      model: SemanticModel,
      meta: { note: string; userId: string | null },
      tx: Pick<Prisma, "semanticModel"> = prisma,
    ): Promise<StoredModel> {
      const last = await tx.semanticModel.findFirst({ where: { dataSourceId }, orderBy: { version: "desc" }, select: { version: true } });
      const version = (last?.version ?? 0) + 1;
      const stored = { ...model, version };
      await tx.semanticModel.create({
        data: { dataSourceId, version, model: stored as unknown as PrismaTypes.InputJsonValue, note: meta.note, createdById: meta.userId },
      });
      await cache.delete(cacheKey(dataSourceId));
      return { dataSourceId, version, model: stored };
    },

    invalidate(dataSourceId: string) {
      return cache.delete(cacheKey(dataSourceId));
    },
  };
}

export type SemanticService = ReturnType<typeof createSemanticService>;
