import { demoDatasets } from "../demo/catalogue.ts";
import type { SemanticModel } from "../semantic/types.ts";

export interface Overview {
  content: string;
  tables: { name: string; label: string; rows: number }[];
  examples: string[];
}

/** Questions that work on this model, for a newcomer who just picked it. */
function exampleQuestions(model: SemanticModel): string[] {
  const entities = [...model.entities].filter((e) => !e.bridge).sort((a, b) => b.rowCount - a.rowCount);
  const out: string[] = [];
  const metric = model.metrics[0];
  const metricEntity = metric ? model.entities.find((e) => e.name === metric.entity) : undefined;
  if (metric) out.push(`What is the total ${metric.label.toLowerCase()}?`);
  if (metric && metricEntity?.defaultTimeField) out.push(`${metric.label} by month`);
  for (const entity of entities.slice(0, 3)) {
    out.push(`How many ${entity.label.toLowerCase()} are there?`);
    const dimension = entity.fields.find((f) => f.role === "dimension" && (f.values?.length ?? 0) > 1 && (f.values?.length ?? 0) <= 12);
    if (dimension) out.push(`${entity.label} by ${dimension.label.toLowerCase()}`);
  }
  return [...new Set(out)].slice(0, 5);
}

/** What a data source holds and what to ask it, after "Show me … data" and a pick. */
export function overviewOf(name: string, isDemo: boolean, model: SemanticModel): Overview {
  const tables = model.entities
    .filter((e) => !e.bridge)
    .sort((a, b) => b.rowCount - a.rowCount)
    .map((e) => ({ name: e.name, label: e.label, rows: e.rowCount }));
  const demo = isDemo ? demoDatasets.find((d) => d.name === name) : undefined;
  const examples = demo ? demo.exampleQuestions.slice(0, 5) : exampleQuestions(model);
  const listed = tables.slice(0, 6).map((t) => t.label.toLowerCase());
  const more = tables.length > listed.length ? ` and ${tables.length - listed.length} more` : "";
  return {
    content: `Using “${name}”: ${listed.join(", ")}${more}. Try: ${examples.map((q) => `“${q}”`).join(", ")}.`,
    tables,
    examples,
  };
}
