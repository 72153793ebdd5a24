import { describe, expect, it } from "vitest";
import { ChartDataError, OTHER, X_KEY, chartFields, chartTypes, toBarData, toKpis, toLineSeries, toPieData, toScatterData } from "./chart-data.ts";
import type { ChartField, ChartSpec, ResultCell, ResultColumn } from "./types.ts";

const en = { locale: "en-US" };

function field(column: string, type: ChartField["type"], format: ChartField["format"], label = column): ChartField {
  return { column, label, type, format };
}

function spec(partial: Partial<ChartSpec>): ChartSpec {
  return { type: "bar", title: "t", x: null, y: [], series: null, alternatives: [], reason: "", ...partial };
}

const regionColumns: ResultColumn[] = [
  { name: "region", type: "text", dbType: "text" },
  { name: "revenue", type: "decimal", dbType: "numeric(12,2)" },
  { name: "orders", type: "bigint", dbType: "int8" },
];
const regionRows: ResultCell[][] = [
  ["North", "1200.50", "10"],
  ["South", 800, 7],
  [null, "50", null],
];
const bySeries: ResultColumn[] = [
  { name: "month", type: "date", dbType: "date" },
  { name: "channel", type: "text", dbType: "text" },
  { name: "revenue", type: "decimal", dbType: "numeric" },
];

describe("chartTypes and chartFields", () => {
  it("puts the chosen type first without repeats", () => {
    expect(chartTypes(spec({ type: "bar", alternatives: ["pie", "bar", "table"] }))).toEqual(["bar", "pie", "table"]);
  });
  it("lists x, series, then measures", () => {
    const s = spec({ x: field("a", "text", "text"), series: field("b", "text", "text"), y: [field("c", "integer", "integer")] });
    expect(chartFields(s).map((f) => f.column)).toEqual(["a", "b", "c"]);
  });
});

describe("toBarData", () => {
  it("makes one key per measure, numbers from strings, empty categories named", () => {
    const s = spec({ x: field("region", "text", "text"), y: [field("revenue", "decimal", "currency", "Revenue"), field("orders", "bigint", "integer", "Orders")] });
    const bar = toBarData({ spec: s, columns: regionColumns, rows: regionRows });
    expect(bar.keys).toEqual(["Revenue", "Orders"]);
    expect(bar.format).toBe("currency");
    expect(bar.timeGrain).toBeNull();
    expect(bar.dates).toEqual({});
    expect(bar.data).toEqual([
      { [X_KEY]: "North", Revenue: 1200.5, Orders: 10 },
      { [X_KEY]: "South", Revenue: 800, Orders: 7 },
      { [X_KEY]: "(empty)", Revenue: 50 },
    ]);
  });

  it("pivots rows by series, leaving missing combinations absent and adding up repeats", () => {
    const s = spec({
      type: "grouped_bar",
      x: { ...field("month", "date", "date"), timeGrain: "month" },
      series: field("channel", "text", "text"),
      y: [field("revenue", "decimal", "currency")],
    });
    const rows: ResultCell[][] = [
      ["2024-01-01", "Web", "100"],
      ["2024-01-01", "Store", "40"],
      ["2024-02-01", "Web", "120"],
      ["2024-02-01", "Web", "5"],
    ];
    const bar = toBarData({ spec: s, columns: bySeries, rows, options: en });
    expect(bar.keys).toEqual(["Web", "Store"]);
    expect(bar.data).toEqual([
      { [X_KEY]: "Jan 2024", Web: 100, Store: 40 },
      { [X_KEY]: "Feb 2024", Web: 125 },
    ]);
    expect(bar.timeGrain).toBe("month");
    expect(Object.fromEntries(Object.entries(bar.dates).map(([k, d]) => [k, d.toISOString().slice(0, 10)]))).toEqual({ "Jan 2024": "2024-01-01", "Feb 2024": "2024-02-01" });
  });

  it("folds the smallest series into Other past the limit", () => {
    const s = spec({ x: field("month", "date", "date"), series: field("channel", "text", "text"), y: [field("revenue", "decimal", "number")] });
    const rows: ResultCell[][] = ["A", "B", "C", "D"].map((c, i) => ["2024-01-01", c, String((i + 1) * 10)]);
    const bar = toBarData({ spec: s, columns: bySeries, rows, options: en }, 3);
    expect(bar.keys).toEqual(["C", "D", OTHER]);
    expect(bar.data[0]).toEqual({ [X_KEY]: "Jan 1, 2024", C: 30, D: 40, [OTHER]: 30 });
  });

  it("throws a typed error when the spec names a missing column", () => {
    const s = spec({ x: field("nope", "text", "text"), y: [field("revenue", "decimal", "number")] });
    expect(() => toBarData({ spec: s, columns: regionColumns, rows: regionRows })).toThrow(ChartDataError);
    try {
      toBarData({ spec: s, columns: regionColumns, rows: regionRows });
    } catch (error) {
      expect((error as ChartDataError).code).toBe("CHART_COLUMN_MISSING");
      expect((error as ChartDataError).column).toBe("nope");
    }
  });
});

describe("toLineSeries", () => {
  const monthly = spec({ type: "line", x: { ...field("month", "date", "date"), timeGrain: "month" }, y: [field("revenue", "decimal", "currency", "Revenue")] });
  const columns: ResultColumn[] = [
    { name: "month", type: "date", dbType: "date" },
    { name: "revenue", type: "decimal", dbType: "numeric" },
  ];

  it("sorts a time axis by date and gives Dates, a month without a value as a gap", () => {
    const line = toLineSeries({ spec: monthly, columns, rows: [["2024-03-01", "30"], ["2024-01-01", "10"], ["2024-02-01", null]] });
    expect(line.xKind).toBe("time");
    expect(line.format).toBe("currency");
    expect(line.series).toHaveLength(1);
    expect(line.series[0]!.id).toBe("Revenue");
    expect(line.series[0]!.data.map((p) => [(p.x as Date).toISOString().slice(0, 10), p.y])).toEqual([
      ["2024-01-01", 10],
      ["2024-02-01", null],
      ["2024-03-01", 30],
    ]);
  });

  it("draws missing months and quarters as gaps rather than a line across them", () => {
    const months = toLineSeries({ spec: monthly, columns, rows: [["2024-01-01", "10"], ["2024-04-01", "40"]] });
    expect(months.series[0]!.data.map((p) => [(p.x as Date).toISOString().slice(0, 7), p.y])).toEqual([
      ["2024-01", 10],
      ["2024-02", null],
      ["2024-03", null],
      ["2024-04", 40],
    ]);
    const quarterly = { ...monthly, x: { ...monthly.x!, timeGrain: "quarter" as const } };
    const quarters = toLineSeries({ spec: quarterly, columns, rows: [["2023-10-01", "1"], ["2024-04-01", "3"]] });
    expect(quarters.series[0]!.data.map((p) => p.y)).toEqual([1, null, 3]);
  });

  it("splits lines by series value, a month one of them lacks being its gap", () => {
    const s = { ...monthly, series: field("channel", "text", "text") };
    const rows: ResultCell[][] = [
      ["2024-01-01", "Web", "1"],
      ["2024-01-01", "Store", "2"],
      ["2024-02-01", "Web", "3"],
    ];
    const line = toLineSeries({ spec: s, columns: bySeries, rows });
    expect(line.series.map((l) => [l.id, l.data.map((p) => p.y)])).toEqual([
      ["Web", [1, 3]],
      ["Store", [2, null]],
    ]);
  });

  it("keeps row order on a category axis and leaves gaps as null", () => {
    const s = spec({ type: "line", x: field("stage", "text", "text"), series: field("team", "text", "text"), y: [field("n", "integer", "integer")] });
    const cols: ResultColumn[] = [
      { name: "stage", type: "text", dbType: "text" },
      { name: "team", type: "text", dbType: "text" },
      { name: "n", type: "integer", dbType: "int4" },
    ];
    const line = toLineSeries({ spec: s, columns: cols, rows: [["Lead", "A", 5], ["Won", "A", 2], ["Lead", "B", 3]] });
    expect(line.xKind).toBe("category");
    expect(line.series).toEqual([
      { id: "A", data: [{ x: "Lead", y: 5 }, { x: "Won", y: 2 }] },
      { id: "B", data: [{ x: "Lead", y: 3 }, { x: "Won", y: null }] },
    ]);
  });

  it("uses a linear axis for numeric x", () => {
    const s = spec({ type: "line", x: field("bucket", "integer", "integer"), y: [field("n", "integer", "integer")] });
    const cols: ResultColumn[] = [
      { name: "bucket", type: "integer", dbType: "int4" },
      { name: "n", type: "integer", dbType: "int4" },
    ];
    const line = toLineSeries({ spec: s, columns: cols, rows: [[3, 1], [1, 2]] });
    expect(line.xKind).toBe("number");
    expect(line.series[0]!.data).toEqual([{ x: 1, y: 2 }, { x: 3, y: 1 }]);
  });
});

describe("toPieData", () => {
  it("sorts slices, drops non-positive values and folds the tail into Other", () => {
    const s = spec({ type: "pie", x: field("region", "text", "text"), y: [field("revenue", "decimal", "currency")] });
    const rows: ResultCell[][] = [["A", "5"], ["B", "50"], ["C", "-3"], ["D", "20"], ["E", null], ["F", "2"], ["A", "1"]];
    expect(toPieData({ spec: s, columns: regionColumns, rows }, 3)).toEqual([
      { id: "B", label: "B", value: 50 },
      { id: "D", label: "D", value: 20 },
      { id: OTHER, label: OTHER, value: 8 },
    ]);
    expect(toPieData({ spec: s, columns: regionColumns, rows }).map((d) => d.id)).toEqual(["B", "D", "A", "F"]);
  });
});

describe("toScatterData", () => {
  const cols: ResultColumn[] = [
    { name: "product", type: "text", dbType: "text" },
    { name: "price", type: "decimal", dbType: "numeric" },
    { name: "units", type: "integer", dbType: "int4" },
    { name: "category", type: "text", dbType: "text" },
  ];
  const rows: ResultCell[][] = [
    ["Pen", "1.5", 100, "Office"],
    ["Desk", "250", 4, "Furniture"],
    ["Lamp", null, 9, "Furniture"],
  ];

  it("plots numeric pairs, names points by their text column and skips gaps", () => {
    const s = spec({ type: "scatter", x: field("price", "decimal", "currency"), y: [field("units", "integer", "integer", "Units")] });
    expect(toScatterData({ spec: s, columns: cols, rows })).toEqual([
      { id: "Units", data: [{ x: 1.5, y: 100, label: "Pen" }, { x: 250, y: 4, label: "Desk" }] },
    ]);
  });

  it("splits by series", () => {
    const s = spec({ type: "scatter", x: field("price", "decimal", "currency"), y: [field("units", "integer", "integer")], series: field("category", "text", "text") });
    expect(toScatterData({ spec: s, columns: cols, rows }).map((g) => [g.id, g.data.length])).toEqual([
      ["Office", 1],
      ["Furniture", 1],
    ]);
  });
});

describe("toKpis", () => {
  it("takes the measures of the first row", () => {
    const s = spec({ type: "kpi", y: [field("revenue", "decimal", "currency", "Revenue")] });
    expect(toKpis({ spec: s, columns: regionColumns, rows: regionRows })).toEqual([{ label: "Revenue", value: 1200.5, raw: "1200.50", format: "currency" }]);
  });
  it("falls back to the first numeric column", () => {
    const s = spec({ type: "kpi" });
    expect(toKpis({ spec: s, columns: regionColumns, rows: [] })).toEqual([{ label: "revenue", value: null, raw: null, format: "number" }]);
  });
});
