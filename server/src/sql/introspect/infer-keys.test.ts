import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Queryable, SchemaSnapshot, TableSnapshot } from "../snapshot.ts";
import { introspectPostgres, type IntrospectProgress } from "./postgres.ts";

/** A library with no declared keys at all: short `<initial>id` keys, `<table>_id` references, link tables. */
const LIBRARY = `
CREATE TABLE author (aid bigint NOT NULL, name text, homepage text);
CREATE TABLE book (bid bigint NOT NULL, title text, aid bigint, year int);
CREATE TABLE member (id int, full_name text);
CREATE TABLE loans (member_id int, book_id bigint, loaned_on date);
CREATE TABLE book_topic (bid bigint, tid bigint);
CREATE TABLE topic (tid bigint, label text);
CREATE TABLE city (city_name text, region text);
CREATE TABLE branch (branch_name text, city_name text);
CREATE TABLE region_stats (region text, rainfall int);
INSERT INTO author VALUES (1, 'Ann', NULL), (2, 'Bo', 'bo.example'), (3, 'Cy', NULL);
INSERT INTO book SELECT g, 'Book ' || g, 1 + g % 3, 1990 + g FROM generate_series(1, 12) g;
INSERT INTO member SELECT g, 'Member ' || g FROM generate_series(1, 5) g;
INSERT INTO loans SELECT 1 + g % 5, 1 + g % 12, DATE '2024-01-01' + g FROM generate_series(1, 30) g;
INSERT INTO topic VALUES (1, 'History'), (2, 'Science');
INSERT INTO book_topic SELECT g, 1 + g % 2 FROM generate_series(1, 12) g;
INSERT INTO city VALUES ('Lyon', 'South'), ('Lille', 'North'), ('Nantes', 'West');
INSERT INTO branch VALUES ('Central', 'Lyon'), ('Harbour', 'Nantes'), ('Old Town', 'Lyon');
INSERT INTO region_stats VALUES ('South', 10), ('North', 30), ('Atlantis', 5), ('East', 20);
`;

/** A warehouse star schema without constraints: `dim_`/`fact_` prefixes and `<thing>_key` surrogate keys. */
const STAR = `
CREATE TABLE dim_customer (customer_key int, customer_name text);
CREATE TABLE dim_date (date_key int, day date);
CREATE TABLE fact_sales (customer_key int, date_key int, amount numeric(10,2));
CREATE TABLE stray (customer_key int, note text);
INSERT INTO dim_customer SELECT g, 'C' || g FROM generate_series(1, 20) g;
INSERT INTO dim_date SELECT g, DATE '2024-01-01' + g FROM generate_series(1, 50) g;
INSERT INTO fact_sales SELECT 1 + g % 20, 1 + g % 50, g FROM generate_series(1, 200) g;
-- Mostly values no customer has: named alike, but not a reference.
INSERT INTO stray SELECT 100 + g, 'x' FROM generate_series(1, 10) g;
`;

/**
 * camelCase names PostgreSQL folded to lower case, a prefix on every name and
 * each table's short form on its columns (`zqWsEmpId`: work shift → employee);
 * keys declared, references not.
 */
const FOLDED = `
CREATE TABLE zqEmployee (zqEmpId int PRIMARY KEY, zqEmpName text, zqEmpCity text);
CREATE TABLE zqProject (zqProjectId int PRIMARY KEY, zqProjectTitle text);
CREATE TABLE zqWorkShift (zqWsId int PRIMARY KEY, zqWsEmpId int, zqWsProjectId int, zqWsHours numeric(5,2));
CREATE TABLE zqPayment (zqPmtId int PRIMARY KEY, zqPmtEmpId int, zqPmtAmt numeric(10,2));
INSERT INTO zqEmployee SELECT g, 'E' || g, 'Town' FROM generate_series(1, 6) g;
INSERT INTO zqProject SELECT g, 'P' || g FROM generate_series(1, 3) g;
INSERT INTO zqWorkShift SELECT g, 1 + g % 6, 1 + g % 3, 8 FROM generate_series(1, 20) g;
INSERT INTO zqPayment SELECT g, 1 + g % 6, 100 FROM generate_series(1, 10) g;
`;

const tableOf = (snap: SchemaSnapshot, name: string): TableSnapshot => {
  const t = snap.tables.find((x) => x.name === name);
  if (!t) throw new Error(`missing ${name}`);
  return t;
};
const refs = (t: TableSnapshot) => t.foreignKeys.map((fk) => `${fk.columns[0]} → ${fk.refTable}.${fk.refColumns[0]} (${fk.evidence?.rule})`).sort();

describe("inferring keys and references of a library without constraints", () => {
  const db = new PGlite();
  let snap: SchemaSnapshot;
  const progress: IntrospectProgress[] = [];
  beforeAll(async () => {
    await db.exec(LIBRARY);
    snap = await introspectPostgres(db, { onProgress: (p) => progress.push(p) });
  });
  afterAll(() => db.close());

  it("takes a unique, non-null column named like the table's identifier as its primary key", () => {
    expect(tableOf(snap, "author")).toMatchObject({ primaryKey: ["aid"], primaryKeyInferred: true });
    expect(tableOf(snap, "book")).toMatchObject({ primaryKey: ["bid"], primaryKeyInferred: true });
    expect(tableOf(snap, "member")).toMatchObject({ primaryKey: ["id"], primaryKeyInferred: true });
    expect(tableOf(snap, "topic").primaryKey).toEqual(["tid"]);
    // Repeated values: not a key, whatever the name.
    expect(tableOf(snap, "loans").primaryKey).toEqual([]);
    expect(tableOf(snap, "book_topic").primaryKey).toEqual([]);
  });

  it("finds references by names, checked against the values", () => {
    expect(refs(tableOf(snap, "book"))).toEqual(["aid → author.aid (same_name_as_key)"]);
    expect(refs(tableOf(snap, "loans"))).toEqual(["book_id → book.bid (names_table)", "member_id → member.id (names_table)"]);
    expect(refs(tableOf(snap, "book_topic"))).toEqual(["bid → book.bid (same_name_as_key)", "tid → topic.tid (same_name_as_key)"]);
    const fk = tableOf(snap, "loans").foreignKeys.find((f) => f.columns[0] === "member_id")!;
    expect(fk).toMatchObject({ inferred: true, evidence: { containment: 1, sampled: 5 } });
  });

  it("joins on a shared specific name where one side is unique, and keeps it a value to filter by", () => {
    expect(refs(tableOf(snap, "branch"))).toEqual(["city_name → city.city_name (shared_name)"]);
    expect(tableOf(snap, "branch").columns.find((c) => c.name === "city_name")?.samples).toEqual(["Lyon", "Nantes"]);
    // `region` is a single generic word: sharing it proves nothing.
    expect(refs(tableOf(snap, "city"))).toEqual([]);
  });

  it("reports progress of the key and reference checks", () => {
    expect(progress.some((p) => p.phase === "keys" && p.done === p.total && p.total > 0)).toBe(true);
    expect(progress.some((p) => p.phase === "references" && p.done === p.total && p.total > 0)).toBe(true);
  });
});

describe("inferring the references of a star schema without constraints", () => {
  const db = new PGlite();
  let snap: SchemaSnapshot;
  beforeAll(async () => {
    await db.exec(STAR);
    snap = await introspectPostgres(db);
  });
  afterAll(() => db.close());

  it("reads `<thing>_key` of `dim_<thing>` as its key and the fact table's columns as references", () => {
    expect(tableOf(snap, "dim_customer").primaryKey).toEqual(["customer_key"]);
    expect(refs(tableOf(snap, "fact_sales"))).toEqual([
      "customer_key → dim_customer.customer_key (names_table)",
      "date_key → dim_date.date_key (names_table)",
    ]);
  });

  it("drops a name match whose values are mostly missing on the other side", () => {
    expect(tableOf(snap, "stray").foreignKeys).toEqual([]);
  });
});

describe("inferring references when the value checks fail", () => {
  const db = new PGlite();
  afterAll(() => db.close());

  it("keeps the guesses whose names point at the referenced table, and still introspects", async () => {
    await db.exec(LIBRARY);
    // Every containment check times out.
    const failing: Queryable = {
      query: (sql, params) => {
        if (sql.includes("FILTER (WHERE")) return Promise.reject(Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }));
        return db.query(sql, params) as never;
      },
    };
    const snap = await introspectPostgres(failing);
    expect(refs(tableOf(snap, "loans"))).toEqual(["book_id → book.bid (names_table)", "member_id → member.id (names_table)"]);
    expect(tableOf(snap, "loans").foreignKeys[0]!.evidence).toMatchObject({ containment: null, sampled: 0 });
    // `city_name` is named after `city`: the name alone is enough when nothing could be measured.
    expect(refs(tableOf(snap, "branch"))).toEqual(["city_name → city.city_name (shared_name)"]);
    expect(tableOf(snap, "author").primaryKey).toEqual(["aid"]);
  });
});

describe("inferring the references of a folded, prefixed schema", () => {
  const db = new PGlite();
  let snap: SchemaSnapshot;
  beforeAll(async () => {
    await db.exec(FOLDED);
    snap = await introspectPostgres(db);
  });
  afterAll(() => db.close());

  it("reads a column without its table's short form as the table it names (`zqwsempid` → employee)", () => {
    expect(refs(tableOf(snap, "zqworkshift"))).toEqual([
      "zqwsempid → zqemployee.zqempid (names_table)",
      "zqwsprojectid → zqproject.zqprojectid (names_table)",
    ]);
    expect(refs(tableOf(snap, "zqpayment"))).toEqual(["zqpmtempid → zqemployee.zqempid (names_table)"]);
    expect(refs(tableOf(snap, "zqemployee"))).toEqual([]);
  });
});
