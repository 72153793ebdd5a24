import { describe, expect, it } from "vitest";
import type { Filter, QuerySpec } from "../engine/spec.ts";
import { COUNT_ORDERS, ORDERED_AT, shopModel, spec } from "./testing.ts";
import { whyEmpty, type EmptyProbe } from "./why-empty.ts";

/** A probe over dated rows: a count keeps the rows meeting every range filter; bounds are their first and last dates. */
function probeOver(dates: string[]): EmptyProbe & { counted: QuerySpec[] } {
  const counted: QuerySpec[] = [];
  const keep = (s: QuerySpec) =>
    dates.filter((d) => s.filters.every((f) => f.kind !== "range" || ((f.from === null || d >= f.from) && (f.to === null || d < f.to))));
  return {
    counted,
    async count(s) {
      counted.push(s);
      return keep(s).length;
    },
    async bounds(s) {
      const kept = keep(s).sort();
      return kept.length ? { min: kept[0]!, max: kept.at(-1)! } : null;
    },
  };
}

const range = (from: string | null, to: string | null, label: string): Filter => ({ kind: "range", field: ORDERED_AT, from, to, label });

describe("whyEmpty", () => {
  const model = shopModel();
  const dates = ["2022-03-04", "2023-07-19", "2024-05-02", "2024-08-30"];

  it.each([
    ["a year", range("2013-01-01", "2014-01-01", "in 2013"), "Show 2024 instead", { from: "2024-01-01", to: "2025-01-01" }],
    ["a quarter", range("2013-04-01", "2013-07-01", "in Q2 2013"), "Show Q3 2024 instead", { from: "2024-07-01", to: "2024-10-01" }],
    ["a month", range("2013-02-01", "2013-03-01", "in February 2013"), "Show August 2024 instead", { from: "2024-08-01", to: "2024-09-01" }],
    ["a week", range("2013-01-07", "2013-01-14", "in the week of 7 January 2013"), "Show 2024-08-26 to 2024-09-01 instead", { from: "2024-08-26", to: "2024-09-02" }],
  ])("offers the latest %s of data for an empty one, counted first", async (_, filter, label, shifted) => {
    const probe = probeOver(dates);
    const reason = await whyEmpty(spec("sales_orders", { measures: [COUNT_ORDERS], filters: [filter] }), model, probe);
    expect(reason?.message).toBe(`No sales orders ${(filter as { label: string }).label}: the data holds sales orders from 2022-03-04 to 2024-08-30 (ordered at).`);
    expect(reason?.suggestion?.label).toBe(label);
    expect(reason?.suggestion?.spec.filters[0]).toMatchObject(shifted);
    expect(probe.counted.at(-1)?.filters[0]).toMatchObject(shifted);
  });

  it("offers dropping an open-ended range that holds nothing", async () => {
    const reason = await whyEmpty(spec("sales_orders", { filters: [range("2030-01-01", null, "since 2030")] }), model, probeOver(dates));
    expect(reason?.message).toMatch(/^No sales orders since 2030: the data holds sales orders from 2022-03-04 to 2024-08-30/);
    expect(reason?.suggestion?.spec.filters).toEqual([]);
  });

  it("says when the table itself is empty, and stays silent without filters", async () => {
    expect(await whyEmpty(spec("sales_orders", { filters: [range("2013-01-01", "2014-01-01", "in 2013")] }), model, probeOver([]))).toEqual({
      message: "There are no sales orders at all.",
      suggestion: null,
    });
    expect(await whyEmpty(spec("sales_orders"), model, probeOver(dates))).toBeNull();
  });

  it("names conditions that empty it only together and offers the answer without them", async () => {
    const years = ["2022", "2023", "2024"].map((y) => range(`${y}-01-01`, `${Number(y) + 1}-01-01`, `in ${y}`));
    const reason = await whyEmpty(spec("sales_orders", { filters: years }), model, probeOver(dates));
    expect(reason?.message).toMatch(/^No sales orders where .*in 2022 and .*in 2023 and .*in 2024: no one of these conditions empties it alone; without them there are 4\.$/);
    expect(reason?.suggestion).toMatchObject({ kind: "widen", label: "Without these conditions", spec: { filters: [] } });
  });
});
