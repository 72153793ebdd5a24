import { describe, expect, it } from "vitest";
import { CHART_LIMITS, chooseChart } from "./chart.ts";
import { col, COUNT_ORDERS, monthStart, ORDERED_AT, REVENUE, shopModel, spec } from "./testing.ts";

const model = shopModel();
const byStatus = { kind: "field", field: { entity: "sales_orders", field: "status" } } as const;
const byCountry = { kind: "field", field: { entity: "clients", field: "country" } } as const;
const byMonth = { kind: "field", field: ORDERED_AT, grain: "month" } as const;
const byClient = { kind: "entity", entity: "clients" } as const;

describe("chooseChart: one number", () => {
  it("shows a count as a KPI formatted as an integer", () => {
    const chart = chooseChart({ spec: spec("sales_orders", { measures: [COUNT_ORDERS] }), model, columns: [col("count", "bigint")], rows: [[400]] });
    expect(chart).toMatchObject({ type: "kpi", x: null, series: null, alternatives: ["table"], title: "Number of sales orders" });
    expect(chart.y).toEqual([{ column: "count", label: "Number of sales orders", type: "bigint", format: "integer" }]);
  });

  it("formats a revenue metric (over money columns) as currency, even as a decimal string", () => {
    const chart = chooseChart({ spec: spec("order_lines", { measures: [REVENUE] }), model, columns: [col("revenue", "decimal")], rows: [["1234.50"]], title: "What's the total revenue?" });
    expect(chart.type).toBe("kpi");
    expect(chart.title).toBe("What's the total revenue?");
    expect(chart.y[0]).toMatchObject({ label: "Revenue", format: "currency" });
  });

  it("shows one row of a grouping (the top client) as a KPI named by its label, not its key", () => {
    const s = spec("order_lines", { measures: [REVENUE], dimensions: [byClient], limit: 1 });
    const chart = chooseChart({ spec: s, model, columns: [col("client_id", "integer"), col("full_name", "text"), col("revenue", "decimal")], rows: [[7, "Ann Lee", "99.90"]] });
    expect(chart.type).toBe("kpi");
    expect(chart.x?.column).toBe("full_name");
  });

  it("keeps a KPI when the value is null, and an averaged rollup is not shown as a whole number", () => {
    const rollup = spec("sales_orders", { measures: [COUNT_ORDERS], dimensions: [byClient], rollup: "avg" });
    const chart = chooseChart({ spec: rollup, model, columns: [col("avg_count", "decimal")], rows: [[null]] });
    expect(chart.type).toBe("kpi");
    expect(chart.y[0]!.format).toBe("number");
  });

  it("infers a KPI for SQL without a spec", () => {
    const chart = chooseChart({ spec: null, model: null, columns: [col("total_amount", "decimal")], rows: [["10.5"]] });
    expect(chart).toMatchObject({ type: "kpi", title: "Total amount" });
    expect(chart.y[0]!.format).toBe("currency");
  });
});

describe("chooseChart: empty and unplottable results", () => {
  it("shows an empty result as a table with no alternatives", () => {
    const chart = chooseChart({ spec: spec("sales_orders", { measures: [COUNT_ORDERS], dimensions: [byStatus] }), model, columns: [col("status", "text"), col("count", "bigint")], rows: [] });
    expect(chart).toMatchObject({ type: "table", alternatives: [], x: null, y: [] });
  });

  it("shows text-only results and free text as a table", () => {
    const textOnly = chooseChart({ spec: null, model: null, columns: [col("name", "text"), col("city", "text")], rows: [["a", "b"]] });
    expect(textOnly.type).toBe("table");
    const notes = "A long comment that goes on and on about the order and why it was late, twice.";
    const prose = chooseChart({ spec: null, model: null, columns: [col("note", "text"), col("score", "integer")], rows: [[notes, 3], [notes, 4], [notes, 5]] });
    expect(prose.type).toBe("table");
  });

  it("shows a listing as a table first, keeping a chart that fits as an alternative", () => {
    const listing = spec("items", { columns: [{ entity: "items", field: "item_name" }, { entity: "items", field: "list_price" }] });
    const chart = chooseChart({ spec: listing, model, columns: [col("item_name", "text"), col("list_price", "decimal")], rows: [["Green Tea", "4.50"], ["Oolong", "6.00"], ["Teapot", "30.00"]] });
    expect(chart.type).toBe("table");
    expect(chart.alternatives).toContain("bar");
    expect(chart.y[0]).toMatchObject({ column: "list_price", label: "List price", format: "currency" });
  });

  it("shows three groupings as a table", () => {
    const s = spec("sales_orders", { measures: [COUNT_ORDERS], dimensions: [byStatus, byCountry, byMonth] });
    const chart = chooseChart({ spec: s, model, columns: [col("status", "text"), col("country", "text"), col("month", "date"), col("count", "bigint")], rows: [["open", "Brazil", "2024-01-01", 3], ["shipped", "France", "2024-02-01", 4]] });
    expect(chart.type).toBe("table");
  });
});

describe("chooseChart: time series", () => {
  const months = (n: number) => Array.from({ length: n }, (_, i) => [monthStart(i), String(100 + i * 3.5)]);

  it("draws a line for revenue by month, with the grain and date format on x", () => {
    const s = spec("order_lines", { measures: [REVENUE], dimensions: [byMonth] });
    const chart = chooseChart({ spec: s, model, columns: [col("month", "date"), col("revenue", "decimal")], rows: months(12) });
    expect(chart.type).toBe("line");
    expect(chart.x).toMatchObject({ column: "month", label: "Month", format: "date", timeGrain: "month" });
    expect(chart.y.map((y) => y.column)).toEqual(["revenue"]);
    expect(chart.alternatives).toEqual(["bar", "table"]);
    expect(chart.layout).toBe("vertical");
    expect(chart.title).toBe("Revenue by month");
  });

  it("draws one line per value of a second, small grouping", () => {
    const s = spec("sales_orders", { measures: [COUNT_ORDERS], dimensions: [byMonth, byStatus] });
    const rows = [0, 1, 2, 3].flatMap((i) => ["open", "shipped", "cancelled"].map((st, j) => [monthStart(i), st, i + j]));
    const chart = chooseChart({ spec: s, model, columns: [col("month", "date"), col("status", "text"), col("count", "bigint")], rows });
    expect(chart.type).toBe("line");
    expect(chart.x?.column).toBe("month");
    expect(chart.series?.column).toBe("status");
    expect(chart.alternatives).toEqual(["stacked_bar", "grouped_bar", "table"]);
  });

  it("falls back to a table when there are too many series", () => {
    const s = spec("order_lines", { measures: [REVENUE], dimensions: [byMonth, byClient] });
    const rows = Array.from({ length: 40 }, (_, i) => [monthStart(i % 2), i, `Client ${i}`, "1.00"]);
    const chart = chooseChart({ spec: s, model, columns: [col("month", "date"), col("client_id", "integer"), col("full_name", "text"), col("revenue", "decimal")], rows });
    expect(chart.type).toBe("table");
    expect(chart.series?.column).toBe("full_name");
  });

  it("reads a single point in time as a category, not a line", () => {
    const s = spec("sales_orders", { measures: [COUNT_ORDERS], dimensions: [byMonth, byStatus] });
    const chart = chooseChart({ spec: s, model, columns: [col("month", "date"), col("status", "text"), col("count", "bigint")], rows: [["2024-01-01", "open", 1], ["2024-01-01", "shipped", 5]] });
    expect(chart.type).not.toBe("line");
  });

  it("recognises dates sent as text and infers their grain when there is no spec", () => {
    const chart = chooseChart({ spec: null, model: null, columns: [col("period", "text"), col("orders", "bigint")], rows: months(6).map(([m], i) => [m, i]) });
    expect(chart.type).toBe("line");
    expect(chart.x).toMatchObject({ column: "period", format: "date", timeGrain: "month" });
  });

  it("treats an integer year column as time without a spec, shown as text (no thousands separator)", () => {
    const chart = chooseChart({ spec: null, model: null, columns: [col("order_year", "integer"), col("sum_total", "decimal")], rows: [[2022, "5.5"], [2023, "7.25"], [2024, "9"]] });
    expect(chart.type).toBe("line");
    expect(chart.x).toMatchObject({ column: "order_year", format: "text", timeGrain: "year" });
  });
});

describe("chooseChart: categories", () => {
  const statusRows = [["shipped", 300], ["open", 80], ["cancelled", 20]];

  it("draws a small part-of-whole count as a pie", () => {
    const s = spec("sales_orders", { measures: [COUNT_ORDERS], dimensions: [byStatus] });
    const chart = chooseChart({ spec: s, model, columns: [col("status", "text"), col("count", "bigint")], rows: statusRows });
    expect(chart).toMatchObject({ type: "pie", alternatives: ["bar", "table"], cap: null });
    expect(chart.x?.column).toBe("status");
  });

  it("computes part-of-whole from decimal strings", () => {
    const s = spec("order_lines", { measures: [REVENUE], dimensions: [byStatus] });
    const chart = chooseChart({ spec: s, model, columns: [col("status", "text"), col("revenue", "decimal")], rows: [["shipped", "1200.50"], ["open", "300.25"]] });
    expect(chart.type).toBe("pie");
  });

  it("never draws averages, negative values or a top-N cut as a pie", () => {
    const avg = spec("order_lines", { measures: [{ kind: "field", agg: "avg", field: { entity: "order_lines", field: "unit_price" } }], dimensions: [byStatus] });
    const avgChart = chooseChart({ spec: avg, model, columns: [col("status", "text"), col("avg_unit_price", "decimal")], rows: [["shipped", "12.5"], ["open", "3.2"]] });
    expect(avgChart.type).toBe("bar");
    expect(avgChart.alternatives).not.toContain("pie");

    const sum = spec("sales_orders", { measures: [{ kind: "field", agg: "sum", field: { entity: "sales_orders", field: "shipping_fee" } }], dimensions: [byStatus] });
    const negative = chooseChart({ spec: sum, model, columns: [col("status", "text"), col("sum_shipping_fee", "decimal")], rows: [["shipped", "12.5"], ["open", "-3.2"]] });
    expect(negative.type).toBe("bar");
    expect(negative.alternatives).not.toContain("pie");

    const top = spec("sales_orders", { measures: [COUNT_ORDERS], dimensions: [byStatus], limit: 3, order: [{ by: { kind: "measure", index: 0 }, dir: "desc" }] });
    const cut = chooseChart({ spec: top, model, columns: [col("status", "text"), col("count", "bigint")], rows: statusRows });
    expect(cut.type).toBe("bar");
    expect(cut.alternatives).not.toContain("pie");
  });

  it("prefers bars from seven slices on, still offering the pie up to eight", () => {
    const s = spec("clients", { measures: [{ kind: "count", entity: "clients" }], dimensions: [byCountry] });
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [`Country ${i}`, i + 1]);
    const seven = chooseChart({ spec: s, model, columns: [col("country", "text"), col("count", "bigint")], rows: rows(7) });
    expect(seven.type).toBe("bar");
    expect(seven.alternatives).toEqual(["pie", "table"]);
    const nine = chooseChart({ spec: s, model, columns: [col("country", "text"), col("count", "bigint")], rows: rows(9) });
    expect(nine.alternatives).toEqual(["table"]);
  });

  it("counts a null category as a value of its own and still charts the rest", () => {
    const s = spec("sales_orders", { measures: [COUNT_ORDERS], dimensions: [byStatus] });
    const chart = chooseChart({ spec: s, model, columns: [col("status", "text"), col("count", "bigint")], rows: [["open", 4], [null, 2], ["shipped", null]] });
    expect(chart.type).toBe("pie");
    expect(chart.x?.column).toBe("status");
  });

  it("caps 50 categories at the largest 30, drawn sideways", () => {
    const s = spec("order_lines", { measures: [REVENUE], dimensions: [byClient] });
    const rows = Array.from({ length: 50 }, (_, i) => [i, `Client ${i}`, String(i * 2)]);
    const chart = chooseChart({ spec: s, model, columns: [col("client_id", "integer"), col("full_name", "text"), col("revenue", "decimal")], rows });
    expect(chart).toMatchObject({ type: "bar", layout: "horizontal", cap: { shown: CHART_LIMITS.barCap, total: 50, sortByValue: true } });
    expect(chart.x).toMatchObject({ column: "full_name", label: "Client" });
    expect(chart.reason).toContain("30 of 50");
  });

  it("does not ask to re-sort a capped ranking that is already sorted by value", () => {
    const s = spec("order_lines", { measures: [REVENUE], dimensions: [byClient], order: [{ by: { kind: "measure", index: 0 }, dir: "desc" }] });
    const rows = Array.from({ length: 40 }, (_, i) => [i, `Client ${i}`, String(100 - i)]);
    const chart = chooseChart({ spec: s, model, columns: [col("client_id", "integer"), col("full_name", "text"), col("revenue", "decimal")], rows });
    expect(chart.cap).toEqual({ shown: 30, total: 40, sortByValue: false });
  });

  it("shows 500 categories as a table, offering a capped bar chart", () => {
    const rows = Array.from({ length: 500 }, (_, i) => [`Product ${i}`, i]);
    const chart = chooseChart({ spec: null, model: null, columns: [col("product", "text"), col("units", "bigint")], rows });
    expect(chart.type).toBe("table");
    expect(chart.alternatives).toEqual(["bar"]);
    expect(chart.cap).toEqual({ shown: 30, total: 500, sortByValue: true });
  });

  it("turns a few bars with long labels sideways", () => {
    const rows = [["A rather long category name", 3], ["Another long category name", 5], ["Short", 1]];
    const chart = chooseChart({ spec: null, model: null, columns: [col("segment", "text"), col("avg_score", "float")], rows });
    expect(chart).toMatchObject({ type: "bar", layout: "horizontal" });
  });

  it("takes roles given by the caller over its own reading", () => {
    const rows = [["N", "1", 10], ["S", "2", 20]];
    const columns = [col("region", "text"), col("code", "text"), col("total", "bigint")];
    const chart = chooseChart({ spec: null, model: null, columns, rows, roles: [{ column: "region", role: "dimension" }, { column: "code", role: "key" }, { column: "total", role: "measure" }] });
    expect(chart.type).toBe("pie");
    expect(chart.x?.column).toBe("region");
    expect(chart.series).toBeNull();
  });
});

describe("chooseChart: two groupings and two measures", () => {
  const columns = [col("status", "text"), col("country", "text"), col("count", "bigint")];

  it("puts bars side by side for two groupings with few values each", () => {
    const s = spec("sales_orders", { measures: [COUNT_ORDERS], dimensions: [byCountry, byStatus] });
    const rows = ["Brazil", "Canada", "France", "Peru"].flatMap((c, i) => ["open", "shipped"].map((st, j) => [st, c, i + j]));
    const chart = chooseChart({ spec: s, model, columns: [col("country", "text"), col("status", "text"), col("count", "bigint")], rows: rows.map(([st, c, n]) => [c, st, n]) });
    expect(chart.type).toBe("grouped_bar");
    expect(chart.x?.column).toBe("country");
    expect(chart.series?.column).toBe("status");
    expect(chart.alternatives).toEqual(["stacked_bar", "table"]);
  });

  it("stacks bars when many parts add up to a total", () => {
    const s = spec("sales_orders", { measures: [COUNT_ORDERS], dimensions: [byStatus, byCountry] });
    // Five statuses in eight countries: the grouping with fewer values splits the bars.
    const rows = ["open", "paid", "packed", "shipped", "cancelled"].flatMap((st) => ["A", "B", "C", "D", "E", "F", "G", "H"].map((c, j) => [st, c, j + 1]));
    const chart = chooseChart({ spec: s, model, columns, rows });
    expect(chart).toMatchObject({ type: "stacked_bar", alternatives: ["grouped_bar", "table"] });
    expect(chart.x?.column).toBe("country");
    expect(chart.series?.column).toBe("status");
  });

  it("never stacks averages", () => {
    const rows = ["open", "shipped"].flatMap((st) => ["A", "B", "C", "D", "E"].map((c, j) => [st, c, j + 0.5]));
    const chart = chooseChart({ spec: null, model: null, columns: [col("status", "text"), col("country", "text"), col("avg_fee", "float")], rows });
    expect(chart.type).toBe("grouped_bar");
    expect(chart.alternatives).toEqual(["table"]);
  });

  it("draws a scatter for two measures over many rows", () => {
    const rows = Array.from({ length: 40 }, (_, i) => [`Item ${i}`, String(i * 1.5), i * 3]);
    const chart = chooseChart({ spec: null, model: null, columns: [col("item", "text"), col("price", "decimal"), col("stock", "integer")], rows });
    expect(chart.type).toBe("scatter");
    expect(chart.y.map((y) => y.column)).toEqual(["price", "stock"]);
    expect(chart.x?.column).toBe("item");
    expect(chart.alternatives).toEqual(["table"]);
  });

  it("shows one row of many values, or two rows of two measures, as a table", () => {
    const wide = chooseChart({ spec: null, model: null, columns: ["a", "b", "c", "d", "e"].map((n) => col(`sum_${n}`, "bigint")), rows: [[1, 2, 3, 4, 5]] });
    expect(wide.type).toBe("table");
    const two = chooseChart({ spec: null, model: null, columns: [col("price", "decimal"), col("stock", "integer")], rows: [["1", 2], ["3", 4]] });
    expect(two.type).toBe("table");
  });

  it("puts two measures of a few categories side by side", () => {
    const s = spec("sales_orders", { measures: [COUNT_ORDERS, { kind: "field", agg: "sum", field: { entity: "sales_orders", field: "shipping_fee" } }], dimensions: [byStatus] });
    const chart = chooseChart({ spec: s, model, columns: [col("status", "text"), col("count", "bigint"), col("sum_shipping_fee", "decimal")], rows: [["open", 3, "4.5"], ["shipped", 9, "20"], ["cancelled", 1, "0"]] });
    expect(chart.type).toBe("grouped_bar");
    expect(chart.y.map((y) => [y.column, y.format])).toEqual([["count", "integer"], ["sum_shipping_fee", "currency"]]);
    expect(chart.alternatives).toEqual(["scatter", "table"]);
  });
});

describe("chooseChart: columns without a usable spec", () => {
  it("ignores the spec of a verified query (its SQL decides the columns)", () => {
    const verified = { ...spec("sales_orders"), verifiedSql: "select status, count(*) as n from sales_orders group by status" };
    const chart = chooseChart({ spec: verified, model, columns: [col("status", "text"), col("n", "bigint")], rows: [["open", 2], ["shipped", 5]] });
    expect(chart.type).toBe("bar");
    expect(chart.title).toBe("N by status");
  });

  it("falls back to reading values when the columns do not match the spec", () => {
    const s = spec("sales_orders", { measures: [COUNT_ORDERS], dimensions: [byStatus] });
    const chart = chooseChart({ spec: s, model, columns: [col("status", "text"), col("open_count", "bigint"), col("ratio", "float")], rows: [["open", 2, 0.2], ["shipped", 5, 0.8]] });
    expect(chart.type).toBe("grouped_bar");
    expect(chart.y.map((y) => y.format)).toEqual(["integer", "percent"]);
  });

  it("is deterministic", () => {
    const input = { spec: null, model: null, columns: [col("segment", "text"), col("total", "bigint")], rows: [["a", 1], ["b", 2], ["c", 3]] };
    expect(chooseChart(input)).toEqual(chooseChart(structuredClone(input)));
  });
});
