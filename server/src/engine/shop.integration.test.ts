import { describe } from "vitest";
import { embeddedModel, itAnswers, type Turn } from "./testing/embedded.ts";

const SCHEMA = `
CREATE TABLE regions (region_id int PRIMARY KEY, region_name text);
CREATE TABLE clients (client_id int PRIMARY KEY, full_name text, country text, region_id int REFERENCES regions, signup_date date, is_active boolean);
CREATE TABLE item_groups (group_id int PRIMARY KEY, group_name text);
CREATE TABLE items (item_id int PRIMARY KEY, item_name text, group_id int REFERENCES item_groups, list_price numeric(8,2), retired int NOT NULL);
CREATE TABLE sales_orders (order_id int PRIMARY KEY, client_id int REFERENCES clients, ordered_at timestamp NOT NULL, status text, shipping_fee numeric(8,2), order_amount numeric(10,2));
CREATE TABLE order_lines (line_id int PRIMARY KEY, order_id int REFERENCES sales_orders, item_id int REFERENCES items, unit_price numeric(8,2), qty int, discount real);
INSERT INTO regions VALUES (1, 'North'), (2, 'South');
INSERT INTO clients SELECT g, 'Client ' || g, (ARRAY['Brazil','Canada','France'])[1 + g % 3], 1 + g % 2, DATE '2022-01-01' + g * 17, g % 4 <> 0 FROM generate_series(1, 30) g;
INSERT INTO item_groups VALUES (1, 'Drinks'), (2, 'Ware');
INSERT INTO items VALUES (1, 'Green Tea', 1, 4.50, 0), (2, 'Oolong', 1, 9.00, 0), (3, 'Teapot', 2, 35.00, 1), (4, 'Cup', 2, 6.00, 0);
INSERT INTO sales_orders SELECT g, CASE WHEN g % 10 = 0 THEN 7 ELSE 1 + (g * 7) % 30 END, TIMESTAMP '2022-01-05 10:00' + (g * 3) * INTERVAL '1 day', (ARRAY['open','shipped','cancelled'])[1 + g % 3], (g % 9) * 2.5 FROM generate_series(1, 300) g;
INSERT INTO order_lines SELECT g, 1 + g % 300, 1 + g % 4, (ARRAY[4.5, 9, 35, 6])[1 + g % 4], 1 + g % 5, (g % 3) * 0.05 FROM generate_series(1, 900) g;
UPDATE sales_orders o SET order_amount = (SELECT sum(unit_price * qty * (1 - discount)) FROM order_lines l WHERE l.order_id = o.order_id);
`;

/** Questions (as conversations) with the SQL an analyst would write for them. */
const CONVERSATIONS: Turn[][] = [
  [["How many clients are there?", "SELECT count(*) FROM clients"]],
  [
    ["clients per country", "SELECT country, count(*) FROM clients GROUP BY country"],
    ["only active ones", "SELECT country, count(*) FROM clients WHERE is_active GROUP BY country"],
  ],
  [["revenue by item group", "SELECT g.group_name, sum(l.unit_price * l.qty * (1 - l.discount)) FROM order_lines l JOIN items i USING (item_id) JOIN item_groups g USING (group_id) GROUP BY g.group_name"]],
  [
    ["number of orders per year", "SELECT extract(year FROM ordered_at), count(*) FROM sales_orders GROUP BY 1"],
    ["just for 2023, by month", "SELECT date_trunc('month', ordered_at), count(*) FROM sales_orders WHERE ordered_at >= '2023-01-01' AND ordered_at < '2024-01-01' GROUP BY 1"],
  ],
  [["Which client has the most orders?", "SELECT c.full_name, count(*) n FROM sales_orders o JOIN clients c USING (client_id) GROUP BY c.client_id, c.full_name ORDER BY n DESC, c.client_id LIMIT 1"]],
  [["clients with more than 12 orders", "SELECT c.client_id, count(*) FROM sales_orders o JOIN clients c USING (client_id) GROUP BY c.client_id HAVING count(*) > 12"]],
  [["total shipping fee for cancelled orders in the North region", "SELECT sum(o.shipping_fee) FROM sales_orders o JOIN clients c USING (client_id) JOIN regions r USING (region_id) WHERE o.status = 'cancelled' AND r.region_name = 'North'"]],
  [["How many clients in each region bought Teapot?", "SELECT r.region_name, count(DISTINCT c.client_id) FROM clients c JOIN regions r USING (region_id) JOIN sales_orders o USING (client_id) JOIN order_lines l USING (order_id) JOIN items i USING (item_id) WHERE i.item_name = 'Teapot' GROUP BY r.region_name"]],
  // Grain: an order's fee counts once per item group, however many of its lines are in that group.
  [["total shipping fee by item group", "SELECT g.group_name, sum(fee) FROM (SELECT DISTINCT g.group_id, o.order_id, o.shipping_fee fee FROM sales_orders o JOIN order_lines l USING (order_id) JOIN items i USING (item_id) JOIN item_groups g USING (group_id)) s JOIN item_groups g USING (group_id) GROUP BY g.group_name"]],
  [["average shipping fee per item group", "SELECT g.group_name, avg(fee) FROM (SELECT DISTINCT g.group_id, o.order_id, o.shipping_fee fee FROM sales_orders o JOIN order_lines l USING (order_id) JOIN items i USING (item_id) JOIN item_groups g USING (group_id)) s JOIN item_groups g USING (group_id) GROUP BY g.group_name"]],
  // An order's own amount split by item group is the amount of its lines in each group.
  [["total order amount by item group", "SELECT g.group_name, sum(l.unit_price * l.qty * (1 - l.discount)) FROM order_lines l JOIN items i USING (item_id) JOIN item_groups g USING (group_id) GROUP BY g.group_name"]],
  [["clients whose name starts with 'Client 2'", "SELECT * FROM clients WHERE full_name ILIKE 'Client 2%'"]],
  [["How many items end with tea?", "SELECT count(*) FROM items WHERE item_name ILIKE '%tea'"]],
  [["number of order lines per item group for item groups starting with the letter D", "SELECT g.group_name, count(*) FROM order_lines l JOIN items i USING (item_id) JOIN item_groups g USING (group_id) WHERE g.group_name ILIKE 'd%' GROUP BY g.group_name"]],
  // A listing after a ranking keeps to what the ranking found.
  [
    ["Which client has the most orders?", "SELECT c.full_name, count(*) n FROM sales_orders o JOIN clients c USING (client_id) GROUP BY c.client_id, c.full_name ORDER BY n DESC LIMIT 1"],
    ["list their orders", "SELECT * FROM sales_orders WHERE client_id = (SELECT client_id FROM sales_orders GROUP BY client_id ORDER BY count(*) DESC LIMIT 1)"],
  ],
  [
    ["number of orders per client", "SELECT c.full_name, count(*) FROM sales_orders o JOIN clients c USING (client_id) GROUP BY c.client_id, c.full_name"],
    ["only the top 1", "SELECT c.full_name, count(*) n FROM sales_orders o JOIN clients c USING (client_id) GROUP BY c.client_id, c.full_name ORDER BY n DESC LIMIT 1"],
    ["show its orders", "SELECT * FROM sales_orders WHERE client_id = (SELECT client_id FROM sales_orders GROUP BY client_id ORDER BY count(*) DESC LIMIT 1)"],
  ],
  [
    ["the most expensive item", "SELECT * FROM items ORDER BY list_price DESC LIMIT 1"],
    ["list its item group", "SELECT g.* FROM item_groups g JOIN items i USING (group_id) WHERE i.item_id = (SELECT item_id FROM items ORDER BY list_price DESC LIMIT 1)"],
  ],
  [["items containing the word tea", "SELECT * FROM items WHERE item_name ILIKE '%tea%'"]],
  [["How many orders contain the item Green Tea?", "SELECT count(DISTINCT order_id) FROM order_lines l JOIN items i USING (item_id) WHERE i.item_name = 'Green Tea'"]],
  // Conditions on related rows that must be missing.
  [["clients who did not place any orders in 2023", "SELECT * FROM clients c WHERE NOT EXISTS (SELECT 1 FROM sales_orders o WHERE o.client_id = c.client_id AND o.ordered_at >= '2023-01-01' AND o.ordered_at < '2024-01-01')"]],
  [["Which clients ordered in 2024 but not in 2023?", "SELECT DISTINCT c.* FROM clients c JOIN sales_orders o USING (client_id) WHERE o.ordered_at >= '2024-01-01' AND o.ordered_at < '2025-01-01' AND NOT EXISTS (SELECT 1 FROM sales_orders x WHERE x.client_id = c.client_id AND x.ordered_at >= '2023-01-01' AND x.ordered_at < '2024-01-01')"]],
  [["clients who never bought a Teapot", "SELECT * FROM clients c WHERE NOT EXISTS (SELECT 1 FROM sales_orders o JOIN order_lines l USING (order_id) JOIN items i USING (item_id) WHERE o.client_id = c.client_id AND i.item_name = 'Teapot')"]],
  [
    ["number of orders per year", "SELECT extract(year FROM ordered_at), count(*) FROM sales_orders GROUP BY 1"],
    ["just 2023 and 2024", "SELECT extract(year FROM ordered_at), count(*) FROM sales_orders WHERE ordered_at >= '2023-01-01' AND ordered_at < '2025-01-01' GROUP BY 1"],
  ],
  [["total shipping fee between March 1 and May 31, 2023", "SELECT sum(shipping_fee) FROM sales_orders WHERE ordered_at >= '2023-03-01' AND ordered_at < '2023-06-01'"]],
  [
    ["number of orders by quarter in 2023", "SELECT date_trunc('quarter', ordered_at), count(*) FROM sales_orders WHERE ordered_at >= '2023-01-01' AND ordered_at < '2024-01-01' GROUP BY 1"],
    ["which quarter was the strongest?", "SELECT date_trunc('quarter', ordered_at), count(*) n FROM sales_orders WHERE ordered_at >= '2023-01-01' AND ordered_at < '2024-01-01' GROUP BY 1 ORDER BY n DESC LIMIT 1"],
  ],
  [["highest list price in each item group", "SELECT g.group_name, max(i.list_price) FROM items i JOIN item_groups g USING (group_id) GROUP BY g.group_name"]],
  [["On average, how many lines does an order have?", "SELECT avg(n) FROM (SELECT order_id, count(*) n FROM order_lines GROUP BY order_id) s"]],
  [["items we still sell", "SELECT * FROM items WHERE retired = 0"]],
  [
    ["How many open orders are there?", "SELECT count(*) FROM sales_orders WHERE status = 'open'"],
    ["which client has the most of those?", "SELECT c.full_name, count(*) n FROM sales_orders o JOIN clients c USING (client_id) WHERE o.status = 'open' GROUP BY c.client_id, c.full_name ORDER BY n DESC LIMIT 1"],
  ],
  [
    ["total shipping fee in 2023", "SELECT sum(shipping_fee) FROM sales_orders WHERE ordered_at >= '2023-01-01' AND ordered_at < '2024-01-01'"],
    ["which country had the most?", "SELECT c.country, sum(o.shipping_fee) v FROM sales_orders o JOIN clients c USING (client_id) WHERE o.ordered_at >= '2023-01-01' AND o.ordered_at < '2024-01-01' GROUP BY c.country ORDER BY v DESC LIMIT 1"],
  ],
  [["the most expensive item in each item group", "SELECT g.group_name, i.item_name, i.list_price FROM items i JOIN item_groups g USING (group_id) WHERE i.list_price = (SELECT max(x.list_price) FROM items x WHERE x.group_id = i.group_id)"]],
  [
    ["How many clients are in Brazil?", "SELECT count(*) FROM clients WHERE country = 'Brazil'"],
    ["show me the list", "SELECT * FROM clients WHERE country = 'Brazil'"],
  ],
  [
    ["list the clients in the North region", "SELECT c.* FROM clients c JOIN regions r USING (region_id) WHERE r.region_name = 'North'"],
    ["how many orders on each", "SELECT c.client_id, count(*) FROM sales_orders o JOIN clients c USING (client_id) JOIN regions r USING (region_id) WHERE r.region_name = 'North' GROUP BY c.client_id"],
  ],
  [["how many order lines got a discount", "SELECT count(*) FROM order_lines WHERE discount > 0"]],
  [
    ["Which client has the most orders?", "SELECT c.full_name, count(*) n FROM sales_orders o JOIN clients c USING (client_id) GROUP BY c.client_id, c.full_name ORDER BY n DESC LIMIT 1"],
    ["and all the clients?", "SELECT c.full_name, count(*) n FROM sales_orders o JOIN clients c USING (client_id) GROUP BY c.client_id, c.full_name"],
  ],
  [["How many orders has each Canadian client placed?", "SELECT c.client_id, count(*) FROM sales_orders o JOIN clients c USING (client_id) WHERE c.country = 'Canada' GROUP BY c.client_id"]],
  [
    ["total shipping fee by country", "SELECT c.country, sum(o.shipping_fee) FROM sales_orders o JOIN clients c USING (client_id) GROUP BY c.country"],
    ["by year instead", "SELECT extract(year FROM ordered_at), sum(shipping_fee) FROM sales_orders GROUP BY 1"],
  ],
  [
    ["Which client has the most orders?", "SELECT c.full_name, count(*) n FROM sales_orders o JOIN clients c USING (client_id) GROUP BY c.client_id, c.full_name ORDER BY n DESC LIMIT 1"],
    ["break that down by year for every client", "SELECT c.full_name, extract(year FROM o.ordered_at), count(*) FROM sales_orders o JOIN clients c USING (client_id) GROUP BY c.client_id, c.full_name, 2"],
  ],
  [
    ["clients with more than 12 orders", "SELECT c.client_id, count(*) FROM sales_orders o JOIN clients c USING (client_id) GROUP BY c.client_id HAVING count(*) > 12"],
    ["show their countries", "SELECT c.client_id, c.country FROM clients c WHERE c.client_id IN (SELECT client_id FROM sales_orders GROUP BY client_id HAVING count(*) > 12)"],
    ["how many is that?", "SELECT count(*) FROM (SELECT client_id FROM sales_orders GROUP BY client_id HAVING count(*) > 12) s"],
  ],
  [
    ["the top 2 countries by shipping fee", "SELECT c.country, sum(o.shipping_fee) v FROM sales_orders o JOIN clients c USING (client_id) GROUP BY c.country ORDER BY v DESC LIMIT 2"],
    ["for Brazil, break it down by client", "SELECT c.client_id, sum(o.shipping_fee) FROM sales_orders o JOIN clients c USING (client_id) WHERE c.country = 'Brazil' GROUP BY c.client_id"],
  ],
  [["Which clients haven't bought anything in 2023?", "SELECT * FROM clients c WHERE NOT EXISTS (SELECT 1 FROM sales_orders o WHERE o.client_id = c.client_id AND o.ordered_at >= '2023-01-01' AND o.ordered_at < '2024-01-01')"]],
  [
    ["How many items are retired?", "SELECT count(*) FROM items WHERE retired = 1"],
    ["list them with their item group", "SELECT i.item_name, g.group_name FROM items i JOIN item_groups g USING (group_id) WHERE i.retired = 1"],
  ],
  [
    ["the top 2 countries by shipping fee", "SELECT c.country, sum(o.shipping_fee) v FROM sales_orders o JOIN clients c USING (client_id) GROUP BY c.country ORDER BY v DESC LIMIT 2"],
    ["what percentage of the total shipping fee does each account for?", "SELECT c.country, 100.0 * sum(o.shipping_fee) / (SELECT sum(shipping_fee) FROM sales_orders) p FROM sales_orders o JOIN clients c USING (client_id) GROUP BY c.country ORDER BY p DESC LIMIT 2"],
  ],
  [["Which clients in Brazil have ordered more than 9 times?", "SELECT c.client_id, count(*) FROM sales_orders o JOIN clients c USING (client_id) WHERE c.country = 'Brazil' GROUP BY c.client_id HAVING count(*) > 9"]],
  [["items priced at 450 cents", "SELECT * FROM items WHERE list_price = 4.50"]],
  [["the 2 most expensive items, with their list price", "SELECT item_name, list_price FROM items ORDER BY list_price DESC LIMIT 2"]],
  [
    ["total shipping fee per region", "SELECT r.region_name, sum(o.shipping_fee) FROM sales_orders o JOIN clients c USING (client_id) JOIN regions r USING (region_id) GROUP BY r.region_name"],
    ["how many clients does each of them have?", "SELECT r.region_name, count(*) FROM clients c JOIN regions r USING (region_id) GROUP BY r.region_name"],
  ],
  [["the 2 most expensive items that are not retired", "SELECT item_name, list_price FROM items WHERE retired = 0 ORDER BY list_price DESC LIMIT 2"]],
  [["average number of order lines per order", "SELECT avg(n) FROM (SELECT order_id, count(*) n FROM order_lines GROUP BY order_id) s"]],
  [["orders in the last 2 months", "SELECT * FROM sales_orders WHERE ordered_at >= (SELECT max(ordered_at) FROM sales_orders)::date - INTERVAL '2 months'"]],
];

describe("questions answered on a real embedded database", () => {
  itAnswers(embeddedModel(SCHEMA), CONVERSATIONS, { now: new Date("2026-01-01T00:00:00Z") });
});
