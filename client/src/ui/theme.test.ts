import { afterEach, describe, expect, it } from "vitest";
import { initTheme, parsePreference, resolveTheme, setThemePreference } from "./theme";

describe("theme", () => {
  afterEach(() => localStorage.clear());

  it("resolves a preference against the system setting", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
  });

  it("reads only known stored values", () => {
    expect(parsePreference("dark")).toBe("dark");
    expect(parsePreference("purple")).toBe("system");
    expect(parsePreference(null)).toBe("system");
  });

  it("stores the choice and marks the document", () => {
    initTheme();
    setThemePreference("dark");
    expect(localStorage.getItem("agentmedha.theme")).toBe("dark");
    expect(document.documentElement.dataset.theme).toBe("dark");
    setThemePreference("system");
    expect(localStorage.getItem("agentmedha.theme")).toBeNull();
    expect(document.documentElement.dataset.theme).toBe("light");
  });
});
