import type { DataSource } from "../../generated/prisma/client.ts";
import type { QuerySpec } from "../../engine/spec.ts";
import type { EmptyProbe } from "../../insights/why-empty.ts";
import type { SemanticModel } from "../../semantic/types.ts";
import type { Services } from "../../services.ts";
import { compileSpec } from "./compile.ts";
import { executeSql } from "./execute.ts";

const text = (value: unknown) => (value instanceof Date ? value.toISOString() : value === null || value === undefined ? null : String(value));

/** The counts and date bounds that explain an empty answer, run like any other query of the source (guarded, with its limits). */
export function emptyProbe(
  services: Services,
  config: Parameters<typeof executeSql>[1],
  source: DataSource,
  model: SemanticModel,
  signal: AbortSignal,
): EmptyProbe {
  const firstRow = async (spec: QuerySpec) => {
    const compiled = await compileSpec(spec, model, source);
    const result = await executeSql(services, config, source, compiled.guarded, signal);
    return result.rows[0] ?? null;
  };
  return {
    async count(spec) {
      const row = await firstRow(spec);
      return row ? Number(row[0]) : 0;
    },
    async bounds(spec, field) {
      const row = await firstRow({ ...spec, measures: [{ kind: "field", agg: "min", field }, { kind: "field", agg: "max", field }] });
      const min = text(row?.[0]);
      const max = text(row?.[1]);
      return min && max ? { min, max } : null;
    },
  };
}
