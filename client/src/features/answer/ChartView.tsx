import { useId, useRef, useState, type ReactNode } from "react";
import { useElementWidth } from "../../ui/use-element-width.ts";
import { preferHorizontal } from "./chart/axis.ts";
import { BarChart } from "./chart/BarChart.tsx";
import { ChartLegend } from "./chart/ChartLegend.tsx";
import { CHART_TYPE_LABELS, ChartTypeSwitcher } from "./chart/ChartTypeSwitcher.tsx";
import { DataTable, type DataTableField } from "./chart/DataTable.tsx";
import { KpiCards } from "./chart/KpiCards.tsx";
import { LineChart } from "./chart/LineChart.tsx";
import { PieChart } from "./chart/PieChart.tsx";
import { ScatterChart } from "./chart/ScatterChart.tsx";
import { useChartTheme, type ChartColors } from "./chart/theme.ts";
import {
  ChartDataError,
  chartFields,
  chartTypes,
  toBarData,
  toKpis,
  toLineSeries,
  toPieData,
  toScatterData,
  X_KEY,
  type ChartInput,
} from "./chart-data.ts";
import { defaultFormat, type FormatOptions } from "./format.ts";
import type { ChartSpec, ChartType, ResultCell, ResultColumn } from "./types.ts";

export interface ChartViewProps {
  spec: ChartSpec;
  columns: ResultColumn[];
  /** Every row the chart should show (the whole capped result, not one table page). */
  rows: ResultCell[][];
  /** Controlled chart type; without it the view keeps its own, starting at `spec.type`. */
  type?: ChartType;
  onTypeChange?: (type: ChartType) => void;
  formatOptions?: FormatOptions;
}

/** Every column of the result, in the spec's formats where the spec names them. */
function tableFields(spec: ChartSpec, columns: ResultColumn[]): DataTableField[] {
  const known = new Map(chartFields(spec).map((f) => [f.column, f]));
  return columns.map((c, index) => ({ index, label: known.get(c.name)?.label ?? c.name, type: c.type, format: known.get(c.name)?.format ?? defaultFormat(c.type) }));
}

/** Only the fields the chart plots, for the screen-reader table. */
function plottedFields(spec: ChartSpec, columns: ResultColumn[]): DataTableField[] {
  const fields = chartFields(spec)
    .map((f) => ({ index: columns.findIndex((c) => c.name === f.column), label: f.label, type: f.type, format: f.format }))
    .filter((f) => f.index >= 0);
  return fields.length > 0 ? fields : tableFields(spec, columns);
}

function renderChart(type: ChartType, input: ChartInput, width: number, palette: ChartColors, options: FormatOptions): ReactNode {
  const { spec, columns, rows } = input;
  const xLabel = spec.x?.label ?? "";
  const yLabel = spec.y.map((f) => f.label).join(", ");
  switch (type) {
    case "kpi":
      return <KpiCards kpis={toKpis(input)} options={options} />;
    case "table":
      return <DataTable className="chart-table" caption={spec.title} fields={tableFields(spec, columns)} rows={rows} options={options} />;
    case "bar":
    case "grouped_bar":
    case "stacked_bar": {
      const bar = toBarData(input);
      const horizontal = type !== "stacked_bar" && !bar.timeGrain && preferHorizontal(bar.data.map((d) => String(d[X_KEY])), width);
      const height = horizontal ? Math.min(640, Math.max(240, bar.data.length * (bar.keys.length > 1 ? 14 * bar.keys.length + 10 : 30) + 60)) : undefined;
      return (
        <>
          <div className="chart-canvas" style={height ? { height } : undefined}>
            <BarChart bar={bar} mode={type === "stacked_bar" ? "stacked" : "grouped"} horizontal={horizontal} width={width} palette={palette} options={options} xLabel={xLabel} yLabel={yLabel} />
          </div>
          <ChartLegend items={bar.keys} colors={palette.colors} label={spec.series?.label ?? "Measures"} />
        </>
      );
    }
    case "line": {
      const line = toLineSeries(input);
      return (
        <>
          <div className="chart-canvas">
            <LineChart line={line} grain={spec.x?.timeGrain} width={width} palette={palette} options={options} xLabel={xLabel} yLabel={yLabel} />
          </div>
          <ChartLegend items={line.series.map((s) => s.id)} colors={palette.colors} label={spec.series?.label ?? "Measures"} />
        </>
      );
    }
    case "pie": {
      const measure = spec.y[0];
      return <PieChart slices={toPieData(input)} format={measure?.format ?? "number"} palette={palette} options={options} measure={measure?.label ?? ""} />;
    }
    case "scatter": {
      const series = toScatterData(input);
      const x = spec.x ?? { label: "", format: "number" as const };
      const y = spec.y[0] ?? { label: "", format: "number" as const };
      return (
        <>
          <div className="chart-canvas">
            <ScatterChart series={series} width={width} palette={palette} options={options} x={x} y={y} />
          </div>
          <ChartLegend items={series.map((s) => s.id)} colors={palette.colors} label={spec.series?.label ?? "Series"} />
        </>
      );
    }
  }
}

/**
 * One answer's chart: the type the server chose with a switch among its
 * alternatives, drawn with nivo, and the same data as a table for screen readers.
 */
export function ChartView({ spec, columns, rows, type, onTypeChange, formatOptions = {} }: ChartViewProps) {
  const [own, setOwn] = useState<ChartType>(spec.type);
  const active = type ?? own;
  const types = chartTypes(spec);
  const titleId = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(bodyRef);
  const palette = useChartTheme();
  const input: ChartInput = { spec, columns, rows, options: formatOptions };

  const change = (next: ChartType) => {
    setOwn(next);
    onTypeChange?.(next);
  };

  let body: ReactNode;
  let fellBack = false;
  if (rows.length === 0) {
    body = <p className="chart-empty">No rows to chart.</p>;
  } else {
    try {
      body = renderChart(active, input, width, palette, formatOptions);
    } catch (error) {
      if (!(error instanceof ChartDataError)) throw error;
      fellBack = true;
      body = (
        <>
          <p className="chart-empty" role="note">
            {error.message} Showing the table instead.
          </p>
          <DataTable className="chart-table" caption={spec.title} fields={tableFields(spec, columns)} rows={rows} options={formatOptions} />
        </>
      );
    }
  }
  // Only a drawing needs the screen-reader twin; KPI cards, tables and notes are read as they are.
  const hiddenTable = active !== "table" && active !== "kpi" && rows.length > 0 && !fellBack;

  return (
    <figure className="chart-view" aria-labelledby={titleId}>
      <div className="chart-head">
        <div>
          <h3 id={titleId} className="chart-title">
            {spec.title}
          </h3>
          {spec.reason && <p className="chart-reason">{spec.reason}</p>}
        </div>
        <ChartTypeSwitcher types={types} active={active} onChange={change} />
      </div>
      {/* The drawing is for sighted users; the table below says the same to screen readers. */}
      <div ref={bodyRef} className={`chart-body chart-${active}`} aria-hidden={hiddenTable || undefined}>
        {body}
      </div>
      {hiddenTable && <DataTable className="sr-only" caption={`${spec.title} (${CHART_TYPE_LABELS[active].toLowerCase()} chart data)`} fields={plottedFields(spec, columns)} rows={rows} options={formatOptions} />}
    </figure>
  );
}
