import { describe, expect, it } from "vitest";
import { embeddedModel, itAnswers, type Turn } from "./testing/embedded.ts";

/** Recipes whose `*_num` columns count things (they start at zero) or label them (they start at one). */
const SCHEMA = `
CREATE TABLE chef (cid int PRIMARY KEY, name text);
CREATE TABLE recipe (rid int PRIMARY KEY, title text, year int, cid int REFERENCES chef, like_num int, step_num int, shelf_num int);
INSERT INTO chef VALUES (1, 'Ann'), (2, 'Bo'), (3, 'Cy');
INSERT INTO recipe SELECT g, 'Dish ' || g, 2020 + g % 3, 1 + g % 3, (g * 7) % 11, g % 5, 10 + g FROM generate_series(1, 15) g;
`;

const CONVERSATIONS: Turn[][] = [
  [["What is the total number of likes received by each chef?", "SELECT c.name, sum(r.like_num) FROM chef c JOIN recipe r USING (cid) GROUP BY c.cid, c.name"]],
  [["What is the average number of likes of recipes in each year?", "SELECT year, avg(like_num) FROM recipe GROUP BY year"]],
  [["What is the title of the recipe with the highest number of likes?", "SELECT title FROM recipe ORDER BY like_num DESC LIMIT 1"]],
  [["top 3 recipes by number of steps", "SELECT title, step_num FROM recipe ORDER BY step_num DESC, rid LIMIT 3"]],
];

describe("number columns that count things", () => {
  const embedded = embeddedModel(SCHEMA);

  it("reads a zero-based number column as an amount and one that starts higher as a label", () => {
    const fields = embedded.model.entities.find((e) => e.name === "recipe")?.fields ?? [];
    const role = (name: string) => fields.find((f) => f.name === name);
    expect(role("like_num")).toMatchObject({ role: "measure", aggregation: "sum" });
    expect(role("step_num")).toMatchObject({ role: "measure", aggregation: "sum" });
    expect(role("shelf_num")?.role).toBe("dimension");
  });

  itAnswers(embedded, CONVERSATIONS, { goldHasRows: true });
});
