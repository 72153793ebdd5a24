import { ResponsivePie, type PieCustomLayerProps } from "@nivo/pie";
import type { PieDatum } from "../chart-data.ts";
import { formatNumber, type FormatOptions } from "../format.ts";
import type { ValueFormat } from "../types.ts";
import { ChartTooltip } from "./ChartTooltip.tsx";
import type { ChartColors } from "./theme.ts";

export interface PieChartProps {
  slices: PieDatum[];
  format: ValueFormat;
  palette: ChartColors;
  options: FormatOptions;
  measure: string;
}

/** A donut with the total in its hole and an HTML legend of values and shares beside it. */
export function PieChart({ slices, format, palette, options, measure }: PieChartProps) {
  const total = slices.reduce((sum, s) => sum + s.value, 0);
  const share = (v: number) => formatNumber(total ? v / total : 0, "percent", options);
  const full = (v: number) => formatNumber(v, format, options);
  const color = (i: number) => palette.colors[i % palette.colors.length]!;

  const Center = ({ centerX, centerY }: PieCustomLayerProps<PieDatum>) => (
    <g transform={`translate(${centerX},${centerY})`}>
      <text textAnchor="middle" y={-4} style={{ fill: "var(--text)", fontSize: 18, fontWeight: 700 }}>
        {formatNumber(total, format, { ...options, compact: true })}
      </text>
      <text textAnchor="middle" y={16} style={{ fill: "var(--muted)", fontSize: 11.5 }}>
        Total
      </text>
    </g>
  );

  return (
    <div className="pie-layout">
      <div className="pie-canvas">
        <ResponsivePie<PieDatum>
          data={slices}
          margin={{ top: 12, right: 12, bottom: 12, left: 12 }}
          innerRadius={0.62}
          padAngle={1.2}
          cornerRadius={4}
          activeOuterRadiusOffset={6}
          colors={palette.colors}
          borderWidth={0}
          enableArcLinkLabels={false}
          enableArcLabels={false}
          sortByValue={false}
          layers={["arcs", Center]}
          theme={palette.theme}
          role="img"
          animate={false}
          tooltip={({ datum }) => (
            <ChartTooltip title={String(datum.label)} rows={[{ color: datum.color, label: measure, value: `${full(datum.value)} · ${share(datum.value)}` }]} />
          )}
        />
      </div>
      <ul className="pie-legend" aria-label="Slices">
        {slices.map((s, i) => (
          <li key={s.id}>
            <span className="swatch" style={{ background: color(i) }} aria-hidden="true" />
            <span className="pie-legend-label" title={s.label}>
              {s.label}
            </span>
            <span className="pie-legend-value">{full(s.value)}</span>
            <span className="pie-legend-share">{share(s.value)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
