import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../engine/compile/compile.ts";
import type { QuerySpec } from "../engine/spec.ts";
import { bootstrapSemanticModel } from "../semantic/bootstrap.ts";
import type { SemanticModel } from "../semantic/types.ts";
import type { QueryResult } from "../sql/executor/executor.ts";
import { PostgresExecutor } from "../sql/executor/postgres-executor.ts";
import { guardSql } from "../sql/guard/guard.ts";
import { introspectPostgres } from "../sql/introspect/postgres.ts";
import { datasetDumpPath, type SharedDataset } from "../testing/datasets.ts";
import { createTestDatabase, type TestDatabase } from "../testing/postgres.ts";
import { chooseChart } from "./chart.ts";
import { suggestFollowUps } from "./suggest.ts";
import { spec } from "./testing.ts";
import type { ChartType, Suggestion } from "./types.ts";

/**
 * Charts and suggestions on real results: the sample databases loaded into
 * PostgreSQL, models bootstrapped with no hand configuration, specs compiled
 * by the engine and run through the executor; every suggestion must run too.
 */
interface Loaded {
  database: TestDatabase;
  model: SemanticModel;
  executor: PostgresExecutor;
}

async function load(name: SharedDataset): Promise<Loaded> {
  const database = await createTestDatabase(`insights${name}`);
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  try {
    await pool.query(await readFile(datasetDumpPath(name), "utf8"));
    await pool.query("ANALYZE");
    const model = bootstrapSemanticModel(await introspectPostgres(pool));
    return { database, model, executor: new PostgresExecutor({ connectionUrl: database.url }) };
  } finally {
    await pool.end();
  }
}

async function run(loaded: Loaded, s: QuerySpec): Promise<QueryResult> {
  const guarded = await guardSql(compile(s, loaded.model).sql, { allowedSchemas: ["public"] });
  return loaded.executor.run(guarded, { timeoutMs: 10_000, maxRows: 5_000 });
}

const total = (r: QueryResult, column: string) => {
  const i = r.columns.findIndex((c) => c.name === column);
  return r.rows.reduce((sum: number, row) => sum + Number(row[i]), 0);
};

/** Charts a spec's result, then runs every suggestion; returns both for case-specific checks. */
async function answer(loaded: Loaded, s: QuerySpec, expected: ChartType) {
  const result = await run(loaded, s);
  const chart = chooseChart({ spec: s, model: loaded.model, columns: result.columns, rows: result.rows });
  expect(chart.type).toBe(expected);
  const suggestions = suggestFollowUps({ spec: s, model: loaded.model, columns: result.columns, rows: result.rows });
  expect(suggestions.length).toBeGreaterThanOrEqual(3);
  const results = new Map<Suggestion, QueryResult>();
  for (const suggestion of suggestions) results.set(suggestion, await run(loaded, suggestion.spec));
  return { result, chart, suggestions, results };
}

/** A whole year inside a time field's data, for range filters that find rows. */
function yearRange(model: SemanticModel, entity: string, field: string) {
  const min = model.entities.find((e) => e.name === entity)!.fields.find((f) => f.name === field)!.min!;
  const year = Number(min.slice(0, 4)) + 1;
  return { kind: "range", field: { entity, field }, from: `${year}-01-01`, to: `${year + 1}-01-01`, label: String(year) } as const;
}

describe.each(["chinook", "northwind"] as const)("charts and suggestions on %s", (name) => {
  let loaded: Loaded;
  beforeAll(async () => {
    loaded = await load(name);
  });
  afterAll(async () => {
    await loaded?.executor.close();
    await loaded?.database.drop();
  });

  const names = {
    chinook: { header: "invoice", time: "invoice_date", category: "genre", people: "customer" },
    northwind: { header: "orders", time: "order_date", category: "categories", people: "customers" },
  }[name];

  it("counts headers as a KPI, and each breakdown adds up to the same total", async () => {
    const s = spec(names.header, { measures: [{ kind: "count", entity: names.header }] });
    const { result, suggestions, results } = await answer(loaded, s, "kpi");
    const count = Number(result.rows[0]![0]);
    const splits = suggestions.filter((x) => x.kind === "breakdown" || x.kind === "trend");
    expect(splits.length).toBeGreaterThanOrEqual(2);
    for (const suggestion of splits) {
      expect(total(results.get(suggestion)!, "count"), suggestion.label).toBe(count);
    }
  });

  it("charts revenue by category, and the leading category's trend keeps its revenue", async () => {
    const revenue = loaded.model.metrics[0]!;
    const s = spec(revenue.entity, { measures: [{ kind: "metric", metric: revenue.name }], dimensions: [{ kind: "entity", entity: names.category }], order: [{ by: { kind: "measure", index: 0 }, dir: "desc" }] });
    const { result, chart, suggestions, results } = await answer(loaded, s, "bar");
    expect(chart.y[0]).toMatchObject({ column: revenue.name, format: "currency" });
    const top = suggestions.find((x) => x.kind === "filter_top")!;
    expect(top.label.startsWith(`Only ${result.rows[0]![1]}`)).toBe(true);
    expect(total(results.get(top)!, revenue.name)).toBeCloseTo(Number(result.rows[0]![2]), 2);
  });

  it("draws headers per month as a line and offers another grain", async () => {
    const s = spec(names.header, { measures: [{ kind: "count", entity: names.header }], dimensions: [{ kind: "field", field: { entity: names.header, field: names.time }, grain: "month" }], order: [{ by: { kind: "dimension", index: 0 }, dir: "asc" }] });
    const { chart, suggestions } = await answer(loaded, s, "line");
    expect(chart.x?.timeGrain).toBe("month");
    expect(suggestions.map((x) => x.kind)).toContain("time_grain");
  });

  it("compares a year with the one before", async () => {
    const s = spec(names.header, { measures: [{ kind: "count", entity: names.header }], filters: [yearRange(loaded.model, names.header, names.time)] });
    const { result, suggestions, results } = await answer(loaded, s, "kpi");
    const compare = suggestions.find((x) => x.kind === "compare_period")!;
    const rows = results.get(compare)!;
    expect(rows.rows.length).toBe(2);
    expect(Number(rows.rows[1]![rows.columns.findIndex((c) => c.name === "count")])).toBe(Number(result.rows[0]![0]));
  });

  it("lists people as a table and suggests counting them", async () => {
    const { result, suggestions, results } = await answer(loaded, spec(names.people), "table");
    const count = suggestions.find((x) => x.kind === "measure")!;
    expect(Number(results.get(count)!.rows[0]![0])).toBe(result.rows.length);
  });
});
