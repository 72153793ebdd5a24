import { describe, expect, it } from "vitest";
import { bootstrapSemanticModel } from "../../semantic/bootstrap.ts";
import { shopSnapshot } from "../../semantic/testing/snapshots.ts";
import type { SemanticModel } from "../../semantic/types.ts";
import { findReferenceProblems, SemanticModelReferenceError } from "../../semantic/validate.ts";
import * as edits from "./edits.ts";
import { thrownCode } from "./testing-codes.ts";
import { checkMetric, checkVerifiedSql, MetricColumnsError, snapshotProblems } from "./source-checks.ts";

const snapshot = shopSnapshot();
const source = { schemas: ["public"], snapshot };
const fresh = (): SemanticModel => bootstrapSemanticModel(snapshot);
const asyncCode = (promise: Promise<unknown>) => promise.then(() => "none", (error: { code?: string }) => error.code);

describe("semantic model edits", () => {
  it("types condition values by their field and checks the operator's arity", () => {
    const model = fresh();
    expect(edits.toCondition(model, "clients", { field: "region_id", op: "in", values: ["1", " 2 "] }, "c")).toEqual({ field: "region_id", op: "in", value: [1, 2] });
    expect(edits.toCondition(model, "clients", { field: "is_active", op: "=", values: ["yes"] }, "c")).toEqual({ field: "is_active", op: "=", value: true });
    expect(edits.toCondition(model, "clients", { field: "country", op: "=", values: ["42"] }, "c")).toEqual({ field: "country", op: "=", value: "42" });
    expect(edits.toCondition(model, "clients", { field: "email", op: "is_null" }, "c")).toEqual({ field: "email", op: "is_null" });
    expect(thrownCode(() => edits.toCondition(model, "clients", { field: "region_id", op: "=", values: ["north"] }, "c"))).toBe("BAD_USER_INPUT");
    expect(thrownCode(() => edits.toCondition(model, "clients", { field: "is_active", op: "=", values: ["maybe"] }, "c"))).toBe("BAD_USER_INPUT");
    // Values that would not compare exactly or name no day are refused, never rolled over.
    expect(thrownCode(() => edits.toCondition(model, "clients", { field: "region_id", op: "=", values: ["99999999999999999999"] }, "c"))).toBe("BAD_USER_INPUT");
    expect(thrownCode(() => edits.toCondition(model, "clients", { field: "signup_date", op: ">=", values: ["2024-13-45"] }, "c"))).toBe("BAD_USER_INPUT");
    expect(thrownCode(() => edits.toCondition(model, "clients", { field: "signup_date", op: ">=", values: ["2023-02-30"] }, "c"))).toBe("BAD_USER_INPUT");
    expect(edits.toCondition(model, "clients", { field: "signup_date", op: ">=", values: ["2024-02-29"] }, "c")).toEqual({ field: "signup_date", op: ">=", value: "2024-02-29" });
    expect(thrownCode(() => edits.toCondition(model, "clients", { field: "email", op: "not_null", values: ["x"] }, "c"))).toBe("BAD_USER_INPUT");
    expect(thrownCode(() => edits.toCondition(model, "clients", { field: "country", op: "=", values: ["a", "b"] }, "c"))).toBe("BAD_USER_INPUT");
    expect(thrownCode(() => edits.toCondition(model, "clients", { field: "nope", op: "=", values: ["a"] }, "c"))).toBe("SEMANTIC_MODEL_UNKNOWN_REFERENCES");
    expect(thrownCode(() => edits.toCondition(model, "planets", { field: "nope", op: "=", values: ["a"] }, "c"))).toBe("SEMANTIC_MODEL_UNKNOWN_REFERENCES");
  });

  it("sets user synonyms of entities and fields, cleaned, leaving generated ones", () => {
    const model = fresh();
    const generated = model.entities.find((e) => e.name === "clients")!.synonyms;
    expect(edits.setSynonyms(model, { entity: "clients" }, ["  patron ", "Patron", "", "big  spender"])).toBe("Synonyms of clients set");
    const clients = model.entities.find((e) => e.name === "clients")!;
    expect(clients.extraSynonyms).toEqual(["patron", "big spender"]);
    expect(clients.synonyms).toEqual(generated);
    edits.setSynonyms(model, { entity: "clients", field: "signup_date" }, ["joined"]);
    expect(clients.fields.find((f) => f.name === "signup_date")!.extraSynonyms).toEqual(["joined"]);
    expect(() => edits.setSynonyms(model, { entity: "clients", field: "shoe_size" }, ["x"])).toThrow(SemanticModelReferenceError);
  });

  it("upserts metrics by name (a generated one becomes the user's) and deletes them", () => {
    const model = fresh();
    const generated = model.metrics.find((m) => m.origin === "generated")!;
    expect(edits.upsertMetric(model, { name: "order_count", entity: "sales_orders", expression: "count(*)" })).toBe("Metric order_count added");
    expect(model.metrics.at(-1)).toMatchObject({ name: "order_count", label: "Order count", origin: "user", synonyms: [], description: null });
    edits.upsertMetric(model, { name: generated.name, entity: generated.entity, expression: generated.expression, label: "Net sales" });
    expect(model.metrics.filter((m) => m.name === generated.name)).toEqual([expect.objectContaining({ origin: "user", label: "Net sales" })]);
    edits.deleteMetric(model, "order_count");
    expect(model.metrics.some((m) => m.name === "order_count")).toBe(false);
    expect(thrownCode(() => edits.deleteMetric(model, "order_count"))).toBe("NOT_FOUND");
  });

  it("upserts glossary terms by term ignoring case, with targets checked", () => {
    const model = fresh();
    edits.upsertGlossaryTerm(model, { term: "Key markets", synonyms: ["key markets", "core markets"], maps: { kind: "filter", entity: "clients", condition: { field: "country", op: "in", values: ["France", "Canada"] } } });
    expect(model.glossary).toEqual([
      { term: "Key markets", synonyms: ["core markets"], definition: "", maps: { kind: "filter", entity: "clients", condition: { field: "country", op: "in", value: ["France", "Canada"] } } },
    ]);
    expect(edits.upsertGlossaryTerm(model, { term: "key MARKETS", maps: { kind: "entity", entity: "clients" } })).toContain("updated");
    expect(model.glossary).toHaveLength(1);
    expect(thrownCode(() => edits.upsertGlossaryTerm(model, { term: "x", maps: { kind: "metric", metric: "nope" } }))).toBe("SEMANTIC_MODEL_UNKNOWN_REFERENCES");
    expect(thrownCode(() => edits.deleteGlossaryTerm(model, "missing"))).toBe("NOT_FOUND");
    edits.deleteGlossaryTerm(model, " Key Markets ");
    expect(model.glossary).toEqual([]);
  });

  it("leaves a dangling reference for the whole-model check when a used metric is deleted", () => {
    const model = fresh();
    edits.upsertMetric(model, { name: "order_count", entity: "sales_orders", expression: "count(*)" });
    edits.upsertGlossaryTerm(model, { term: "volume", maps: { kind: "metric", metric: "order_count" } });
    edits.deleteMetric(model, "order_count");
    expect(findReferenceProblems(model)).toEqual([expect.objectContaining({ path: "glossary[0].maps.metric", target: "order_count" })]);
  });

  it("sets business rules partly or wholly", () => {
    const model = fresh();
    expect(edits.setBusinessRules(model, { fiscalYearStartMonth: 7 })).toBe("Business rules: fiscal year starts in month 7");
    edits.setBusinessRules(model, { defaultFilters: [{ entity: "sales_orders", condition: { field: "status", op: "!=", values: ["cancelled"] }, description: " " }] });
    expect(model.rules).toEqual({ fiscalYearStartMonth: 7, defaultFilters: [{ entity: "sales_orders", condition: { field: "status", op: "!=", value: "cancelled" }, description: null }] });
    expect(thrownCode(() => edits.setBusinessRules(model, {}))).toBe("BAD_USER_INPUT");
  });

  it("keys verified queries by their normalised question", () => {
    const model = fresh();
    edits.upsertVerifiedQuery(model, { question: "How many clients?", sql: "SELECT count(*) FROM clients" });
    expect(edits.upsertVerifiedQuery(model, { question: "how many CLIENTS", sql: "SELECT count(*) FROM clients WHERE is_active" })).toContain("updated");
    expect(model.verifiedQueries).toEqual([{ question: "how many CLIENTS", sql: "SELECT count(*) FROM clients WHERE is_active", note: null }]);
    expect(thrownCode(() => edits.upsertVerifiedQuery(model, { question: "?!", sql: "SELECT 1" }))).toBe("BAD_USER_INPUT");
    edits.deleteVerifiedQuery(model, "How many clients?");
    expect(model.verifiedQueries).toEqual([]);
  });
});

describe("checks against the data source", () => {
  it("accepts aggregates over the entity's columns", async () => {
    const model = fresh();
    const accepted: [string, string][] = [
      ["order_lines", "sum(unit_price * qty * (1 - discount))"],
      ["order_lines", "sum(qty) / nullif(count(*), 0)"],
      ["sales_orders", "count(distinct client_id)"],
      ["sales_orders", "count(*) filter (where status = 'shipped')"],
      ["sales_orders", "max(ordered_at)"],
    ];
    for (const [entity, expression] of accepted) {
      expect({ expression, code: await asyncCode(checkMetric({ name: "m", entity, expression }, model, source)) }).toEqual({ expression, code: "none" });
    }
  });

  it("refuses expressions that do not parse, do not aggregate, use unknown columns or forbidden functions", async () => {
    const model = fresh();
    const check = (expression: string) => asyncCode(checkMetric({ name: "m", entity: "order_lines", expression }, model, source));
    expect(await check("sum(qty")).toBe("METRIC_EXPRESSION_INVALID");
    expect(await check("qty * 2")).toBe("METRIC_EXPRESSION_INVALID");
    expect(await check("qty + sum(qty)")).toBe("METRIC_EXPRESSION_INVALID");
    expect(await check("sum(qty) over ()")).toBe("METRIC_EXPRESSION_INVALID");
    expect(await check("sum(qty); drop table x")).toBe("METRIC_EXPRESSION_INVALID");
    expect(await check("max(pg_sleep(10))")).toBe("METRIC_EXPRESSION_INVALID");
    expect(await check("sum((select count(*) from pg_user))")).toBe("METRIC_EXPRESSION_INVALID");
    await expect(checkMetric({ name: "m", entity: "order_lines", expression: "sum(weight)" }, model, source)).rejects.toThrow(MetricColumnsError);
  });

  it("lists entities and fields the data source does not have", () => {
    const model = fresh();
    expect(snapshotProblems(model, snapshot)).toEqual([]);
    model.entities[0]!.table = "gone";
    model.entities[1]!.fields[0]!.name = "ghost";
    expect(snapshotProblems(model, snapshot).map((p) => p.target)).toEqual([`public.gone`, `public.${model.entities[1]!.table}.ghost`]);
  });

  it("passes verified SQL through the guard in its checked form", async () => {
    expect(await checkVerifiedSql("SELECT count(*) FROM clients; -- all", source)).toBe("SELECT count(*) FROM clients");
    expect(await asyncCode(checkVerifiedSql("UPDATE clients SET country = 'x'", source))).toBe("SQL_NOT_READ_ONLY");
    expect(await asyncCode(checkVerifiedSql("SELECT * FROM planets", source))).toBe("SQL_UNKNOWN_OBJECT");
  });
});
