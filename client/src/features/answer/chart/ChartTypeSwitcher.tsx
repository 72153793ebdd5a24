import { useRef, type KeyboardEvent } from "react";
import { ChartIcons } from "../../../ui/icons.tsx";
import type { ChartType } from "../types.ts";

export const CHART_TYPE_LABELS: Record<ChartType, string> = {
  kpi: "Number",
  line: "Line",
  bar: "Bar",
  grouped_bar: "Grouped bars",
  stacked_bar: "Stacked bars",
  pie: "Pie",
  scatter: "Scatter",
  table: "Table",
};

/**
 * A radio group (one chart type at a time): Tab enters at the checked type,
 * arrow keys move and select, as the ARIA pattern expects.
 */
export function ChartTypeSwitcher({ types, active, onChange }: { types: ChartType[]; active: ChartType; onChange: (type: ChartType) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  if (types.length < 2) return null;
  const move = (event: KeyboardEvent, from: number) => {
    const step = event.key === "ArrowRight" || event.key === "ArrowDown" ? 1 : event.key === "ArrowLeft" || event.key === "ArrowUp" ? -1 : 0;
    const to = event.key === "Home" ? 0 : event.key === "End" ? types.length - 1 : step ? (from + step + types.length) % types.length : -1;
    if (to < 0) return;
    event.preventDefault();
    refs.current[to]?.focus();
    onChange(types[to]!);
  };
  return (
    <div className="chart-switcher" role="radiogroup" aria-label="Chart type">
      {types.map((type, i) => {
        const Glyph = ChartIcons[type];
        const checked = type === active;
        return (
          <button
            key={type}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked ? 0 : -1}
            title={CHART_TYPE_LABELS[type]}
            onClick={() => onChange(type)}
            onKeyDown={(e) => move(e, i)}
          >
            <Glyph />
            <span className="chart-switcher-label">{CHART_TYPE_LABELS[type]}</span>
          </button>
        );
      })}
    </div>
  );
}
