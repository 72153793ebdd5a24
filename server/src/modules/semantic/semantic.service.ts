import { LRUCache } from "lru-cache";
import { cached, type Cache } from "../../infra/cache.ts";
import type { Prisma } from "../../infra/db/database.ts";
import type { Prisma as PrismaTypes } from "../../generated/prisma/client.ts";
import type { SemanticModel } from "../../semantic/types.ts";
import { parseSemanticModel } from "../../semantic/validate.ts";

const cacheTtlSeconds = 3600;
const versionKey = (dataSourceId: string) => `semantic-version:${dataSourceId}`;

export interface StoredModel {
  dataSourceId: string;
  version: number;
  model: SemanticModel;
}

/**
 * Versioned semantic models: every edit or refresh stores a new version (old
 * ones stay for history and for feedback that refers to them). Which version
 * is current is read through the cache (Redis when configured; dropped on
 * every save); the models themselves are kept parsed in this process, by
 * version, since a stored version never changes. Every question reads the
 * model, so it must not cost a fetch and a parse of the whole JSON each time.
 */
export function createSemanticService({ prisma, cache }: { prisma: Prisma; cache: Cache }) {
  const parsed = new LRUCache<string, StoredModel>({ max: 200 });

  async function load(dataSourceId: string, version: number): Promise<StoredModel | null> {
    const key = `${dataSourceId}@${version}`;
    const hit = parsed.get(key);
    if (hit) return hit;
    const row = await prisma.semanticModel.findUnique({ where: { dataSourceId_version: { dataSourceId, version } } });
    if (!row) return null;
    const stored = { dataSourceId, version: row.version, model: parseSemanticModel(row.model) };
    parsed.set(key, stored);
    return stored;
  }

  async function currentVersion(dataSourceId: string): Promise<number> {
    return cached(cache, versionKey(dataSourceId), cacheTtlSeconds, async () => {
      const last = await prisma.semanticModel.findFirst({ where: { dataSourceId }, orderBy: { version: "desc" }, select: { version: true } });
      return last?.version ?? 0;
    });
  }

  return {
    async current(dataSourceId: string): Promise<StoredModel | null> {
      const version = await currentVersion(dataSourceId);
      return version ? load(dataSourceId, version) : null;
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
      await cache.delete(versionKey(dataSourceId));
      return { dataSourceId, version, model: stored };
    },

    invalidate(dataSourceId: string) {
      return cache.delete(versionKey(dataSourceId));
    },
  };
}

export type SemanticService = ReturnType<typeof createSemanticService>;
