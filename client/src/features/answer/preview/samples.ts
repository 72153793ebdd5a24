import type { AnswerError, AnswerResult, ChartSpec, DiscoveryCandidate, EventStatus, ProgressEvent, ResultCell, Suggestion } from "../types.ts";

/** Realistic answers for the preview page: shaped exactly as the API sends them (decimals as strings, ISO dates). */

const start = Date.parse("2025-03-14T09:30:00Z");
export function events(steps: [string, EventStatus, number | null, unknown?][]): ProgressEvent[] {
  let at = start;
  return steps.map(([stage, status, durationMs, payload], i) => {
    at += durationMs ?? 40;
    return { seq: i + 1, stage, status, durationMs, payload: payload ?? null, at: new Date(at).toISOString() };
  });
}

export const finishedEvents = events([
  ["UNDERSTAND", "STARTED", null],
  ["UNDERSTAND", "COMPLETED", 18],
  ["DISCOVER", "SKIPPED", null],
  ["CONTEXT", "STARTED", null],
  ["CONTEXT", "COMPLETED", 42],
  ["PLAN", "STARTED", null],
  ["PLAN", "COMPLETED", 64],
  ["COMPILE", "STARTED", null],
  ["COMPILE", "COMPLETED", 9],
  ["EXECUTE", "STARTED", null],
  ["EXECUTE", "COMPLETED", 238],
  ["VISUALIZE", "STARTED", null],
  ["VISUALIZE", "COMPLETED", 4],
  ["SUGGEST", "STARTED", null],
  ["SUGGEST", "COMPLETED", 6],
  ["DONE", "COMPLETED", null],
]);

export const runningEvents = events([
  ["UNDERSTAND", "STARTED", null],
  ["UNDERSTAND", "COMPLETED", 21],
  ["DISCOVER", "SKIPPED", null],
  ["CONTEXT", "STARTED", null],
  ["CONTEXT", "COMPLETED", 55],
  ["PLAN", "STARTED", null],
  ["PLAN", "COMPLETED", 71],
  ["COMPILE", "STARTED", null],
  ["COMPILE", "COMPLETED", 11],
  ["EXECUTE", "STARTED", null],
  ["EXECUTE", "PROGRESS", null, { message: "Scanning 1.2M order lines" }],
]);

export const failedEvents = events([
  ["UNDERSTAND", "STARTED", null],
  ["UNDERSTAND", "COMPLETED", 15],
  ["DISCOVER", "SKIPPED", null],
  ["CONTEXT", "COMPLETED", 38],
  ["PLAN", "COMPLETED", 80],
  ["COMPILE", "COMPLETED", 12],
  ["EXECUTE", "STARTED", null],
  ["EXECUTE", "FAILED", 30_000, { message: "Stopped after 30 s" }],
  ["DONE", "FAILED", null],
]);

export const discoveryEvents = events([
  ["UNDERSTAND", "STARTED", null],
  ["UNDERSTAND", "COMPLETED", 17],
  ["DISCOVER", "STARTED", null],
  ["DISCOVER", "NEEDS_INPUT", 122, { message: "3 data sources match" }],
  ["DONE", "NEEDS_INPUT", null],
]);

export const failedError: AnswerError = {
  code: "QUERY_TIMEOUT",
  message: "The query ran longer than the 30 second limit and was stopped.",
  hint: "Narrow the time range (for example “in the last 90 days”) or group by a coarser period.",
};

export const regionColumns = [
  { name: "region", type: "text", dbType: "text" },
  { name: "revenue", type: "decimal", dbType: "numeric(14,2)" },
  { name: "orders", type: "bigint", dbType: "int8" },
  { name: "avg_order_value", type: "decimal", dbType: "numeric" },
] as const satisfies AnswerResult["columns"];

export const regionRows: ResultCell[][] = [
  ["North America", "1842310.55", "9412", "195.74"],
  ["Western Europe", "1267004.10", "7031", "180.20"],
  ["Asia Pacific", "918442.90", "6120", "150.07"],
  ["Latin America", "402118.35", "3011", "133.55"],
  ["Middle East", "236903.00", "1408", "168.25"],
  ["Africa", "155158.55", "1297", "119.63"],
];

export const regionResult: AnswerResult = { columns: [...regionColumns], rows: regionRows, totalRows: regionRows.length, truncated: false };

export const regionChart: ChartSpec = {
  type: "bar",
  title: "Revenue by region, 2024",
  x: { column: "region", label: "Region", type: "text", format: "text" },
  y: [{ column: "revenue", label: "Revenue", type: "decimal", format: "currency" }],
  series: null,
  alternatives: ["pie", "table"],
  reason: "One measure across a handful of categories compares best as bars.",
};

export const regionSql = `select r.name as region, sum(oi.quantity * oi.unit_price) as revenue, count(distinct o.id) as orders,
round(sum(oi.quantity * oi.unit_price) / count(distinct o.id), 2) as avg_order_value
from orders o join order_items oi on oi.order_id = o.id join customers c on c.id = o.customer_id join regions r on r.id = c.region_id
where o.ordered_at >= date '2024-01-01' and o.ordered_at < date '2025-01-01' and o.status <> 'cancelled'
group by r.name order by revenue desc`;

export const regionSuggestions: Suggestion[] = [
  { kind: "time_grain", label: "Show revenue by region by month" },
  { kind: "drill_down", label: "Break down North America by country" },
  { kind: "compare_period", label: "Compare with 2023" },
  { kind: "top_n", label: "Top 10 customers in Western Europe" },
];

const months = ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01", "2024-07-01", "2024-08-01", "2024-09-01", "2024-10-01", "2024-11-01", "2024-12-01"];
const channelBase: [string, number, number][] = [
  ["Online store", 182_000, 9_800],
  ["Retail", 121_000, 2_100],
  ["Partners", 58_000, 4_300],
];

export const monthlyColumns: AnswerResult["columns"] = [
  { name: "month", type: "date", dbType: "date" },
  { name: "channel", type: "text", dbType: "text" },
  { name: "revenue", type: "decimal", dbType: "numeric(14,2)" },
];

export const monthlyRows: ResultCell[][] = months.flatMap((m, i) =>
  channelBase.map(([channel, base, growth], c) => {
    const seasonal = 1 + 0.18 * Math.sin(((i + c) / 12) * 2 * Math.PI) + (i === 10 || i === 11 ? 0.22 : 0);
    return [m, channel, (base * seasonal + growth * i).toFixed(2)];
  }),
);

export const monthlyChart: ChartSpec = {
  type: "line",
  title: "Monthly revenue by channel",
  x: { column: "month", label: "Month", type: "date", format: "date", timeGrain: "month" },
  y: [{ column: "revenue", label: "Revenue", type: "decimal", format: "currency" }],
  series: { column: "channel", label: "Channel", type: "text", format: "text" },
  alternatives: ["stacked_bar", "grouped_bar", "table"],
  reason: "A measure over months reads as a trend; one line per channel.",
};

export const kpiColumns: AnswerResult["columns"] = [{ name: "total_revenue", type: "decimal", dbType: "numeric" }];
export const kpiRows: ResultCell[][] = [["4821937.45"]];
export const kpiChart: ChartSpec = {
  type: "kpi",
  title: "Total revenue in 2024",
  x: null,
  y: [{ column: "total_revenue", label: "Total revenue", type: "decimal", format: "currency" }],
  series: null,
  alternatives: ["table"],
  reason: "A single number.",
};

export const paymentColumns: AnswerResult["columns"] = [
  { name: "payment_method", type: "text", dbType: "text" },
  { name: "orders", type: "bigint", dbType: "int8" },
];
export const paymentRows: ResultCell[][] = [
  ["Credit card", "14210"],
  ["PayPal", "6034"],
  ["Bank transfer", "3125"],
  ["Gift card", "1877"],
  ["Buy now, pay later", "1433"],
  ["Cash on delivery", "612"],
];
export const paymentChart: ChartSpec = {
  type: "pie",
  title: "Orders by payment method",
  x: { column: "payment_method", label: "Payment method", type: "text", format: "text" },
  y: [{ column: "orders", label: "Orders", type: "bigint", format: "integer" }],
  series: null,
  alternatives: ["bar", "table"],
  reason: "Six parts of one whole.",
};

export const productColumns: AnswerResult["columns"] = [
  { name: "product", type: "text", dbType: "text" },
  { name: "unit_price", type: "decimal", dbType: "numeric(10,2)" },
  { name: "units_sold", type: "integer", dbType: "int4" },
  { name: "category", type: "text", dbType: "text" },
];
const categories = ["Audio", "Computers", "Home", "Outdoor"];
export const productRows: ResultCell[][] = Array.from({ length: 44 }, (_, i) => {
  const price = Math.round((12 + ((i * 37) % 90) * 9.7 + (i % 4) * 40) * 100) / 100;
  const units = Math.round(4200 / Math.sqrt(price) + ((i * 53) % 140) - 40);
  return [`Product ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) + 1}`, price.toFixed(2), Math.max(12, units), categories[i % 4]!];
});
export const productChart: ChartSpec = {
  type: "scatter",
  title: "Price against units sold",
  x: { column: "unit_price", label: "Unit price", type: "decimal", format: "currency" },
  y: [{ column: "units_sold", label: "Units sold", type: "integer", format: "integer" }],
  series: { column: "category", label: "Category", type: "text", format: "text" },
  alternatives: ["table"],
  reason: "Two measures per product: a scatter shows how they relate.",
};

export const categoryColumns: AnswerResult["columns"] = [
  { name: "category", type: "text", dbType: "text" },
  { name: "margin", type: "float", dbType: "float8" },
];
export const categoryRows: ResultCell[][] = [
  ["Premium headphones and speakers", 0.412],
  ["Laptops and tablets", 0.187],
  ["Smart home devices", 0.296],
  ["Camping and hiking gear", 0.334],
  ["Kitchen appliances", 0.221],
  ["Office furniture", 0.158],
  ["Gaming consoles and accessories", 0.093],
];
export const categoryChart: ChartSpec = {
  type: "bar",
  title: "Gross margin by category",
  x: { column: "category", label: "Category", type: "text", format: "text" },
  y: [{ column: "margin", label: "Gross margin", type: "float", format: "percent" }],
  series: null,
  alternatives: ["table"],
  reason: "Long category names read better on horizontal bars.",
};

export const customerColumns: AnswerResult["columns"] = [
  { name: "customer", type: "text", dbType: "text" },
  { name: "country", type: "text", dbType: "text" },
  { name: "first_order", type: "date", dbType: "date" },
  { name: "last_seen", type: "timestamp", dbType: "timestamptz" },
  { name: "orders", type: "bigint", dbType: "int8" },
  { name: "revenue", type: "decimal", dbType: "numeric(14,2)" },
  { name: "balance", type: "decimal", dbType: "numeric(14,2)" },
  { name: "is_active", type: "boolean", dbType: "bool" },
  { name: "account_manager", type: "text", dbType: "text" },
];
const people = ["Amelia Hart", "Bruno Costa", "Chen Wei", "Dara O’Neill", "Eitan Levi", "Fatima Zahra", "Gustav Lind", "Hana Sato", "Ines Duarte", "Jonas Weber", "Kofi Mensah", "Lucía Ortega"];
const countries = ["United States", "Brazil", "China", "Ireland", "Israel", "Morocco", "Sweden", "Japan", "Portugal", "Germany", "Ghana", "Spain"];
export const customerRows: ResultCell[][] = Array.from({ length: 240 }, (_, i) => [
  `${people[i % 12]} ${i >= 12 ? `& Co ${Math.floor(i / 12)}` : "Ltd"}`,
  countries[(i * 5) % 12]!,
  `20${String(18 + (i % 6)).padStart(2, "0")}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + ((i * 7) % 28)).padStart(2, "0")}`,
  `2025-03-${String(1 + (i % 13)).padStart(2, "0")}T${String((i * 3) % 24).padStart(2, "0")}:${String((i * 11) % 60).padStart(2, "0")}:00Z`,
  String(400 - i * 1.3 > 3 ? Math.round(400 - i * 1.3) : 3),
  (98_000 - i * 370.55).toFixed(2),
  i % 7 === 3 ? (-(i * 12.5)).toFixed(2) : (i * 41.2).toFixed(2),
  i % 5 !== 4,
  i % 4 === 2 ? null : people[(i + 5) % 12]!,
]);

export const longSql = `-- Customers whose spend grew quarter over quarter, with their best product category
with quarterly as (
  select c.id as customer_id, c.name as customer, date_trunc('quarter', o.ordered_at)::date as quarter,
         sum(oi.quantity * oi.unit_price) as revenue
  from orders o
  join order_items oi on oi.order_id = o.id
  join customers c on c.id = o.customer_id
  where o.status not in ('cancelled', 'refunded') and o.ordered_at >= now() - interval '2 years'
  group by 1, 2, 3
), growth as (
  select customer_id, customer, quarter, revenue,
         lag(revenue) over (partition by customer_id order by quarter) as previous,
         revenue / nullif(lag(revenue) over (partition by customer_id order by quarter), 0) - 1 as growth
  from quarterly
), best_category as (
  select distinct on (o.customer_id) o.customer_id, p.category, sum(oi.quantity) as units
  from orders o join order_items oi on oi.order_id = o.id join products p on p.id = oi.product_id
  group by o.customer_id, p.category order by o.customer_id, units desc
)
select g.customer, g.quarter, round(g.revenue, 2) as revenue, round(g.growth * 100, 1) as growth_pct, b.category as "Best category"
from growth g left join best_category b using (customer_id)
where g.growth > 0.25 and g.previous > 1000
order by g.growth desc, g.customer
limit 50`;

export const discoveryCandidates: DiscoveryCandidate[] = [
  {
    id: "ds-sales",
    name: "Sales warehouse",
    description: "Orders, order lines, customers and products from the web shop and retail stores since 2019.",
    score: 0.82,
    matched: ['"revenue" → metric Revenue', '"customers" → table Customers', '"region" → column Region of Customers'],
  },
  {
    id: "ds-finance",
    name: "Finance ledger",
    description: "General ledger entries and invoices, booked monthly.",
    score: 0.57,
    matched: ['"revenue" → glossary term Recognised revenue'],
  },
  {
    id: "ds-support",
    name: "Customer support",
    description: "Tickets, satisfaction surveys and agent activity.",
    score: 0.31,
    matched: ['"customers" → table Requesters'],
  },
];
