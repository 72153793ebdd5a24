import { describe, expect, it } from "vitest";
import { resultsMatch } from "../eval/compare.ts";
import { compile } from "./compile/compile.ts";
import { plan } from "./plan.ts";
import { embeddedModel, itAnswers, type Turn } from "./testing/embedded.ts";

/** A small shop of our own: regions, customers and their purchases. */
const SCHEMA = `
CREATE TABLE region (region_id int PRIMARY KEY, region_name text);
CREATE TABLE customer (customer_id int PRIMARY KEY, customer_name text, country text, region_id int REFERENCES region);
CREATE TABLE purchase (purchase_id int PRIMARY KEY, customer_id int REFERENCES customer, bought_on date, amount numeric(10,2), channel text);
CREATE TABLE warehouse (warehouse_id int PRIMARY KEY, warehouse_name text, capacity int);
INSERT INTO warehouse VALUES (1, 'Dock A', 500), (2, 'Dock B', 800);
INSERT INTO region VALUES (1, 'North'), (2, 'South'), (3, 'East');
INSERT INTO customer SELECT g, 'Customer ' || g, (ARRAY['Brazil','Canada','Kenya'])[1 + g % 3], 1 + g % 3 FROM generate_series(1, 24) g;
INSERT INTO purchase SELECT g, 1 + (g * 5) % 24, DATE '2022-01-01' + g * 3, 10 + (g * 7) % 90, (ARRAY['web','store'])[1 + g % 2] FROM generate_series(1, 300) g;
`;

const NOW = new Date("2024-06-30T12:00:00Z");

/** Fully read, with instruction, politeness, unit, relation and ordering words around the content. */
const READ: Turn[][] = [
  [["Please show the number of purchases per region, thanks", "SELECT r.region_name, count(*) FROM purchase p JOIN customer c USING (customer_id) JOIN region r USING (region_id) GROUP BY r.region_name"]],
  [["How many purchases were placed by each customer? Return the customer name and the count.", "SELECT c.customer_name, count(*) FROM purchase p JOIN customer c USING (customer_id) GROUP BY c.customer_id, c.customer_name"]],
  [["total amount in 2023 in dollars", "SELECT sum(amount) FROM purchase WHERE bought_on >= '2023-01-01' AND bought_on < '2024-01-01'"]],
  [["How many customers live in Brazil?", "SELECT count(*) FROM customer WHERE country = 'Brazil'"]],
  [["top 3 customers by total amount, ordered from highest to lowest", "SELECT c.customer_name, sum(p.amount) s FROM purchase p JOIN customer c USING (customer_id) GROUP BY c.customer_id, c.customer_name ORDER BY s DESC LIMIT 3"]],
];

describe("every content word of a question is read, or the question is asked back", () => {
  const embedded = embeddedModel(SCHEMA);
  const ask = (question: string) => plan({ question, model: embedded.model, now: NOW });

  itAnswers(embedded, READ, { now: NOW, goldHasRows: true });

  it.each([
    ["average shoe_size by region", ["shoe_size"]],
    ["flux capacitance of each customer", ["flux capacitance"]],
    ["how many spaceships were launched per region", ["spaceships", "launched"]],
    ["total amount per customer in each galaxy", ["galaxy"]],
  ])("“%s” is asked back naming %j, never answered", (question, words) => {
    const outcome = ask(question);
    expect(outcome.kind).toBe("clarify");
    if (outcome.kind !== "clarify") return;
    expect(outcome.unread).toEqual(words);
    for (const w of words) expect(outcome.message).toContain(`“${w}”`);
    expect(outcome.message).toMatch(/The closest terms it has: .+\(/);
    // Every option runs as is or is a question to send; the last one answers what was read, said so.
    for (const option of outcome.options) expect(option.spec ?? option.resolvedQuestion).toBeDefined();
    expect(outcome.options.at(-1)!.label).toContain(`Answer without “${words[0]}”`);
  });

  it("offers the closest measures for an unknown one, each option ready to run", async () => {
    const outcome = ask("average shoe_size by region");
    if (outcome.kind !== "clarify") throw new Error("expected a clarification");
    expect(outcome.message).toContain("amount (column of purchase)");
    const option = outcome.options.find((o) => o.resolvedQuestion === "average amount by region");
    expect(option?.spec).toBeDefined();
    const gold = await embedded.run("SELECT r.region_name, avg(p.amount) FROM purchase p JOIN customer c USING (customer_id) JOIN region r USING (region_id) GROUP BY r.region_name");
    expect(resultsMatch(gold, await embedded.run(compile(option!.spec!, embedded.model).sql), false)).toBe(true);
  });

  it("asks about a question that names nothing it has, with the tables to count instead", () => {
    const outcome = ask("how many spaceships were launched per planet");
    expect(outcome).toMatchObject({ kind: "clarify", unread: ["spaceships", "launched", "planet"] });
    if (outcome.kind !== "clarify") return;
    expect(outcome.message).toContain("spaceships launched planet");
    expect(outcome.options.map((o) => o.label)).toContain("Count purchase rows");
  });

  it("asks about a period no date column can take instead of dropping it", () => {
    const outcome = ask("How many warehouses were there in 2023?");
    expect(outcome).toMatchObject({ kind: "clarify", unread: ["in 2023"] });
    if (outcome.kind !== "clarify") return;
    expect(outcome.message).toContain("No date column of warehouse can take “in 2023”");
    expect(outcome.options.map((o) => o.label)).toEqual(["Answer without “in 2023”: Shows the number of warehouses"]);
  });

  it("passes over function words without counting them as read content", () => {
    const outcome = ask("Hmm, could you kindly list the customers located in Kenya, sorted alphabetically?");
    expect(outcome.kind).toBe("query");
    if (outcome.kind !== "query") return;
    expect(outcome.ignored).toEqual([]);
    expect(outcome.skipped).toEqual(expect.arrayContaining(["kindly", "located"]));
  });
});
