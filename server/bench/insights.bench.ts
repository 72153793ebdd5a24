/**
 * Figures for the visualize and suggest stages on typical results.
 * Run: `cd server && npx tsx bench/insights.bench.ts`
 */
import { performance } from "node:perf_hooks";
import { chooseChart } from "../src/insights/chart.ts";
import { suggestFollowUps, type SuggestInput } from "../src/insights/suggest.ts";
import { col, COUNT_ORDERS, monthStart, ORDERED_AT, REVENUE, shopModel, spec } from "../src/insights/testing.ts";

const model = shopModel();
const byMonth = { kind: "field", field: ORDERED_AT, grain: "month" } as const;
const byStatus = { kind: "field", field: { entity: "sales_orders", field: "status" } } as const;
const byClient = { kind: "entity", entity: "clients" } as const;
const year = { kind: "range", field: ORDERED_AT, from: "2023-01-01", to: "2024-01-01", label: "2023" } as const;

const cases: { name: string; input: SuggestInput }[] = [
  { name: "KPI (1 row)", input: { spec: spec("order_lines", { measures: [REVENUE] }), model, columns: [col("revenue", "decimal")], rows: [["1234.50"]] } },
  {
    name: "pie (3 rows)",
    input: { spec: spec("sales_orders", { measures: [COUNT_ORDERS], dimensions: [byStatus] }), model, columns: [col("status", "text"), col("count", "bigint")], rows: [["shipped", 300], ["open", 80], ["cancelled", 20]] },
  },
  {
    name: "line (24 months)",
    input: {
      spec: spec("order_lines", { measures: [REVENUE], dimensions: [byMonth], filters: [year] }),
      model,
      columns: [col("month", "date"), col("revenue", "decimal")],
      rows: Array.from({ length: 24 }, (_, i) => [monthStart(i), String(100 + i)]),
    },
  },
  {
    name: "bar (50 clients)",
    input: {
      spec: spec("order_lines", { measures: [REVENUE], dimensions: [byClient] }),
      model,
      columns: [col("client_id", "integer"), col("full_name", "text"), col("revenue", "decimal")],
      rows: Array.from({ length: 50 }, (_, i) => [i, `Client ${i}`, String(i * 3.5)]),
    },
  },
  {
    name: "table (500 clients)",
    input: {
      spec: spec("order_lines", { measures: [REVENUE], dimensions: [byClient] }),
      model,
      columns: [col("client_id", "integer"), col("full_name", "text"), col("revenue", "decimal")],
      rows: Array.from({ length: 500 }, (_, i) => [i, `Client ${i}`, String(i * 3.5)]),
    },
  },
];

function measure(fn: () => unknown): { p50: number; p99: number } {
  for (let i = 0; i < 2000; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < 5000; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length / 2)]!, p99: samples[Math.floor(samples.length * 0.99)]! };
}

const table = cases.map(({ name, input }) => {
  const chart = measure(() => chooseChart(input));
  const suggest = measure(() => suggestFollowUps(input));
  return {
    case: name,
    chart: chooseChart(input).type,
    "chart p50 ms": chart.p50.toFixed(4),
    "chart p99 ms": chart.p99.toFixed(4),
    suggestions: suggestFollowUps(input).length,
    "suggest p50 ms": suggest.p50.toFixed(4),
    "suggest p99 ms": suggest.p99.toFixed(4),
  };
});
console.table(table);
