import { ResponsiveLine } from "@nivo/line";
import type { LineData } from "../chart-data.ts";
import { thinTicks, truncateLabel } from "./axis.ts";
import { formatNumber, formatTimeBucket, formatTimeTicks, type FormatOptions } from "../format.ts";
import type { TimeGrain } from "../types.ts";
import { ChartTooltip } from "./ChartTooltip.tsx";
import type { ChartColors } from "./theme.ts";

export interface LineChartProps {
  line: LineData;
  grain: TimeGrain | undefined;
  width: number;
  palette: ChartColors;
  options: FormatOptions;
  xLabel: string;
  yLabel: string;
}

type X = Date | string | number;

const PRECISION: Record<TimeGrain, "day" | "month" | "year"> = { year: "year", quarter: "month", month: "month", week: "day", day: "day" };

export function LineChart({ line, grain, width, palette, options, xLabel, yLabel }: LineChartProps) {
  const narrow = width > 0 && width < 560;
  const single = line.series.length === 1;
  const compact = (v: number) => formatNumber(v, line.format, { ...options, compact: true });
  const full = (v: number) => formatNumber(v, line.format, options);
  const timeGrain = grain ?? "day";
  const xText = (x: X, short: boolean): string => {
    if (x instanceof Date) return formatTimeBucket(x, timeGrain, { ...options, short });
    if (typeof x === "number") return String(x);
    return short ? truncateLabel(x, 12) : x;
  };

  const xs = new Map<string | number, X>();
  let nonNegative = true;
  for (const s of line.series) {
    for (const p of s.data) {
      xs.set(p.x instanceof Date ? p.x.getTime() : p.x, p.x);
      if (p.y !== null && p.y < 0) nonNegative = false;
    }
  }
  const allX = [...xs.values()];
  if (line.xKind !== "category") allX.sort((a, b) => Number(a) - Number(b));
  const maxTicks = Math.max(2, Math.floor((width || 800) / (line.xKind === "time" && timeGrain === "week" ? 90 : 74)));
  const points = Math.max(0, ...line.series.map((s) => s.data.length));
  const ticks = line.xKind === "number" ? [] : thinTicks(allX, maxTicks);
  const tickText = new Map<string | number, string>();
  if (line.xKind === "time") {
    const dates = ticks as Date[];
    formatTimeTicks(dates, timeGrain, options).forEach((label, i) => tickText.set(dates[i]!.getTime(), label));
  }

  return (
    <ResponsiveLine<{ id: string; data: { x: X; y: number | null }[] }>
      data={line.series}
      xScale={
        line.xKind === "time"
          ? { type: "time", format: "native", precision: PRECISION[timeGrain], useUTC: true }
          : line.xKind === "number"
            ? { type: "linear", min: "auto", max: "auto" }
            : { type: "point" }
      }
      yScale={{ type: "linear", min: nonNegative ? 0 : "auto", max: "auto", nice: true }}
      margin={{ top: 16, right: narrow ? 14 : 28, bottom: 44, left: 64 }}
      curve="monotoneX"
      colors={palette.colors}
      lineWidth={2.5}
      enablePoints={points <= 36}
      pointSize={points <= 12 ? 8 : 6}
      pointColor={palette.surface}
      pointBorderWidth={2}
      pointBorderColor={{ from: "seriesColor" }}
      enableArea={single}
      areaOpacity={0.1}
      areaBaselineValue={nonNegative ? 0 : undefined}
      enableGridX={false}
      axisBottom={{
        tickSize: 0,
        tickPadding: 10,
        tickValues: line.xKind === "number" ? maxTicks : ticks,
        format: (x: X) => (x instanceof Date ? tickText.get(x.getTime()) : undefined) ?? xText(x, true),
        legend: narrow ? undefined : xLabel,
        legendOffset: 38,
        legendPosition: "middle",
      }}
      axisLeft={{ tickSize: 0, tickPadding: 8, tickValues: narrow ? 4 : 5, format: (v: number) => compact(v) }}
      theme={palette.theme}
      useMesh
      enableSlices={single ? false : "x"}
      enableCrosshair
      role="img"
      ariaLabel={`${yLabel} over ${xLabel}`}
      animate={false}
      tooltip={({ point }) => (
        <ChartTooltip
          title={xText(point.data.x, false)}
          rows={[{ color: point.seriesColor, label: String(point.seriesId), value: full(Number(point.data.y)) }]}
        />
      )}
      sliceTooltip={({ slice }) => (
        <ChartTooltip
          title={slice.points[0] ? xText(slice.points[0].data.x, false) : undefined}
          rows={slice.points.map((p) => ({ color: p.seriesColor, label: String(p.seriesId), value: full(Number(p.data.y)) }))}
        />
      )}
    />
  );
}
