import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, modes, startTestApp, type TestApp } from "../../testing/app.ts";
import { runScript } from "../../testing/datasets.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/postgres.ts";

const ask = `mutation($input: AskInput!) { ask(input: $input) { run { id status question } } }`;
const progress = `subscription($runId: ID!) { queryProgress(runId: $runId) { stage status payload } }`;
const runQuery = `query($id: ID!) { run(id: $id) { status sql explanation question error { code message hint } clarification { label } } }`;

/** Two related tables and one that nothing references: questions across it have no join path. */
const petsSchema = `
  CREATE TABLE owners (owner_id int PRIMARY KEY, name text, city text);
  CREATE TABLE pets (pet_id int PRIMARY KEY, name text, species text, owner_id int REFERENCES owners);
  CREATE TABLE vets (vet_id int PRIMARY KEY, name text, clinic text);
  INSERT INTO owners VALUES (1, 'Ann', 'Oslo'), (2, 'Bob', 'Rome');
  INSERT INTO pets VALUES (1, 'Tom', 'cat', 1), (2, 'Rex', 'dog', 2), (3, 'Kit', 'cat', 1);
  INSERT INTO vets VALUES (1, 'Dr Who', 'Central');`;

type Event = { stage: string; status: string; payload: any };

describe.each(modes)("honest outcomes over the API (%s)", (mode) => {
  let t: TestApp;
  let db: TestDatabase;
  let token: string;
  let dataSourceId: string;

  async function askAndWait(message: string) {
    const res = await t.gql(ask, { input: { message, dataSourceId } }, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    const runId = res.data.ask.run.id as string;
    const events = (await collect<{ queryProgress: Event }>(t.ws(token), progress, { runId }, 1000, 60_000).done).map((r) => r.data!.queryProgress);
    const run = (await t.gql(runQuery, { id: runId }, token)).data!.run;
    return { run, done: events.at(-1)! };
  }

  beforeAll(async () => {
    [t, db] = await Promise.all([startTestApp(mode), createTestDatabase("pets")]);
    await runScript(db.url, petsSchema);
    token = (await t.signUp()).token;
    const added = await t.gql(`mutation($input: AddDataSourceInput!) { addDataSource(input: $input) { dataSource { id } } }`, { input: { name: "Pets", connectionUrl: db.url } }, token);
    dataSourceId = added.data!.addDataSource.dataSource.id;
  }, 240_000);
  afterAll(async () => {
    await t?.stop();
    await db?.drop();
  });

  it("ends a question across unconnected tables with NO_JOIN_PATH naming both, not INTERNAL", async () => {
    const { run, done } = await askAndWait("How many pets does each vet treat?");
    expect(run.status).toBe("FAILED");
    expect(run.sql).toBeNull();
    expect(run.error).toEqual({
      code: "NO_JOIN_PATH",
      message: "No chain of references connects pets and vets.",
      hint: "Ask about pets and vets separately, or add a relationship between them to the semantic model.",
    });
    expect(done).toMatchObject({ stage: "DONE", status: "FAILED", payload: { code: "NO_JOIN_PATH" } });
    const codes = (await t.gql(`{ errorCodes }`, {}, token)).data!.errorCodes as string[];
    expect(codes).toEqual(expect.arrayContaining(["NO_JOIN_PATH", "SPEC_INVALID", "NOT_UNDERSTOOD", "QUESTION_TOO_LONG"]));
  });

  it("accepts a question with its instructions up to 4,000 characters and refuses a longer one with QUESTION_TOO_LONG", async () => {
    const instructions = " Follow these instructions: count every pet once, include pets of every species, and return only the total.";
    const long = `How many pets are there?${instructions.repeat(40)}`.slice(0, 4000);
    expect(long.length).toBe(4000);
    const { run } = await askAndWait(long);
    expect(run.question).toBe(long.trim());
    expect(run.error?.code).not.toBe("QUESTION_TOO_LONG");
    // Written into the document instead of a variable, the question is one token of the query limits.
    const inline = await t.gql(`mutation { ask(input: { message: ${JSON.stringify(long)}, dataSourceId: ${JSON.stringify(dataSourceId)} }) { run { question } } }`, {}, token);
    expect(inline.errors).toBeUndefined();
    expect(inline.data!.ask.run.question).toBe(long.trim());
    // Whitespace is collapsed before the length is counted.
    const spaced = await t.gql(ask, { input: { message: `How many pets are there?${" ".repeat(5000)}`, dataSourceId } }, token);
    expect(spaced.errors).toBeUndefined();

    const tooLong = await t.gql(ask, { input: { message: `${long}!`, dataSourceId } }, token);
    expect(tooLong.data).toBeNull();
    expect(tooLong.errors![0]).toMatchObject({
      message: "The question is 4,001 characters long; questions are limited to 4,000. Shorten it to the essentials.",
      extensions: { code: "QUESTION_TOO_LONG", hint: "Ask one shorter question at a time.", details: { field: "message", length: 4001, max: 4000 } },
    });
  });

  it("never ends SUCCEEDED without SQL: a greeting is REPLIED, an answer carries its SQL", async () => {
    const hello = await askAndWait("Hello!");
    expect(hello.run).toMatchObject({ status: "REPLIED", sql: null, error: null });
    expect(hello.done).toMatchObject({ stage: "DONE", status: "COMPLETED", payload: { status: "REPLIED" } });
    const counted = await askAndWait("How many pets are there?");
    expect(counted.run.status).toBe("SUCCEEDED");
    expect(counted.run.sql).toMatch(/count/i);
  });

  it("does not pass off an answer that left a word of the question unread: it says which, or asks", async () => {
    const { run } = await askAndWait("How many pets are vaccinated?");
    if (run.status === "SUCCEEDED") expect(run.explanation).toContain("Not used from the question: “vaccinated”");
    else expect(["NEEDS_INPUT", "FAILED"]).toContain(run.status);
    const read = await askAndWait("How many pets are there?");
    expect(read.run.explanation).not.toContain("Not used");
  });
});
