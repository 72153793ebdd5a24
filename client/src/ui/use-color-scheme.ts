import { useTheme } from "./theme.ts";

/** The colour scheme the page renders in: the user's choice, or the system's, live. */
export function useColorScheme(): "light" | "dark" {
  return useTheme().theme;
}

/** Current values of CSS custom properties on the root element ("" when unset, as in jsdom). */
export function readCssVariables<K extends string>(names: readonly K[]): Record<K, string> {
  const style = typeof document === "undefined" ? null : getComputedStyle(document.documentElement);
  return Object.fromEntries(names.map((n) => [n, style?.getPropertyValue(n).trim() ?? ""])) as Record<K, string>;
}
