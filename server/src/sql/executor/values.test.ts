import { describe, expect, it } from "vitest";
import type { TypeInfo } from "./type-catalog.ts";
import { convertValue, valueTypeOfInfo } from "./values.ts";

const t = (name: string, category = "N", kind = "b"): TypeInfo => ({ dbType: name, name, category, kind });

describe("convertValue", () => {
  it("turns small integers into numbers and keeps unsafe big integers exact as strings", () => {
    expect(convertValue("42", t("int4"))).toBe(42);
    expect(convertValue("-7", t("int2"))).toBe(-7);
    expect(convertValue("9007199254740991", t("int8"))).toBe(9007199254740991);
    expect(convertValue("9007199254740993", t("int8"))).toBe("9007199254740993");
    expect(convertValue("-9223372036854775808", t("int8"))).toBe("-9223372036854775808");
  });

  it("keeps decimals exact as the database wrote them", () => {
    expect(convertValue("1234.50", t("numeric"))).toBe("1234.50");
    expect(convertValue("0.10000000000000000001", t("numeric"))).toBe("0.10000000000000000001");
    expect(convertValue("NaN", t("numeric"))).toBe("NaN");
  });

  it("turns floats into numbers and non-finite floats into strings JSON can carry", () => {
    expect(convertValue("1.5", t("float8"))).toBe(1.5);
    expect(convertValue("NaN", t("float8"))).toBe("NaN");
    expect(convertValue("-Infinity", t("float4"))).toBe("-Infinity");
  });

  it("reads booleans, JSON and NULL", () => {
    expect(convertValue("t", t("bool", "B"))).toBe(true);
    expect(convertValue("f", t("bool", "B"))).toBe(false);
    expect(convertValue('{"a":[1,2]}', t("jsonb", "U"))).toEqual({ a: [1, 2] });
    expect(convertValue(null, t("int4"))).toBeNull();
  });

  it("writes timestamps as ISO 8601, with-zone ones as the UTC instant keeping microseconds", () => {
    expect(convertValue("2024-05-06 07:08:09.5", t("timestamp", "D"))).toBe("2024-05-06T07:08:09.5");
    expect(convertValue("2024-01-02 03:04:05.123456+02", t("timestamptz", "D"))).toBe("2024-01-02T01:04:05.123456Z");
    expect(convertValue("2024-01-01 00:30:00-05:30", t("timestamptz", "D"))).toBe("2024-01-01T06:00:00Z");
    expect(convertValue("2023-12-31 23:00:00-02", t("timestamptz", "D"))).toBe("2024-01-01T01:00:00Z");
    expect(convertValue("infinity", t("timestamptz", "D"))).toBe("infinity");
    expect(convertValue("0044-03-15 12:00:00+00 BC", t("timestamptz", "D"))).toBe("0044-03-15 12:00:00+00 BC");
  });

  it("passes dates, text, intervals, arrays and enums through as text", () => {
    expect(convertValue("2024-02-29", t("date", "D"))).toBe("2024-02-29");
    expect(convertValue("1 day 02:00:00", t("interval", "T"))).toBe("1 day 02:00:00");
    expect(convertValue("{1,2}", t("_int4", "A"))).toBe("{1,2}");
    expect(convertValue("happy", t("mood", "E", "e"))).toBe("happy");
  });
});

describe("valueTypeOfInfo", () => {
  it("maps base, enum, domain-resolved and array types to portable value types", () => {
    expect(valueTypeOfInfo(t("int8"))).toBe("bigint");
    expect(valueTypeOfInfo(t("numeric"))).toBe("decimal");
    expect(valueTypeOfInfo(t("timestamptz", "D"))).toBe("timestamp");
    expect(valueTypeOfInfo(t("mood", "E", "e"))).toBe("text");
    expect(valueTypeOfInfo(t("_text", "A"))).toBe("array");
  });
});
