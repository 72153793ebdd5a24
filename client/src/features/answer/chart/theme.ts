import type { BarSvgProps } from "@nivo/bar";
import { useMemo } from "react";
import { readCssVariables, useColorScheme } from "../../../ui/use-color-scheme.ts";

/** nivo's theme type, taken from a package we depend on directly. */
export type ChartTheme = NonNullable<BarSvgProps<Record<string, string | number>>["theme"]>;

const PALETTE_VARS = ["--chart-1", "--chart-2", "--chart-3", "--chart-4", "--chart-5", "--chart-6", "--chart-7", "--chart-8"] as const;

/** Used where CSS is not loaded (tests); the stylesheet's palettes are the source of truth. */
const FALLBACK = {
  light: ["#4f46e5", "#0891b2", "#d97706", "#059669", "#db2777", "#7c3aed", "#0d9488", "#ea580c"],
  dark: ["#8b83ff", "#22d3ee", "#fbbf24", "#34d399", "#f472b6", "#a78bfa", "#2dd4bf", "#fb923c"],
};

/**
 * Text and lines refer to CSS variables directly (they only land in style
 * attributes), so they follow the theme with no re-render; series colours are
 * resolved to real values because nivo derives shades from them.
 */
const theme: ChartTheme = {
  background: "transparent",
  text: { fontFamily: "inherit", fontSize: 12, fill: "var(--muted)" },
  axis: {
    domain: { line: { stroke: "var(--border)", strokeWidth: 1 } },
    ticks: { line: { stroke: "var(--border)", strokeWidth: 1 }, text: { fill: "var(--muted)", fontSize: 11.5 } },
    legend: { text: { fill: "var(--muted)", fontSize: 12, fontWeight: 600 } },
  },
  grid: { line: { stroke: "var(--grid)", strokeWidth: 1 } },
  crosshair: { line: { stroke: "var(--muted)", strokeWidth: 1, strokeOpacity: 0.6, strokeDasharray: "4 4" } },
  labels: { text: { fill: "var(--text)", fontSize: 11.5, fontWeight: 600 } },
  tooltip: { container: { background: "transparent", boxShadow: "none", padding: 0 } },
};

export interface ChartColors {
  theme: ChartTheme;
  /** Series colours, in order. */
  colors: string[];
  /** The card's background, resolved (point outlines, slice gaps). */
  surface: string;
}

export function useChartTheme(): ChartColors {
  const scheme = useColorScheme();
  return useMemo(() => {
    const values = readCssVariables([...PALETTE_VARS, "--panel"]);
    return {
      theme,
      colors: PALETTE_VARS.map((name, i) => values[name] || FALLBACK[scheme][i]!),
      surface: values["--panel"] || (scheme === "dark" ? "#171a21" : "#ffffff"),
    };
  }, [scheme]);
}
