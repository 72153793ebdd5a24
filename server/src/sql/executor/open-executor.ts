import type { SqlExecutor } from "./executor.ts";
import { PgliteExecutor, type PgliteExecutorOptions } from "./pglite/pglite-executor.ts";
import { PostgresExecutor, type PostgresExecutorOptions } from "./postgres-executor.ts";

/** How to reach a data source: a PostgreSQL server, or an embedded PGlite database. */
export type ExecutorSpec = ({ dialect: "postgres" } & PostgresExecutorOptions) | ({ dialect: "pglite" } & PgliteExecutorOptions);

/** The one place that picks an executor for a data source; new dialects plug in here. */
export function openExecutor(spec: ExecutorSpec): SqlExecutor {
  switch (spec.dialect) {
    case "postgres":
      return new PostgresExecutor(spec);
    case "pglite":
      return new PgliteExecutor(spec);
  }
}
