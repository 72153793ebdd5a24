import { describe, expect, it } from "vitest";
import { expiryFromDate, grantableRoles } from "./roles";

describe("grantableRoles", () => {
  it("offers at most the owner's own role", () => {
    expect(grantableRoles("ADMIN")).toEqual(["VIEWER", "ANALYST", "ADMIN"]);
    expect(grantableRoles("ANALYST")).toEqual(["VIEWER", "ANALYST"]);
    expect(grantableRoles("VIEWER")).toEqual(["VIEWER"]);
  });
});

describe("expiryFromDate", () => {
  it("ends the chosen day, or never", () => {
    expect(expiryFromDate("2027-03-31")).toBe("2027-03-31T23:59:59.000Z");
    expect(expiryFromDate("")).toBeNull();
  });
});
