import type { DataSource } from "../../generated/prisma/client.ts";
import type { Viewer } from "../../graphql/context.ts";
import { clearWinner, rankDataSources, type Candidate } from "../../modules/discovery/rank.ts";
import type { Services } from "../../services.ts";
import { NeedsInput, RunFailure } from "../stage.ts";

export interface DiscoveryResult {
  dataSource: DataSource;
  candidates: Candidate[];
  /** Why this source: chosen by the user, the session's, or discovered. */
  how: "explicit" | "session" | "discovered" | "only";
}

/**
 * Picks the data source for a question: the one named by the caller, else the
 * session's (unless the question clearly belongs to another one), else the
 * clear winner of discovery. No clear winner: the run waits for the user's pick.
 */
export async function discover(
  services: Services,
  viewer: Viewer,
  question: string,
  chosen: { explicitId: string | null; sessionSourceId: string | null; browsing: boolean },
): Promise<DiscoveryResult> {
  if (chosen.explicitId) {
    return { dataSource: await services.dataSources.get(viewer, chosen.explicitId), candidates: [], how: "explicit" };
  }
  const readable = await services.discovery.readable(viewer);
  if (readable.length === 0) {
    throw new RunFailure("NO_DATA_SOURCES", "There is no data source to ask yet.", "Add a data source (Data sources → Add), or ask an administrator to share one.");
  }
  const candidates = rankDataSources(
    question,
    readable.map(({ source, model }) => ({ id: source.id, name: source.name, description: source.description, model })),
  );
  const byId = new Map(readable.map(({ source }) => [source.id, source]));
  const current = chosen.sessionSourceId ? byId.get(chosen.sessionSourceId) : undefined;
  const winner = clearWinner(candidates);
  if (chosen.browsing) {
    // "Show me sales data": the user wants to see what there is and choose.
    throw new NeedsInput("DISCOVERY", "Here is the data I can use. Which one do you want?", {
      candidates: orderForChoice(candidates, readable.map(({ source }) => source)).map((c) => ({ ...c, description: byId.get(c.id)?.description ?? "" })),
    });
  }
  if (current) {
    // Stay with the conversation's source unless the question matches nothing there and clearly another one.
    const here = candidates.find((c) => c.id === current.id);
    if (!here && winner && winner.id !== current.id) return { dataSource: byId.get(winner.id)!, candidates, how: "discovered" };
    return { dataSource: current, candidates, how: "session" };
  }
  if (readable.length === 1) return { dataSource: readable[0]!.source, candidates, how: "only" };
  if (winner) return { dataSource: byId.get(winner.id)!, candidates, how: "discovered" };
  throw new NeedsInput("DISCOVERY", "Which data should I use for this question?", {
    candidates: orderForChoice(candidates, readable.map(({ source }) => source)).map((c) => ({ ...c, description: byId.get(c.id)?.description ?? "" })),
  });
}

/** Matching sources first (best first), then the others, at most five. */
function orderForChoice(candidates: Candidate[], sources: DataSource[]): Candidate[] {
  const matched = new Set(candidates.map((c) => c.id));
  const rest = sources.filter((s) => !matched.has(s.id)).map((s) => ({ id: s.id, name: s.name, score: 0, matched: [], reason: "" }));
  return [...candidates, ...rest].slice(0, 5);
}
