import { describe, expect, it } from "vitest";
import { compile } from "./compile/compile.ts";
import { plan } from "./plan.ts";
import { splitInstructions } from "./read/instructions.ts";
import { embeddedModel, itAnswers, type Turn } from "./testing/embedded.ts";

/** A harbour register without declared keys: `*_name` and `*_country` columns, an integer year, dated voyages. */
const SCHEMA = `
CREATE TABLE vessel (vessel_id int NOT NULL, vessel_name text, flag_country text, tonnage int, built_year int, port_name text);
CREATE TABLE port (port_name text NOT NULL, country_name text, berths int);
CREATE TABLE voyage (voyage_id int NOT NULL, vessel_id int, depart_date date, arrive_date date, cargo_type text, cargo_tons int);
INSERT INTO port VALUES ('Bergen', 'Norway', 12), ('Oslo', 'Norway', 20), ('Genoa', 'Italy', 30), ('Naples', 'Italy', 18), ('Porto', 'Portugal', 9);
INSERT INTO vessel VALUES
 (1, 'Aurora', 'Norway', 8000, 2001, 'Bergen'), (2, 'Borealis', 'Norway', 3000, 1998, 'Oslo'),
 (3, 'Calypso', 'Italy', 12000, 2010, 'Genoa'), (4, 'Delfina', 'Italy', 4500, 2015, 'Naples'),
 (5, 'Estrela', 'Portugal', 6000, 2005, 'Porto'), (6, 'Fjord Star', 'Norway', 2500, 2019, 'Bergen');
INSERT INTO voyage VALUES
 (1, 1, '2024-01-03', '2024-01-09', 'coal', 500), (2, 1, '2024-02-10', '2024-02-15', 'grain', 300),
 (3, 3, '2024-01-20', '2024-02-02', 'coal', 900), (4, 3, '2024-03-01', '2024-03-04', 'timber', 200),
 (5, 3, '2024-04-11', '2024-04-20', 'grain', 650), (6, 4, '2024-02-14', '2024-02-18', 'coal', 120),
 (7, 5, '2024-05-02', '2024-05-09', 'timber', 410), (8, 2, '2024-05-20', '2024-05-22', 'grain', 90);
`;

/** "Today" a day after the last voyage, so relative periods anchor on the data. */
const NOW = new Date("2024-05-23T00:00:00Z");

const CONVERSATIONS: Turn[][] = [
  // Ratios: two conditions on the same rows, two tables, per group.
  [["What is the ratio of vessels with a tonnage above 5000 to vessels with a tonnage below 5000?", "SELECT count(*) FILTER (WHERE tonnage > 5000)::numeric / count(*) FILTER (WHERE tonnage < 5000) FROM vessel"]],
  [["What is the ratio of voyages to vessels?", "SELECT (SELECT count(*) FROM voyage)::numeric / (SELECT count(*) FROM vessel)"]],
  [["What is the ratio of coal voyages out of all voyages?", "SELECT count(*) FILTER (WHERE cargo_type = 'coal')::numeric / count(*) FROM voyage"]],
  [["What is the ratio of the total cargo tons to the number of voyages for each vessel?", "SELECT vessel_id, sum(cargo_tons)::numeric / count(*) FROM voyage GROUP BY vessel_id"]],
  // Breakdowns by a column named "<word>_name".
  [["How many ports are there in each country?", "SELECT country_name, count(*) FROM port GROUP BY country_name"]],
  [["What is the total number of berths by country?", "SELECT country_name, sum(berths) FROM port GROUP BY country_name"]],
  // Plural superlatives with a stated order; "top N" keeps N.
  [["Which vessels have the largest tonnage, from largest to smallest?", "SELECT vessel_name, tonnage FROM vessel ORDER BY tonnage DESC"]],
  [["What are the top 3 vessels by tonnage?", "SELECT vessel_name, tonnage FROM vessel ORDER BY tonnage DESC LIMIT 3"]],
  // Several values of each row.
  [["What is the tonnage and built year of each vessel?", "SELECT vessel_name, tonnage, built_year FROM vessel"]],
  // Set conditions.
  [["Which vessels have no voyages?", "SELECT vessel_name FROM vessel v WHERE NOT EXISTS (SELECT 1 FROM voyage y WHERE y.vessel_id = v.vessel_id)"]],
  [["Which vessels have at least 2 voyages?", "SELECT v.vessel_name, count(*) FROM vessel v JOIN voyage y USING (vessel_id) GROUP BY v.vessel_id, v.vessel_name HAVING count(*) >= 2"]],
  // Dates: days of the week, the previous ISO week, a year kept as a number.
  [["How many voyages departed on weekends?", "SELECT count(*) FROM voyage WHERE extract(isodow FROM depart_date) IN (6, 7)"]],
  [["Number of vessels built each year", "SELECT built_year, count(*) FROM vessel GROUP BY built_year"]],
  // Instructions appended to the question.
  [["What are the names of the vessels of Norway? Follow the instructions below to generate the query: Always filter names using ILIKE", "SELECT vessel_name FROM vessel WHERE flag_country = 'Norway'"]],
];

describe("question kinds over a harbour register", () => {
  const embedded = embeddedModel(SCHEMA);

  itAnswers(embedded, CONVERSATIONS, { now: NOW, goldHasRows: true });

  const sqlFor = (question: string) => {
    const outcome = plan({ question, model: embedded.model, now: NOW });
    if (outcome.kind !== "query") throw new Error(`no query for ${question}`);
    return { sql: compile(outcome.spec, embedded.model).sql, outcome };
  };

  it("divides one answer by the other, keeping both amounts", () => {
    const { sql } = sqlFor("What is the ratio of voyages to vessels?");
    expect(sql).toMatch(/\/ nullif\(/);
    expect(sql).toContain("cross join");
  });

  it("lists every row when the order is stated, and keeps N for top N", () => {
    expect(sqlFor("Which vessels have the largest tonnage, from largest to smallest?").sql).not.toMatch(/limit/i);
    expect(sqlFor("What are the top 3 vessels by tonnage?").sql).toMatch(/desc limit 3$/);
  });

  it("reads the previous ISO week as the last whole Monday-to-Sunday week", () => {
    const { sql, outcome } = sqlFor("voyages that departed in the whole of the previous ISO week not including the current week");
    expect(sql).toContain(`"depart_date" >= '2024-05-13' and "v"."depart_date" < '2024-05-20'`);
    expect(outcome.kind === "query" && outcome.ignored).toEqual([]);
  });

  it("never reads a word of an instruction as a value, and says it set the instruction aside", () => {
    const { sql, outcome } = sqlFor("What are the names of the vessels of Norway? Follow the instructions below to generate the query: Always filter names using ILIKE");
    expect(sql).not.toMatch(/ilike/i);
    expect(outcome.kind === "query" && outcome.ignored).toEqual([]);
    expect(outcome.kind === "query" && outcome.understood.some((u) => u.includes("instruction"))).toBe(true);
  });
});

describe("instructions appended to a question", () => {
  it("sets aside how to write the query and keeps what to return", () => {
    const split = splitInstructions("Which vessels have no voyages, by doing a left join from vessels to voyages? Return the id and name. Match all strings case-insensitively.");
    expect(split.question).toBe("Which vessels have no voyages? Return the id and name.");
    expect(split.instructions).toHaveLength(2);
  });

  it("reads a word defined after the question as what it stands for", () => {
    const split = splitInstructions("Top 3 vessels by total load. Note that load refers to the sum of cargo_tons in the voyage table.");
    expect(split.question).toBe("Top 3 vessels by total cargo_tons.");
  });
});
