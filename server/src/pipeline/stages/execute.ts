import type { Config } from "../../config.ts";
import type { DataSource } from "../../generated/prisma/client.ts";
import type { Services } from "../../services.ts";
import { isSqlSandboxError } from "../../sql/errors.ts";
import type { QueryResult } from "../../sql/executor/executor.ts";
import type { GuardedSql } from "../../sql/guard/guard.ts";

const unreachable = new Set(["DATA_SOURCE_UNREACHABLE", "DATA_SOURCE_AUTH_FAILED", "DATA_SOURCE_NOT_FOUND"]);

/**
 * Runs guarded SQL on the data source with the configured limits. A source
 * that cannot be reached is marked so (it shows in the data source list) and
 * marked ready again on the next success.
 */
export async function executeSql(
  services: Services,
  config: Pick<Config, "queryTimeoutMs" | "maxResultRows" | "maxResultBytes" | "maxRowBytes" | "maxValueBytes">,
  source: DataSource,
  guarded: GuardedSql,
  signal: AbortSignal,
): Promise<QueryResult> {
  try {
    const result = await services.dataSources.executorFor(source).run(guarded, {
      timeoutMs: config.queryTimeoutMs,
      maxRows: config.maxResultRows,
      maxBytes: config.maxResultBytes,
      maxRowBytes: config.maxRowBytes,
      maxValueBytes: config.maxValueBytes,
      signal,
    });
    if (source.status !== "READY") {
      await services.prisma.dataSource.update({ where: { id: source.id }, data: { status: "READY", statusMessage: null } });
    }
    return result;
  } catch (error) {
    if (isSqlSandboxError(error) && unreachable.has(error.code)) {
      await services.prisma.dataSource
        .update({ where: { id: source.id }, data: { status: "UNREACHABLE", statusMessage: `${error.code}: ${error.message}`.slice(0, 500) } })
        .catch(() => {});
    }
    throw error;
  }
}
