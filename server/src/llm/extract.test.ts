import { describe, expect, it } from "vitest";
import { extractAnswer, partialSql } from "./extract.ts";

describe("extractAnswer", () => {
  it("reads structured output", () => {
    const r = extractAnswer('{"sql":"SELECT count(*) FROM people;","explanation":"Counts people.","tables":["people", 3]}');
    expect(r).toEqual({ ok: true, sql: "SELECT count(*) FROM people", explanation: "Counts people.", tables: ["people"], via: "json" });
  });

  it("finds JSON inside prose, also with braces inside strings", () => {
    const r = extractAnswer('Sure! Here it is:\n{"sql": "SELECT \'{x}\' AS t FROM a", "explanation": "A {braced} note"}\nHope that helps.');
    expect(r).toMatchObject({ ok: true, sql: "SELECT '{x}' AS t FROM a", explanation: "A {braced} note", via: "json-in-text" });
  });

  it("finds JSON in a code fence and accepts other key names", () => {
    const r = extractAnswer('```json\n{\n  "query": "SELECT name FROM pets",\n  "reasoning": "Lists pets."\n}\n```');
    expect(r).toMatchObject({ ok: true, sql: "SELECT name FROM pets", explanation: "Lists pets.", via: "json-in-text" });
  });

  it("reads JSON with raw newlines, trailing commas or a cut-off end", () => {
    const raw = '{"sql": "SELECT a,\n  b\nFROM t", "explanation": "two columns",}';
    expect(extractAnswer(raw)).toMatchObject({ ok: true, sql: "SELECT a,\n  b\nFROM t", explanation: "two columns", via: "json-lenient" });
    expect(extractAnswer('{"sql": "SELECT 1", "explanation": "cut of')).toMatchObject({ ok: true, sql: "SELECT 1" });
  });

  it("strips a fence the model put inside the sql field", () => {
    expect(extractAnswer('{"sql": "```sql\\nSELECT 1\\n```"}')).toMatchObject({ ok: true, sql: "SELECT 1" });
  });

  it("takes SQL from a ```sql fence and keeps the prose as explanation", () => {
    const r = extractAnswer("This lists the top rows.\n\n```sql\nSELECT *\nFROM orders\nLIMIT 5;\n```\n");
    expect(r).toEqual({ ok: true, sql: "SELECT *\nFROM orders\nLIMIT 5", explanation: "This lists the top rows.", tables: [], via: "sql-fence" });
  });

  it("takes bare SQL up to the semicolon or to where prose resumes", () => {
    expect(extractAnswer("SELECT count(*) FROM t WHERE s = 'a;b'; -- done")).toMatchObject({ sql: "SELECT count(*) FROM t WHERE s = 'a;b'", via: "bare-sql" });
    const r = extractAnswer("Here you go:\nWITH x AS (SELECT 1 AS n)\nSELECT n FROM x\n\nThis returns one row.");
    expect(r).toMatchObject({ ok: true, sql: "WITH x AS (SELECT 1 AS n)\nSELECT n FROM x", via: "bare-sql" });
    expect(r.ok && r.explanation).toContain("This returns one row.");
  });

  it("ignores a reasoning model's thinking", () => {
    const r = extractAnswer('<think>Maybe SELECT * FROM wrong; no.</think>\n{"sql": "SELECT 2"}');
    expect(r).toMatchObject({ ok: true, sql: "SELECT 2" });
  });

  it("fails without throwing on malformed JSON, prose without SQL and empty text", () => {
    expect(extractAnswer('{"sql": SELECT 1 FROM t}')).toMatchObject({ ok: false, reason: expect.stringMatching(/JSON/) });
    expect(extractAnswer('{"answer": 42}')).toMatchObject({ ok: false });
    expect(extractAnswer("I am sorry, I cannot help with that.")).toEqual({ ok: false, reason: "The reply held no SQL query." });
    expect(extractAnswer("   ")).toMatchObject({ ok: false });
    expect(extractAnswer('{"sql": ""}')).toMatchObject({ ok: false, reason: expect.stringMatching(/empty/) });
  });
});

describe("partialSql", () => {
  it("decodes the JSON sql string as it streams", () => {
    expect(partialSql('{"sq')).toBe("");
    expect(partialSql('{"sql": "SELECT a,\\n  b FROM \\"T')).toBe('SELECT a,\n  b FROM "T');
    expect(partialSql('{"sql": "SELECT 1\\')).toBe("SELECT 1");
    expect(partialSql('{"sql": "SELECT \\u00e9\\u00')).toBe("SELECT é");
    expect(partialSql('{"sql": "SELECT 1", "explanation": "x')).toBe("SELECT 1");
  });

  it("follows a fence or bare SQL, and shows nothing while the model thinks", () => {
    expect(partialSql("Here:\n```sql\nSELECT *\nFR")).toBe("SELECT *\nFR");
    expect(partialSql("SELECT count(*) FR")).toBe("SELECT count(*) FR");
    expect(partialSql("<think>SELECT maybe")).toBe("");
    expect(partialSql("Let me think")).toBe("");
  });
});
