import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonReply, startOpenAiTestServer, type OpenAiTestServer } from "../llm/testing/openai-test-server.ts";
import { datasetDumpPath } from "../testing/datasets.ts";
import { evaluate } from "./evaluate.ts";
import { openEvalProduct, type EvalProduct } from "./product.ts";
import { score } from "./report.ts";

describe("eval through the product with ENGINE=llm", () => {
  let model: OpenAiTestServer;
  let product: EvalProduct;

  beforeAll(async () => {
    model = await startOpenAiTestServer({ models: ["test-model"] });
    product = await openEvalProduct({ ...process.env, ENGINE: "llm", OPENAI_BASE_URL: model.baseUrl, OPENAI_API_KEY: "k", OPENAI_MODEL: "test-model" });
  }, 120_000);
  afterAll(async () => {
    await product?.close();
    await model?.close();
  });

  it("sends every question to the model, runs its SQL through the pipeline and scores it", async () => {
    const dataset = await product.register("chinook", datasetDumpPath("chinook"), {});
    try {
      model.script(
        jsonReply({ sql: "SELECT count(*) FROM artist", explanation: "Artists.", tables: ["artist"] }),
        jsonReply({ sql: "SELECT count(*) FROM album", explanation: "Wrong on purpose.", tables: ["album"] }),
      );
      const cases = [
        { id: "a", dataset: "chinook", turns: [{ question: "How many artists are there?", gold_sql: "SELECT COUNT(*) FROM artist" }] },
        { id: "b", dataset: "chinook", turns: [{ question: "How many genres are there?", gold_sql: "SELECT COUNT(*) FROM genre" }] },
      ];
      const results = await evaluate(cases, new Map([["chinook", dataset]]));
      expect(results.map((r) => [r.id, r.sql, r.correct])).toEqual([
        ["a", "SELECT count(*) FROM artist", true],
        ["b", "SELECT count(*) FROM album", false],
      ]);
      expect(model.chatRequests()).toHaveLength(2);
      const all = score(results).find((s) => s.label === "all")!;
      expect([all.turnsCorrect, all.turns]).toEqual([1, 2]);
    } finally {
      await dataset.close();
    }
  });
});
