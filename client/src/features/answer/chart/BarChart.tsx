import { ResponsiveBar } from "@nivo/bar";
import { useMemo } from "react";
import { X_KEY, type BarData } from "../chart-data.ts";
import { thinTicks, truncateLabel } from "./axis.ts";
import { formatNumber, formatTimeTicks, type FormatOptions } from "../format.ts";
import { ChartTooltip } from "./ChartTooltip.tsx";
import type { ChartColors } from "./theme.ts";

export interface BarChartProps {
  bar: BarData;
  mode: "grouped" | "stacked";
  horizontal: boolean;
  /** Measured width of the plot area (0 when unknown); picks margins and tick density. */
  width: number;
  palette: ChartColors;
  options: FormatOptions;
  /** Axis titles. */
  xLabel: string;
  yLabel: string;
}

/** Rough width of one tick-label character; margins are sized from it (there is no text measuring before render). */
const CHAR_PX = 7.2;

export function BarChart({ bar, mode, horizontal, width, palette, options, xLabel, yLabel }: BarChartProps) {
  const narrow = width > 0 && width < 560;
  const labels = bar.data.map((d) => String(d[X_KEY]));
  const compact = (v: number | string) => formatNumber(Number(v), bar.format, { ...options, compact: true });
  const full = (v: number) => formatNumber(v, bar.format, options);
  // Totals over a single bar or a stack (over a group they would sum unlike things), where there is room to read them.
  const room = horizontal || (width || 800) / Math.max(1, bar.data.length) >= 52;
  const totals = (bar.keys.length === 1 || mode === "stacked") && room;

  // nivo stacks horizontal bars from the bottom; reversing keeps the first row on top, as in the table.
  const data = useMemo(() => (horizontal ? [...bar.data].reverse() : bar.data), [bar.data, horizontal]);

  // Time buckets get short labels with the year only where it changes, worked out on the ticks actually shown.
  const grain = bar.timeGrain;
  const shortOf = (ticks: string[]) => (grain ? formatTimeTicks(ticks.map((t) => bar.dates[t]!), grain, options) : ticks);
  const longest = Math.max(0, ...shortOf(labels).map((l) => l.length));
  const maxLabel = narrow ? 14 : 24;
  const categoryWidth = Math.min(maxLabel, longest) * CHAR_PX + 18;
  const rotate = !horizontal && width > 0 && labels.length * Math.min(longest, 16) * CHAR_PX > width * 0.8 && !grain;
  const fits = Math.max(2, Math.floor((width || 800) / (rotate ? 22 : Math.max(56, longest * CHAR_PX + 12))));
  const categoryTicks = horizontal ? labels : thinTicks(labels, fits);
  const shortTicks = shortOf(categoryTicks);
  const tickText = new Map(categoryTicks.map((t, i) => [t, shortTicks[i]!]));
  const margin = horizontal
    ? { top: 8, right: totals ? 64 : 24, bottom: 44, left: Math.max(48, categoryWidth) }
    : { top: totals ? 24 : 12, right: 12, bottom: rotate ? Math.min(110, 28 + Math.min(16, longest) * 5) : 44, left: 64 };

  const categoryAxis = {
    tickSize: 0,
    tickPadding: 8,
    tickRotation: rotate ? -40 : 0,
    tickValues: categoryTicks,
    format: (v: string | number) => truncateLabel(tickText.get(String(v)) ?? String(v), rotate ? 16 : maxLabel),
  };
  const valueAxis = {
    tickSize: 0,
    tickPadding: 8,
    tickValues: narrow ? 3 : 5,
    format: compact,
    legend: horizontal ? yLabel : undefined,
    legendOffset: 36,
    legendPosition: "middle" as const,
  };

  return (
    <ResponsiveBar
      data={data}
      keys={bar.keys}
      indexBy={X_KEY}
      groupMode={mode}
      layout={horizontal ? "horizontal" : "vertical"}
      margin={margin}
      padding={bar.keys.length > 1 && mode === "grouped" ? 0.22 : 0.3}
      innerPadding={mode === "grouped" && bar.keys.length > 1 ? 2 : 1}
      valueScale={{ type: "linear", nice: true }}
      indexScale={{ type: "band", round: true }}
      colors={palette.colors}
      borderRadius={3}
      enableLabel={false}
      enableTotals={totals}
      totalsOffset={8}
      valueFormat={compact}
      enableGridX={horizontal}
      enableGridY={!horizontal}
      axisBottom={horizontal ? valueAxis : { ...categoryAxis, legend: rotate || !xLabel ? undefined : xLabel, legendOffset: 36, legendPosition: "middle" }}
      axisLeft={horizontal ? categoryAxis : valueAxis}
      theme={palette.theme}
      role="img"
      ariaLabel={`${yLabel} by ${xLabel}`}
      animate={false}
      tooltip={({ id, value, indexValue, color }) => (
        <ChartTooltip title={String(indexValue)} rows={[{ color, label: bar.keys.length > 1 ? String(id) : yLabel, value: full(value) }]} />
      )}
    />
  );
}
