import { describe } from "vitest";
import { embeddedModel, itAnswers, type Turn } from "../testing/embedded.ts";

// A small warehouse: parts with stock levels, sold on invoice lines.
const SCHEMA = `
CREATE TABLE parts (part_id int PRIMARY KEY, part_name text, units_in_stock int, reorder_level int, units_on_order int, origin_country text, unit_price numeric(8,2));
CREATE TABLE invoices (invoice_id int PRIMARY KEY, issued_on date);
CREATE TABLE invoice_lines (line_id int PRIMARY KEY, invoice_id int REFERENCES invoices, part_id int REFERENCES parts, quantity int, unit_price numeric(8,2));
CREATE TABLE genres (genre_id int PRIMARY KEY, name text);
CREATE TABLE songs (song_id int PRIMARY KEY, title text, genre_id int REFERENCES genres);
CREATE TABLE playlists (playlist_id int PRIMARY KEY, name text);
CREATE TABLE playlist_songs (playlist_id int REFERENCES playlists, song_id int REFERENCES songs, PRIMARY KEY (playlist_id, song_id));
INSERT INTO genres VALUES (1, 'Classical'), (2, 'Rock'), (3, 'Jazz');
INSERT INTO songs SELECT g, 'Song ' || g, 1 + g % 3 FROM generate_series(1, 30) g;
INSERT INTO playlists VALUES (1, 'Classical'), (2, 'Workout'), (3, 'Evening'), (4, 'Road trip');
INSERT INTO playlist_songs SELECT 1 + g % 4, 1 + (g * 7) % 30 FROM generate_series(1, 12) g ON CONFLICT DO NOTHING;
INSERT INTO parts SELECT g, 'Part ' || g, (g * 7) % 40, 10 + g % 15, (g * 3) % 25, (ARRAY['USA','UK','Germany'])[1 + g % 3], 2 + (g * 1.7) FROM generate_series(1, 30) g;
INSERT INTO invoices SELECT g, DATE '2024-01-01' + g FROM generate_series(1, 20) g;
INSERT INTO invoice_lines SELECT g, 1 + g % 20, 1 + (g * 5) % 23, 1 + g % 13, 1 + g * 0.37 FROM generate_series(1, 60) g;
`;

const QUESTIONS: Turn[] = [
  ["Which parts have fewer units in stock than their reorder level?", "SELECT * FROM parts WHERE units_in_stock < reorder_level"],
  ["parts with more units on order than units in stock", "SELECT * FROM parts WHERE units_on_order > units_in_stock"],
  ["How many parts were never sold?", "SELECT count(*) FROM parts p WHERE NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.part_id = p.part_id)"],
  ["How many American parts are there?", "SELECT count(*) FROM parts WHERE origin_country = 'USA'"],
  ["What was our biggest single invoice?", "SELECT invoice_id, sum(quantity * unit_price) v FROM invoice_lines GROUP BY invoice_id ORDER BY v DESC LIMIT 1"],
  ["Which part sold the most units?", "SELECT p.part_name, sum(l.quantity) v FROM invoice_lines l JOIN parts p USING (part_id) GROUP BY p.part_id, p.part_name ORDER BY v DESC LIMIT 1"],
  ["How many playlists include at least one classical song?", "SELECT count(DISTINCT ps.playlist_id) FROM playlist_songs ps JOIN songs s USING (song_id) JOIN genres g USING (genre_id) WHERE g.name = 'Classical'"],
  ["what percentage of parts have fewer units in stock than their reorder level?", "SELECT 100.0 * count(*) FILTER (WHERE units_in_stock < reorder_level) / count(*) FROM parts"],
  ["Which parts had no sales in 2024-01?", "SELECT * FROM parts p WHERE NOT EXISTS (SELECT 1 FROM invoice_lines l JOIN invoices i USING (invoice_id) WHERE l.part_id = p.part_id AND i.issued_on >= '2024-01-01' AND i.issued_on < '2024-02-01')"],
  ["Which parts are below their reorder level?", "SELECT * FROM parts WHERE units_in_stock < reorder_level"],
  ["value of units on order by origin country", "SELECT origin_country, sum(units_on_order * unit_price) FROM parts GROUP BY origin_country"],
  ["parts from the United Kingdom", "SELECT * FROM parts WHERE origin_country = 'UK'"],
];

describe("comparisons and negations read from plain words", () => {
  itAnswers(embeddedModel(SCHEMA), QUESTIONS.map((turn) => [turn]), { goldHasRows: true });
});
