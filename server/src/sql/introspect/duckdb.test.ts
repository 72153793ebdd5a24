import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFilePolicy } from "../../modules/data-sources/file-policy.ts";
import { DuckdbExecutor } from "../executor/duckdb/duckdb-executor.ts";
import { parseDuckdbUrl } from "../executor/duckdb/duckdb-url.ts";
import { introspectDuckdb } from "./duckdb.ts";

let root: string;

function executorFor(file: string): DuckdbExecutor {
  const policy = createFilePolicy(root);
  const location = parseDuckdbUrl(`duckdb://${file}`);
  return new DuckdbExecutor({ open: () => policy.resolve(location) });
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "duckdb-introspect-"));
  await mkdir(path.join(root, "parks"));
  await writeFile(path.join(root, "parks", "gardens.csv"), "id,name,opened\n1,Rose Walk,2019-04-01\n2,Fern Hollow,2021-06-15\n3,Lily Court,2023-09-30\n");
  await writeFile(
    path.join(root, "parks", "visits.csv"),
    "id,garden_id,visitors,kind\n1,1,120,school\n2,1,80,public\n3,2,45,public\n4,3,300,festival\n5,2,60,school\n",
  );
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe("introspectDuckdb", () => {
  it("reads a folder's tables with counts, inferred keys and references, samples and ranges", async () => {
    const executor = executorFor(path.join(root, "parks"));
    try {
      const snapshot = await introspectDuckdb(executor.introspectionQueryable());
      expect(snapshot.schemas).toEqual(["main"]);
      const byName = Object.fromEntries(snapshot.tables.map((t) => [t.name, t]));
      expect(Object.keys(byName).sort()).toEqual(["gardens", "visits"]);
      expect(byName.gardens!.columns.map((c) => [c.name, c.dbType, c.type])).toEqual([
        ["id", "BIGINT", "bigint"],
        ["name", "VARCHAR", "text"],
        ["opened", "DATE", "date"],
      ]);
      expect([byName.gardens!.rowEstimate, byName.visits!.rowEstimate]).toEqual([3, 5]);
      expect(byName.gardens!.primaryKey).toEqual(["id"]);
      expect(byName.gardens!.primaryKeyInferred).toBe(true);
      expect(byName.visits!.foreignKeys.map((fk) => [fk.columns, fk.refTable, fk.refColumns, fk.inferred, fk.evidence?.containment])).toEqual([
        [["garden_id"], "gardens", ["id"], true, 1],
      ]);
      const kind = byName.visits!.columns.find((c) => c.name === "kind")!;
      expect([kind.samples, kind.distinct]).toEqual([["festival", "public", "school"], 3]);
      const opened = byName.gardens!.columns.find((c) => c.name === "opened")!;
      expect([opened.min, opened.max]).toEqual(["2019-04-01", "2023-09-30"]);
    } finally {
      await executor.close();
    }
  });

  it("reads declared keys of a .duckdb file in its own schemas", async () => {
    const file = path.join(root, "library.duckdb");
    const writer = await DuckDBInstance.create(file);
    const connection = await writer.connect();
    await connection.run(`CREATE SCHEMA lending;
      CREATE TABLE lending.members (member_no INTEGER PRIMARY KEY, name VARCHAR NOT NULL);
      CREATE TABLE lending.loans (loan_no INTEGER PRIMARY KEY, member_no INTEGER REFERENCES lending.members (member_no), due DATE);
      INSERT INTO lending.members VALUES (1, 'Ada'), (2, 'Bo');
      INSERT INTO lending.loans VALUES (10, 1, '2024-05-01'), (11, 2, '2024-05-03');
      CREATE VIEW lending.overdue AS SELECT * FROM lending.loans WHERE due < DATE '2024-05-02'`);
    connection.closeSync();
    writer.closeSync();
    const executor = executorFor(file);
    try {
      const snapshot = await introspectDuckdb(executor.introspectionQueryable());
      expect(snapshot.schemas).toEqual(["lending"]);
      const byName = Object.fromEntries(snapshot.tables.map((t) => [t.name, t]));
      expect(byName.overdue!.kind).toBe("view");
      expect(byName.members!.primaryKey).toEqual(["member_no"]);
      expect(byName.loans!.foreignKeys.map((fk) => [fk.columns, fk.refSchema, fk.refTable, fk.refColumns, fk.inferred])).toEqual([
        [["member_no"], "lending", "members", ["member_no"], false],
      ]);
      expect(byName.loans!.rowEstimate).toBe(2);
    } finally {
      await executor.close();
    }
  });
});
