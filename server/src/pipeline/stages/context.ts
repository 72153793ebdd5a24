import type { DataSource } from "../../generated/prisma/client.ts";
import type { ConversationState } from "../../engine/state.ts";
import type { SemanticModel } from "../../semantic/types.ts";
import type { Services } from "../../services.ts";
import { RunFailure } from "../stage.ts";
import type { SessionContext } from "../session-context.ts";

export interface AnswerContext {
  model: SemanticModel;
  modelVersion: number;
  /** The conversation so far on this data source (empty when the source changed). */
  state: ConversationState | null;
}

export async function loadContext(services: Services, dataSource: DataSource, session: SessionContext): Promise<AnswerContext> {
  const stored = await services.semantic.current(dataSource.id);
  if (!stored) {
    throw new RunFailure("SEMANTIC_MODEL_MISSING", `"${dataSource.name}" has not been read yet.`, "Refresh the data source, then ask again.");
  }
  const state = session.dataSourceId === dataSource.id ? session.engine ?? null : null;
  return { model: stored.model, modelVersion: stored.version, state };
}
