import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { modes, startTestApp, type TestApp } from "../../testing/app.ts";
import { loadSharedDataset } from "../../testing/datasets.ts";
import type { TestDatabase } from "../../testing/postgres.ts";
import { addSource, askAndWait, editMutation, errorOf, readModel } from "./testing.ts";

const importModel = editMutation("importSemanticModel", "ImportSemanticModelInput");

describe.each(modes)("semantic model YAML import and export (%s)", (mode) => {
  let t: TestApp;
  let northwind: TestDatabase;
  let owner: { token: string };
  let other: { token: string };
  let sourceId: string;

  const read = async () => (await t.gql(readModel, { id: sourceId }, owner.token)).data!.dataSource.semanticModel;
  const importYaml = (yaml: string, token = owner.token) => t.gql(importModel, { input: { dataSourceId: sourceId, yaml } }, token);

  beforeAll(async () => {
    [t, northwind] = await Promise.all([startTestApp(mode), loadSharedDataset("northwind")]);
    await t.signUp();
    owner = await t.signUp();
    other = await t.signUp();
    const res = await t.gql(addSource, { input: { name: "Trading", connectionUrl: northwind.url } }, owner.token);
    sourceId = res.data!.addDataSource.dataSource.id;
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await northwind?.drop();
  });

  it("round-trips: export, edit the YAML, import, and the edits answer questions", async () => {
    const exported = await read();
    const doc = parse(exported.yaml);
    expect(doc).toMatchObject({ format: 1, version: 1, dialect: "postgres" });
    expect(doc.entities).toHaveLength(14);

    doc.entities.find((e: any) => e.name === "shippers").extraSynonyms = ["courier"];
    doc.glossary.push({ term: "heavy shipments", synonyms: [], definition: "Freight over 100", maps: { kind: "filter", entity: "orders", condition: { field: "freight", op: ">", value: 100 } } });
    doc.metrics.push({ name: "average_freight", label: "Average freight", synonyms: ["typical freight"], entity: "orders", expression: "avg(freight)", description: null, origin: "user" });
    doc.rules.fiscalYearStartMonth = 7;
    doc.verifiedQueries.push({ question: "How many shippers?", sql: "SELECT count(*) FROM shippers;", note: null });
    const imported = await importYaml(stringify(doc));
    expect(imported.errors).toBeUndefined();
    const model = imported.data!.importSemanticModel.semanticModel;
    expect(model.version).toBe(2);
    expect(model.glossary).toEqual([
      { term: "heavy shipments", synonyms: [], definition: "Freight over 100", maps: { kind: "FILTER", metric: null, entity: "orders", field: null, condition: { field: "freight", op: "GT", values: ["100"] } } },
    ]);
    expect(model.verifiedQueries[0].sql).toBe("SELECT count(*) FROM shippers");

    // Exporting again gives what was imported (with the new version and the checked SQL).
    const again = parse((await read()).yaml);
    expect(again).toEqual({ ...doc, version: 2, verifiedQueries: [{ question: "How many shippers?", sql: "SELECT count(*) FROM shippers", note: null }] });
    // Importing an unchanged export stores nothing new.
    const same = await importYaml((await read()).yaml);
    expect(same.data!.importSemanticModel.semanticModel.version).toBe(2);

    const run = await askAndWait(t, owner.token, { message: "total freight of heavy shipments by courier", dataSourceId: sourceId });
    expect(run.status).toBe("SUCCEEDED");
    expect(run.sql).toMatch(/"freight" > 100/);
    expect(run.sql).toMatch(/join "shippers"/i);
    const versions = (await t.gql(readModel, { id: sourceId }, owner.token)).data!.dataSource.semanticModelVersions;
    expect(versions.map((v: any) => v.note)).toEqual(["Imported from YAML", "Bootstrapped from the database"]);
  }, 60_000);

  it("refuses bad YAML, bad shapes, unknown references and unsafe parts with typed errors, storing nothing", async () => {
    const doc = parse((await read()).yaml);
    const version = doc.version as number;
    const edited = (change: (d: any) => void) => {
      const copy = structuredClone(doc);
      change(copy);
      return stringify(copy);
    };

    const syntax = errorOf(await importYaml("format: 1\nentities: [unclosed\n  - x: y: z\n"));
    expect(syntax.code).toBe("SEMANTIC_MODEL_YAML_INVALID");
    expect(syntax.details!.line).toBeGreaterThan(0);

    const shape = errorOf(await importYaml(edited((d) => { d.rules.fiscalYearStartMonth = 13; d.metrics[0].name = "not an identifier"; })));
    expect(shape.code).toBe("SEMANTIC_MODEL_INVALID");
    expect(shape.details!.issues.map((i: any) => i.path).sort()).toEqual(["metrics.0.name", "rules.fiscalYearStartMonth"]);

    const references = errorOf(await importYaml(edited((d) => {
      d.entities.find((e: any) => e.name === "shippers").table = "couriers";
      d.entities.find((e: any) => e.name === "orders").fields.push({ ...d.entities.find((e: any) => e.name === "orders").fields[0], name: "priority" });
      d.glossary.push({ term: "x", synonyms: [], definition: "", maps: { kind: "field", entity: "warehouses", field: "city" } });
    })));
    expect(references.code).toBe("SEMANTIC_MODEL_UNKNOWN_REFERENCES");
    expect(references.details!.problems.map((p: any) => p.target).sort()).toEqual(["public.couriers", "public.orders.priority", "warehouses"]);

    const unsafe = errorOf(await importYaml(edited((d) => {
      d.metrics.push({ name: "leak", label: "Leak", synonyms: [], entity: "orders", expression: "max(pg_read_file('/etc/passwd'))", description: null, origin: "user" });
      d.verifiedQueries.push({ question: "wipe", sql: "DELETE FROM orders", note: null });
    })));
    expect(unsafe.code).toBe("SEMANTIC_MODEL_INVALID");
    expect(unsafe.details!.issues.map((i: any) => i.path)).toEqual([`metrics[${doc.metrics.length}].expression`, "verifiedQueries[1].sql"]);
    expect(unsafe.details!.issues[1].message).toContain("SQL_NOT_READ_ONLY");

    expect(errorOf(await importYaml("[]")).code).toBe("SEMANTIC_MODEL_INVALID");
    expect(errorOf(await importYaml(stringify(doc), other.token)).code).toBe("NOT_FOUND");
    expect(errorOf(await importYaml("")).code).toBe("BAD_USER_INPUT");
    expect((await read()).version).toBe(version);
  }, 60_000);
});
