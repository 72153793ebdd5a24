import { describe, expect, it } from "vitest";
import { plan } from "./plan.ts";
import { embeddedModel, itAnswers, type Turn } from "./testing/embedded.ts";

/** A workshop of our own: mechanics, vehicles, repair jobs and the invoices paid for them. */
const SCHEMA = `
CREATE TABLE mechanic (id int PRIMARY KEY, first_name text, last_name text);
CREATE TABLE vehicle (id int PRIMARY KEY, make text, model text);
CREATE TABLE job (id int PRIMARY KEY, mechanic_id int REFERENCES mechanic, vehicle_id int REFERENCES vehicle, job_kind text, job_date date, labour numeric(10,2));
CREATE TABLE invoice (id int PRIMARY KEY, job_id int REFERENCES job, payment_date date, payment_method text, amount numeric(10,2));
CREATE TABLE hotel (id int PRIMARY KEY, name text, city text, rating numeric(3,1));
INSERT INTO hotel VALUES (1, 'Ash', 'Lyon', 5.0), (2, 'Birch', 'Lyon', 1.0), (3, 'Cedar', 'Nice', 4.0), (4, 'Dune', 'Nice', 4.0);
CREATE TABLE region (id int PRIMARY KEY, region_name text, area int);
CREATE TABLE town (id int PRIMARY KEY, town_name text, region_id int REFERENCES region, area int);
INSERT INTO region VALUES (1, 'Alpha', 300), (2, 'Beta', 2000);
INSERT INTO town VALUES (1, 'Ayr', 1, 5000), (2, 'Bute', 2, 10), (3, 'Cole', 2, 20), (4, 'Deal', 1, 40);
CREATE TABLE pond (pond_name text, region_name text);
INSERT INTO pond VALUES ('Mere', 'Alpha'), ('Tarn', 'Alpha'), ('Loch', 'Beta'), ('Pool', NULL);
CREATE TABLE supplier (id int PRIMARY KEY, name text);
INSERT INTO supplier VALUES (1, 'Kia'), (2, 'Bosch');
INSERT INTO mechanic SELECT g, 'First' || g, 'Last' || g FROM generate_series(1, 8) g;
INSERT INTO vehicle SELECT g, (ARRAY['Fiat','Opel','Kia'])[1 + g % 3], 'Model ' || g FROM generate_series(1, 9) g;
INSERT INTO job SELECT g, 1 + g % 5, 1 + g % 9, (ARRAY['tyres','brakes','service'])[1 + g % 3], DATE '2023-03-20' + g, 50 + g FROM generate_series(1, 30) g;
INSERT INTO invoice SELECT g, g, DATE '2023-03-25' + g, (ARRAY['card','cash'])[1 + g % 2], 60 + g FROM generate_series(1, 24) g;
`;

const CONVERSATIONS: Turn[][] = [
  // "IDs" is the plural of the key's name, and "the distinct list of" lists rather than counts.
  [["Return the distinct list of mechanic IDs that have done a 'brakes' job.", "SELECT DISTINCT m.id FROM mechanic m JOIN job j ON j.mechanic_id = m.id WHERE j.job_kind = 'brakes'"]],
  // The clause after "that" says which rows; its "payment" (the payment date's head word) is not listed.
  [["Return the distinct list of mechanic IDs that have a cash payment.", "SELECT DISTINCT m.id FROM mechanic m JOIN job j ON j.mechanic_id = m.id JOIN invoice i ON i.job_id = j.id WHERE i.payment_method = 'cash'"]],
  // "made" is a light verb there, not the vehicle's make.
  [["Return the distinct list of vehicle IDs that have made a 'service' job.", "SELECT DISTINCT v.id FROM vehicle v JOIN job j ON j.vehicle_id = v.id WHERE j.job_kind = 'service'"]],
  // A quoted value is matched to the column holding it, not to the rows' name column (model).
  [["How many 'Kia' vehicles are there?", "SELECT count(*) FROM vehicle WHERE make = 'Kia'"]],
  // Held by two tables: the one named just before the quote.
  [["How many jobs were done on the vehicle 'Kia'?", "SELECT count(*) FROM job j JOIN vehicle v ON v.id = j.vehicle_id WHERE v.make = 'Kia'"]],
  // An order stated by its two ends keeps every row; "total count of" counts like "number of".
  [["List the jobs starting from the highest labour to the lowest", "SELECT id, labour FROM job ORDER BY labour DESC"]],
  [["List the jobs from the lowest labour to the highest", "SELECT id, labour FROM job ORDER BY labour"]],
  [["What is the total count of jobs for each job kind?", "SELECT job_kind, count(*) FROM job GROUP BY job_kind"]],
  // The city of the top hotel (Lyon), not the city with the best average (Nice).
  [["Which city has the highest-rated hotel?", "SELECT city FROM hotel ORDER BY rating DESC LIMIT 1"]],
  // The area of the regions named just before "with"/"whose", each town's one region.
  [["Which towns are in regions with an area greater than 1000?", "SELECT t.town_name FROM town t JOIN region r ON r.id = t.region_id WHERE r.area > 1000"]],
  [["towns in regions whose area is greater than 1000", "SELECT t.town_name FROM town t JOIN region r ON r.id = t.region_id WHERE r.area > 1000"]],
  [["towns with an area greater than 1000", "SELECT town_name FROM town WHERE area > 1000"]],
  // Ponds name their region (no key): grouped by that name, the pond without one still counted.
  [["How many ponds are there in each region?", "SELECT region_name, count(*) FROM pond GROUP BY region_name"]],
  // The grain between "total" and the amount does not part them.
  [["What was the total monthly labour per job kind?", "SELECT date_trunc('month', job_date), job_kind, sum(labour) FROM job GROUP BY 1, 2"]],
  [["What were the total monthly invoice amounts?", "SELECT date_trunc('month', payment_date), sum(amount) FROM invoice GROUP BY 1"]],
  [["list the distinct job kinds", "SELECT DISTINCT job_kind FROM job"]],
  // "on or after" includes the day named; plain "after" does not.
  [["Return the distinct list of vehicle IDs that have jobs on or after Apr 1, 2023.", "SELECT DISTINCT vehicle_id FROM job WHERE job_date >= '2023-04-01'"]],
  [["number of jobs between Mar 22, 2023 and Mar 31, 2023", "SELECT count(*) FROM job WHERE job_date BETWEEN '2023-03-22' AND '2023-03-31'"]],
  // Saying both ends are included repeats what "between" already means.
  [["number of jobs between Mar 22, 2023 and Mar 31, 2023 (inclusive of start and end dates)", "SELECT count(*) FROM job WHERE job_date BETWEEN '2023-03-22' AND '2023-03-31'"]],
  [["number of jobs after Apr 1, 2023", "SELECT count(*) FROM job WHERE job_date > '2023-04-01'"]],
  [["number of jobs on or before Apr 1, 2023", "SELECT count(*) FROM job WHERE job_date <= '2023-04-01'"]],
];

describe("distinct listings, orderings, key columns and quoted values", () => {
  const embedded = embeddedModel(SCHEMA);

  itAnswers(embedded, CONVERSATIONS, { goldHasRows: true });

  it.each([
    ["List the jobs starting from the highest labour to the lowest", "desc"],
    ["List the jobs from the lowest labour to the highest", "asc"],
  ])("“%s” sorts %s and keeps every row", (question, dir) => {
    const outcome = plan({ question, model: embedded.model });
    expect(outcome.kind === "query" && { dirs: outcome.spec.order.map((o) => o.dir), limit: outcome.spec.limit }).toEqual({ dirs: [dir], limit: null });
  });

  it("still counts with “distinct” after a count word", () => {
    const outcome = plan({ question: "number of distinct job kinds", model: embedded.model });
    expect(outcome.kind === "query" && outcome.spec.measures).toEqual([{ kind: "field", agg: "count_distinct", field: { entity: "job", field: "job_kind" } }]);
  });

  it("asks about a quoted value it has no column to look up in, instead of leaving it out", () => {
    const outcome = plan({ question: "How many jobs mention 'Zebra'?", model: embedded.model });
    expect(outcome.kind).toBe("clarify");
    if (outcome.kind === "clarify") expect(outcome.unread).toContain("Zebra");
  });

  it("asks about quoted text that spells a column's identifier instead of filtering names by it", () => {
    const outcome = plan({ question: `Which vehicles had jobs? A job counts "if job_kind is brakes."`, model: embedded.model });
    expect(outcome.kind).toBe("clarify");
    if (outcome.kind === "clarify") expect(outcome.unread).toEqual(["if job_kind is brakes."]);
  });
});
