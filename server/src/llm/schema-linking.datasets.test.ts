import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { bootstrapSemanticModel } from "../semantic/bootstrap.ts";
import type { SemanticModel } from "../semantic/types.ts";
import { introspectPostgres } from "../sql/introspect/postgres.ts";
import { createTestDatabase } from "../testing/postgres.ts";
import { buildPrompt } from "./prompt.ts";
import { linkSchema } from "./schema-linking.ts";
import { sharedDatasetsDir } from "../testing/datasets.ts";

/**
 * Schema linking on semantic models bootstrapped, with no hand configuration,
 * from two real sample databases loaded into PostgreSQL and introspected.
 */
const datasetsDir = sharedDatasetsDir;

async function bootstrapDataset(name: string): Promise<SemanticModel> {
  const database = await createTestDatabase(`llm${name}`);
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  try {
    await pool.query(await readFile(path.join(datasetsDir, name, `${name}.sql`), "utf8"));
    await pool.query("ANALYZE");
    return bootstrapSemanticModel(await introspectPostgres(pool));
  } finally {
    await pool.end();
    await database.drop();
  }
}

const cases: Record<string, { question: string; needs: string[]; notShown?: string[] }[]> = {
  chinook: [
    { question: "How many artists are there?", needs: ["artist"], notShown: ["playlist", "employee"] },
    { question: "Number of albums per artist, top 3", needs: ["album", "artist"], notShown: ["customer"] },
    { question: "Total invoice amount per year", needs: ["invoice"], notShown: ["track"] },
    { question: "How many tracks does each media type have?", needs: ["track", "media_type"] },
    { question: "How many customers are from Canada?", needs: ["customer"], notShown: ["track", "playlist"] },
    { question: "Average invoice total by billing country", needs: ["invoice"] },
    { question: "Revenue per artist", needs: ["invoice_line", "track", "album", "artist"] },
    { question: "Customers who bought rock tracks", needs: ["customer", "invoice", "invoice_line", "track", "genre"] },
    { question: "How many playlists contain Metallica songs?", needs: ["playlist", "playlist_track", "track", "album", "artist"] },
  ],
  northwind: [
    { question: "How many employees are there?", needs: ["employees"], notShown: ["products"] },
    { question: "Number of orders per ship country", needs: ["orders"], notShown: ["products", "categories"] },
    { question: "Average unit price of products per category", needs: ["products", "categories"] },
    { question: "How many orders were shipped to Brazil by Speedy Express?", needs: ["orders", "shippers"] },
    { question: "Sales by category", needs: ["order_details", "products", "categories"] },
    { question: "Which employee handled the most orders?", needs: ["orders", "employees"] },
    { question: "Number of products per supplier country", needs: ["products", "suppliers"] },
  ],
};

describe.each(Object.keys(cases))("schema linking on the %s sample database", (dataset) => {
  let model: SemanticModel;
  beforeAll(async () => {
    model = await bootstrapDataset(dataset);
  });

  it.each(cases[dataset]!)("$question", ({ question, needs, notShown }) => {
    const linked = linkSchema(question, model);
    const shown = linked.tables.map((t) => t.entity);
    expect(shown).toEqual(expect.arrayContaining(needs));
    expect(needs).toContain(shown[0]);
    for (const name of notShown ?? []) expect(shown).not.toContain(name);
    expect(linked.tokens).toBeLessThanOrEqual(1500);
  });
});

describe("follow-ups on a real database", () => {
  it("keeps the previous query's tables for a turn that names none", async () => {
    const model = await bootstrapDataset("northwind");
    const prompt = buildPrompt({
      question: "Only the top 3",
      model,
      history: [
        {
          question: "Number of products per supplier country",
          sql: "SELECT s.country, count(*) FROM products p JOIN suppliers s ON s.supplier_id = p.supplier_id GROUP BY s.country",
        },
      ],
      examples: [],
    });
    const previous = prompt.linked.tables.filter((t) => t.why === "previous").map((t) => t.entity);
    expect(previous.sort()).toEqual(["products", "suppliers"]);
    const user = String(prompt.messages[1]!.content);
    expect(user).toContain("Previous question: Number of products per supplier country");
    expect(user.indexOf("table products")).toBeGreaterThan(-1);
    expect(user.indexOf("table suppliers")).toBeGreaterThan(-1);
  });
});
