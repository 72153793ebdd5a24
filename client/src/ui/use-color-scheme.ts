import { useSyncExternalStore } from "react";

const query = "(prefers-color-scheme: dark)";

function subscribe(onChange: () => void): () => void {
  if (typeof window === "undefined" || !window.matchMedia) return () => {};
  const media = window.matchMedia(query);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
}

function snapshot(): "light" | "dark" {
  return typeof window !== "undefined" && window.matchMedia?.(query).matches ? "dark" : "light";
}

/** The colour scheme the page renders in, following the system setting live. */
export function useColorScheme(): "light" | "dark" {
  return useSyncExternalStore(subscribe, snapshot, () => "light");
}

/** Current values of CSS custom properties on the root element ("" when unset, as in jsdom). */
export function readCssVariables<K extends string>(names: readonly K[]): Record<K, string> {
  const style = typeof document === "undefined" ? null : getComputedStyle(document.documentElement);
  return Object.fromEntries(names.map((n) => [n, style?.getPropertyValue(n).trim() ?? ""])) as Record<K, string>;
}
