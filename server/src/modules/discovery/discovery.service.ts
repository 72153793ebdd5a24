import type { Viewer } from "../../graphql/context.ts";
import type { Prisma } from "../../infra/db/database.ts";
import type { DataSourceService } from "../data-sources/data-sources.service.ts";
import type { SemanticService } from "../semantic/semantic.service.ts";
import { rankDataSources } from "./rank.ts";

export function createDiscoveryService({ prisma, dataSources, semantic }: { prisma: Prisma; dataSources: DataSourceService; semantic: SemanticService }) {
  /** Data sources the viewer can ask (ready, or reachable again soon), with their current semantic models. */
  async function readable(viewer: Viewer) {
    const sources = await prisma.dataSource.findMany({
      where: { AND: [dataSources.readableWhere(viewer), { status: { in: ["READY", "UNREACHABLE"] } }] },
      orderBy: { name: "asc" },
    });
    const models = await Promise.all(sources.map((s) => semantic.current(s.id)));
    return sources.flatMap((source, i) => (models[i] ? [{ source, model: models[i]!.model }] : []));
  }

  return {
    readable,
    async rank(viewer: Viewer, question: string) {
      const sources = await readable(viewer);
      const byId = new Map(sources.map(({ source }) => [source.id, source]));
      return rankDataSources(
        question,
        sources.map(({ source, model }) => ({ id: source.id, name: source.name, description: source.description, model })),
      ).map((c) => ({ ...c, description: byId.get(c.id)?.description ?? "" }));
    },
  };
}

export type DiscoveryService = ReturnType<typeof createDiscoveryService>;
