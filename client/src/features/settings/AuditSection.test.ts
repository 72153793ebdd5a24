import { describe, expect, it } from "vitest";
import { actionLabel, targetLabel } from "./AuditSection";

describe("actionLabel", () => {
  it("reads an action code as words", () => {
    expect(actionLabel("DATA_SOURCE_ADDED")).toBe("Data source added");
    expect(actionLabel("API_KEY_REVOKED")).toBe("API key revoked");
  });
});

describe("targetLabel", () => {
  it("spells a type name out", () => {
    expect(targetLabel("DataSource")).toBe("data source");
    expect(targetLabel("ApiKey")).toBe("API key");
  });
});
