import { useSyncExternalStore } from "react";

export type ThemePreference = "system" | "light" | "dark";
export type Theme = "light" | "dark";

const storageKey = "agentmedha.theme";
const media = "(prefers-color-scheme: dark)";

/** The theme to render: the stored choice, or the system's when the choice is "system". */
export function resolveTheme(preference: ThemePreference, systemDark: boolean): Theme {
  return preference === "system" ? (systemDark ? "dark" : "light") : preference;
}

export function parsePreference(value: string | null | undefined): ThemePreference {
  return value === "light" || value === "dark" ? value : "system";
}

function systemDark(): boolean {
  return typeof window !== "undefined" && Boolean(window.matchMedia?.(media).matches);
}

function storedPreference(): ThemePreference {
  try {
    return parsePreference(localStorage.getItem(storageKey));
  } catch {
    return "system";
  }
}

interface ThemeState {
  preference: ThemePreference;
  theme: Theme;
}

let state: ThemeState | null = null;

/** The state, read from storage and the system on first use (before initTheme too, as in tests). */
function current(): ThemeState {
  if (!state) {
    const preference = storedPreference();
    state = { preference, theme: resolveTheme(preference, systemDark()) };
  }
  return state;
}
const listeners = new Set<() => void>();

/** Sets `data-theme` (the stylesheets switch on it) before listeners re-render, so charts read the new colours. */
function apply(preference: ThemePreference) {
  const theme = resolveTheme(preference, systemDark());
  if (typeof document !== "undefined") {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }
  if (state && state.preference === preference && state.theme === theme) return;
  state = { preference, theme };
  for (const listener of listeners) listener();
}

/** Follows the stored choice and, under "system", the system setting live. Call once at start-up. */
export function initTheme(): void {
  apply(storedPreference());
  window.matchMedia?.(media).addEventListener("change", () => apply(current().preference));
  // Another tab changed the choice.
  window.addEventListener("storage", (event) => {
    if (event.key === storageKey) apply(parsePreference(event.newValue));
  });
}

export function setThemePreference(preference: ThemePreference): void {
  try {
    if (preference === "system") localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, preference);
  } catch {
    // Storage may be unavailable (private mode): the choice lasts for this page.
  }
  apply(preference);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const serverSnapshot: ThemeState = { preference: "system", theme: "light" };

export function useTheme(): ThemeState & { setPreference: (p: ThemePreference) => void } {
  const snapshot = useSyncExternalStore(subscribe, current, () => serverSnapshot);
  return { ...snapshot, setPreference: setThemePreference };
}
