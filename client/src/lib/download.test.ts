import { describe, expect, it } from "vitest";
import { fileNameFromDisposition } from "./download";

describe("fileNameFromDisposition", () => {
  it("prefers the UTF-8 name", () => {
    const header = `attachment; filename="Revenue-by-region.csv"; filename*=UTF-8''Revenue%20by%20r%C3%A9gion.csv`;
    expect(fileNameFromDisposition(header, "x.csv")).toBe("Revenue by région.csv");
  });

  it("reads a quoted or bare plain name", () => {
    expect(fileNameFromDisposition(`attachment; filename="a \\"b\\".json"`, "x")).toBe(`a "b".json`);
    expect(fileNameFromDisposition("attachment; filename=result.csv", "x")).toBe("result.csv");
  });

  it("falls back without a usable name and strips folders", () => {
    expect(fileNameFromDisposition(null, "fallback.csv")).toBe("fallback.csv");
    expect(fileNameFromDisposition("attachment", "fallback.csv")).toBe("fallback.csv");
    expect(fileNameFromDisposition(`attachment; filename="../../etc/passwd"`, "f")).toBe("..-..-etc-passwd");
  });
});
