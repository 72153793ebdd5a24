import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedModel } from "../../engine/testing/embedded.ts";
import { createLlmClient, type LlmClient } from "../../llm/client.ts";
import { jsonReply, startOpenAiTestServer, type OpenAiTestServer } from "../../llm/testing/openai-test-server.ts";
import { NeedsInput } from "../stage.ts";
import { planAnswer, type PlanAnswerInput } from "./plan.ts";

/** Depots and parcels, with no declared keys: the reference between them is inferred. */
const SCHEMA = `
CREATE TABLE depot (depot_id int NOT NULL, depot_name text, city text);
CREATE TABLE parcel (parcel_id int NOT NULL, depot_id int, weight_kg numeric, sent_on date);
INSERT INTO depot VALUES (1, 'Harbour', 'Oslo'), (2, 'Airport', 'Bergen');
INSERT INTO parcel SELECT g, 1 + g % 2, g * 0.5, DATE '2024-01-01' + g FROM generate_series(1, 40) g;
`;

const EXAMPLE = { question: "average parcel weight per depot", sql: "SELECT d.depot_name, avg(p.weight_kg) FROM parcel p JOIN depot d ON d.depot_id = p.depot_id GROUP BY 1", note: null };

describe("hybrid mode hands a question with unread words to the model", () => {
  const embedded = embeddedModel(SCHEMA);
  let server: OpenAiTestServer;
  let llm: LlmClient;
  beforeAll(async () => {
    server = await startOpenAiTestServer({ models: ["test-model"] });
    llm = createLlmClient({ baseUrl: server.baseUrl, apiKey: "k", model: "test-model", timeoutMs: 5_000 });
  });
  afterAll(() => server?.close());

  const input = (question: string, mode: PlanAnswerInput["mode"], client: LlmClient | null): PlanAnswerInput => {
    const model = structuredClone(embedded.model);
    model.verifiedQueries.push(EXAMPLE);
    return { question, context: { model, modelVersion: 1, state: null }, prepared: null, mode, llm: client, history: [], validate: async () => ({ ok: true }), signal: new AbortController().signal };
  };

  it("sends the schema, the inferred reference and the closest verified query, naming the unread words", async () => {
    const sql = "SELECT d.depot_name, max(p.weight_kg) FROM parcel p JOIN depot d ON d.depot_id = p.depot_id GROUP BY 1";
    server.script(jsonReply({ sql, explanation: "Heaviest parcel per depot.", tables: ["parcel", "depot"] }));
    const planned = await planAnswer(input("average shoe_size of parcels per depot", "hybrid", llm));
    expect(planned).toMatchObject({ kind: "sql", engine: "LLM", sql, why: "The built-in engine could not read “shoe_size”." });
    const prompt = (server.chatRequests().at(-1)!.body.messages as { content: string }[]).map((m) => m.content).join("\n");
    expect(prompt).toContain("table depot");
    expect(prompt).toContain("table parcel");
    expect(prompt).toMatch(/depot_id integer, references depot\.depot_id \(inferred\)/);
    expect(prompt).toContain(`Question: ${EXAMPLE.question}\nSQL: ${EXAMPLE.sql}`);
    expect(prompt).toContain("No table, column, sampled value or business term matched these words of the question: “shoe_size”");
  });

  it("answers a fully read question itself, without the model", async () => {
    const before = server.chatRequests().length;
    const planned = await planAnswer(input("How many parcels per depot?", "hybrid", llm));
    expect(planned).toMatchObject({ kind: "spec", engine: "BUILTIN" });
    expect(server.chatRequests().length).toBe(before);
  });

  it("asks back instead when no model is configured", async () => {
    const asked = await planAnswer(input("average shoe_size of parcels per depot", "builtin", null)).catch((e: unknown) => e);
    expect(asked).toBeInstanceOf(NeedsInput);
    expect((asked as NeedsInput).message).toContain("“shoe_size”");
  });
});
