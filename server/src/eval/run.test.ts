import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CasesFileError, readCases } from "./cases.ts";
import { registerDataset, type RegisteredDataset } from "./register.ts";
import { runCase } from "./run.ts";

const dump = `CREATE TABLE owners (owner_id int PRIMARY KEY, name text, city text);
CREATE TABLE pets (pet_id int PRIMARY KEY, name text, species text, owner_id int REFERENCES owners);
CREATE TABLE vets (vet_id int PRIMARY KEY, name text, clinic text);
INSERT INTO owners VALUES (1, 'Ann', 'Oslo'), (2, 'Bob', 'Rome');
INSERT INTO pets VALUES (1, 'Tom', 'cat', 1), (2, 'Rex', 'dog', 2), (3, 'Kit', 'cat', 1);
INSERT INTO vets VALUES (1, 'Dr Who', 'Central');`;

describe("eval cases and outcomes", () => {
  let dir: string;
  let tiny: RegisteredDataset;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "am-eval-run-"));
    await fs.writeFile(path.join(dir, "tiny.sql"), dump);
    tiny = await registerDataset("tiny", path.join(dir, "tiny.sql"));
  });
  afterAll(async () => {
    await tiny?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("reads gold SQL given as one query or a list, and the category of a case or a turn", async () => {
    const file = path.join(dir, "cases.jsonl");
    await fs.writeFile(
      file,
      [
        JSON.stringify({ id: "a", dataset: "tiny", category: "count", turns: [{ question: "q", gold_sql: ["SELECT 1", "SELECT 2"] }, { question: "r", gold_sql: "SELECT 3", category: "list" }] }),
        "",
      ].join("\n"),
    );
    const [c] = await readCases(file);
    expect(c).toEqual({ id: "a", dataset: "tiny", category: "count", turns: [{ question: "q", gold_sql: ["SELECT 1", "SELECT 2"] }, { question: "r", gold_sql: "SELECT 3", category: "list" }] });
    await fs.writeFile(file, `${JSON.stringify({ id: "b", dataset: "tiny", turns: [{ question: "q", gold_sql: [] }] })}\n`);
    await expect(readCases(file)).rejects.toThrow(new CasesFileError(`${file}:1: gold_sql must list at least one query (turns.0.gold_sql)`));
  });

  it("counts a prediction right when it matches any of the gold answers", async () => {
    const [right] = await runCase({ id: "r", dataset: "tiny", category: "count", turns: [{ question: "How many pets?", gold_sql: ["SELECT 99", "SELECT count(*) FROM pets"] }] }, tiny);
    expect(right).toMatchObject({ correct: true, outcome: "right", code: null, category: "count" });
    const [wrong] = await runCase({ id: "w", dataset: "tiny", turns: [{ question: "How many pets?", gold_sql: ["SELECT 99", "SELECT 98"] }] }, tiny);
    expect(wrong).toMatchObject({ correct: false, outcome: "wrong", category: null, reason: "different result (1 rows vs 1 or 1 expected)" });
  });

  it("keeps asked-back and failed turns apart from wrong SQL, with their code", async () => {
    const asking = (error: string) => ({ run: tiny.run, conversation: async () => ({ ask: async () => ({ sql: null, error }) }) });
    for (const code of ["CLARIFICATION", "DISCOVERY"]) {
      const [asked] = await runCase({ id: "c", dataset: "tiny", turns: [{ question: "How many?", gold_sql: "SELECT 2" }] }, asking(`${code}: Which one?`));
      expect(asked).toMatchObject({ sql: null, correct: false, outcome: "asked", code });
    }
    const [failed] = await runCase({ id: "f", dataset: "tiny", turns: [{ question: "How many pets does each vet treat?", gold_sql: "SELECT 1" }] }, tiny);
    expect(failed).toMatchObject({ sql: null, correct: false, outcome: "failed", code: "NO_JOIN_PATH", error: "NO_JOIN_PATH: No chain of references connects pets and vets." });
    const [noGold] = await runCase({ id: "g", dataset: "tiny", turns: [{ question: "How many pets?", gold_sql: "SELECT nope FROM nowhere" }] }, tiny);
    expect(noGold).toMatchObject({ correct: false, outcome: "failed", code: "GOLD_SQL_FAILED" });
    const [unscored] = await runCase({ id: "u", dataset: "tiny", turns: [{ question: "How many pets?" }] }, tiny);
    expect(unscored).toMatchObject({ correct: null, outcome: "unscored" });
    const [missing] = await runCase({ id: "m", dataset: "elsewhere", turns: [{ question: "How many pets?", gold_sql: "SELECT 3" }] }, undefined);
    expect(missing).toMatchObject({ correct: false, outcome: "failed", code: "DATASET_NOT_LOADED" });
  });

  it("does not score the SQL of a turn that ended in an error", async () => {
    const failing = { run: tiny.run, conversation: async () => ({ ask: async () => ({ sql: "SELECT count(*) FROM pets", error: "QUERY_TIMEOUT: The query ran too long." }) }) };
    const [r] = await runCase({ id: "t", dataset: "tiny", turns: [{ question: "How many pets?", gold_sql: "SELECT count(*) FROM pets" }] }, failing);
    expect(r).toMatchObject({ correct: false, outcome: "failed", code: "QUERY_TIMEOUT" });
  });
});
