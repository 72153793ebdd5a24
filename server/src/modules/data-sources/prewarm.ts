import { lexiconOf } from "../../engine/lexicon/build.ts";
import type { Services } from "../../services.ts";

/** At most this many data sources are opened ahead of their first question. */
const PREWARM_LIMIT = 5;

/**
 * Opens the shared data sources (the demo data on a fresh install) and reads their models
 * into the engine's lexicon in the background after start, so the first question does not
 * wait for an embedded database's worker to boot or for a lexicon to be built. Failures only
 * log: the question that needs the source will report them properly.
 */
export async function prewarmSharedSources(services: Pick<Services, "prisma" | "dataSources" | "semantic" | "log">): Promise<number> {
  const sources = await services.prisma.dataSource.findMany({
    where: { visibility: "SHARED", status: "READY" },
    orderBy: { updatedAt: "desc" },
    take: PREWARM_LIMIT,
  });
  // Every lexicon first (a fraction of a second each, on this thread), then the connections together
  // (an embedded source boots a worker thread): discovery reads every model of the first question.
  for (const source of sources) {
    const stored = await services.semantic.current(source.id).catch(() => null);
    if (stored) lexiconOf(stored.model);
  }
  const opened = await Promise.all(
    sources.map((source) =>
      services.dataSources
        .executorFor(source)
        .test()
        .then(() => true)
        .catch((error: unknown) => {
          services.log.debug({ err: error, dataSourceId: source.id }, "prewarming a data source failed");
          return false;
        }),
    ),
  );
  return opened.filter(Boolean).length;
}
