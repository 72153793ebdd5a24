import { ResponsiveScatterPlot } from "@nivo/scatterplot";
import type { ScatterPoint, ScatterSeries } from "../chart-data.ts";
import { formatNumber, type FormatOptions } from "../format.ts";
import type { ValueFormat } from "../types.ts";
import { ChartTooltip } from "./ChartTooltip.tsx";
import type { ChartColors } from "./theme.ts";

export interface ScatterChartProps {
  series: ScatterSeries[];
  width: number;
  palette: ChartColors;
  options: FormatOptions;
  x: { label: string; format: ValueFormat };
  y: { label: string; format: ValueFormat };
}

export function ScatterChart({ series, width, palette, options, x, y }: ScatterChartProps) {
  const narrow = width > 0 && width < 560;
  const fmt = (format: ValueFormat, compact: boolean) => (v: number | string | Date) => formatNumber(Number(v), format, { ...options, compact });
  return (
    <ResponsiveScatterPlot<ScatterPoint>
      data={series}
      xScale={{ type: "linear", min: "auto", max: "auto", nice: true }}
      yScale={{ type: "linear", min: "auto", max: "auto", nice: true }}
      margin={{ top: 16, right: 24, bottom: 52, left: 68 }}
      colors={palette.colors}
      nodeSize={series.reduce((n, s) => n + s.data.length, 0) > 200 ? 6 : 10}
      blendMode="normal"
      axisBottom={{ tickSize: 0, tickPadding: 8, tickValues: narrow ? 4 : 6, format: fmt(x.format, true), legend: x.label, legendOffset: 40, legendPosition: "middle" }}
      axisLeft={{ tickSize: 0, tickPadding: 8, tickValues: 5, format: fmt(y.format, true), legend: narrow ? undefined : y.label, legendOffset: -56, legendPosition: "middle" }}
      theme={palette.theme}
      useMesh
      role="img"
      ariaLabel={`${y.label} against ${x.label}`}
      animate={false}
      tooltip={({ node }) => (
        <ChartTooltip
          title={node.data.label ?? (series.length > 1 ? String(node.serieId) : undefined)}
          rows={[
            { color: node.color, label: x.label, value: fmt(x.format, false)(node.data.x) },
            { label: y.label, value: fmt(y.format, false)(node.data.y) },
          ]}
        />
      )}
    />
  );
}
