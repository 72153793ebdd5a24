import { describe, expect, it } from "vitest";
import { embeddedModel, itAnswers, type Turn } from "./testing/embedded.ts";

/** A bibliography that declares no keys: short `<initial>id` keys, a link table, a join on a shared name. */
const SCHEMA = `
CREATE TABLE writer (wid int NOT NULL, name text);
CREATE TABLE venue (id int, venue_name text);
CREATE TABLE paper (pid int NOT NULL, title text, year int, venue_id int);
CREATE TABLE authored (wid int, pid int);
CREATE TABLE town (town_name text, country text);
CREATE TABLE lab (lab_name text, town_name text, staff int);
INSERT INTO writer VALUES (1, 'Ann'), (2, 'Bo'), (3, 'Cy'), (4, 'Di');
INSERT INTO venue VALUES (1, 'Fast Conf'), (2, 'Slow Journal');
INSERT INTO paper SELECT g, 'Paper ' || g, 2015 + g % 5, 1 + g % 2 FROM generate_series(1, 20) g;
INSERT INTO authored SELECT 1 + g % 3, g FROM generate_series(1, 20) g;
INSERT INTO authored SELECT 4, g FROM generate_series(1, 20, 4) g;
INSERT INTO town VALUES ('Brest', 'France'), ('Turin', 'Italy'), ('Graz', 'Austria');
INSERT INTO lab VALUES ('Wave', 'Brest', 12), ('Rock', 'Turin', 7), ('Sand', 'Brest', 3);
`;

const CONVERSATIONS: Turn[][] = [
  [["number of papers per writer", "SELECT w.name, count(*) FROM writer w JOIN authored a USING (wid) JOIN paper p USING (pid) GROUP BY w.wid, w.name"]],
  [["number of papers per venue", "SELECT v.venue_name, count(*) FROM paper p JOIN venue v ON v.id = p.venue_id GROUP BY v.venue_name"]],
  [["How many papers did Di write?", "SELECT count(*) FROM writer w JOIN authored a USING (wid) WHERE w.name = 'Di'"]],
  [["total staff of labs per country", "SELECT t.country, sum(l.staff) FROM lab l JOIN town t USING (town_name) GROUP BY t.country"]],
];

describe("questions over a schema without declared keys", () => {
  const embedded = embeddedModel(SCHEMA);

  it("infers the link table and the references", () => {
    const { model } = embedded;
    expect(model.entities.find((e) => e.name === "authored")?.bridge).toBe(true);
    expect(model.joins.map((j) => `${j.from}.${j.fromColumns[0]} → ${j.to}.${j.toColumns[0]}`).sort()).toEqual([
      "authored.pid → paper.pid",
      "authored.wid → writer.wid",
      "lab.town_name → town.town_name",
      "paper.venue_id → venue.id",
    ]);
    expect(model.joins.every((j) => j.inferred && j.evidence && j.evidence.containment === 1)).toBe(true);
  });

  itAnswers(embedded, CONVERSATIONS, { goldHasRows: true });
});
