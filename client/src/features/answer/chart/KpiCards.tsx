import type { Kpi } from "../chart-data.ts";
import { EMPTY, formatNumber, type FormatOptions } from "../format.ts";

/** Headline numbers; past a million the big figure is compact and the exact one sits under it. */
export function KpiCards({ kpis, options }: { kpis: Kpi[]; options: FormatOptions }) {
  return (
    <div className="kpi-grid">
      {kpis.map((k) => {
        const exact = k.value === null ? EMPTY : formatNumber(typeof k.raw === "string" ? k.raw : k.value, k.format, options);
        const big = k.value !== null && Math.abs(k.value) >= 1_000_000;
        return (
          <div className="kpi" key={k.label}>
            <div className="kpi-label">{k.label}</div>
            <div className="kpi-value" data-testid="kpi-value">
              {big ? formatNumber(k.value!, k.format, { ...options, compact: true }) : exact}
            </div>
            {big && <div className="kpi-exact">{exact}</div>}
          </div>
        );
      })}
    </div>
  );
}
