import type { TestApp } from "../../testing/app.ts";
import { collect } from "../../testing/app.ts";

/** GraphQL documents and helpers shared by the semantic model API tests. */

export const modelFields = `version generatedAt
  entities { name label table schema kind description synonyms extraSynonyms rowCount primaryKey
    fields { name label role type dbType aggregation money synonyms extraSynonyms description sampleValues } }
  joins { name from fromColumns to toColumns inferred confirmed userDefined evidence { rule containment sampled } }
  metrics { name label entity expression description synonyms origin }
  glossary { term synonyms definition maps { kind metric entity field condition { field op values } } }
  rules { fiscalYearStartMonth defaultFilters { entity description condition { field op values } } }
  verifiedQueries { question sql note }`;

export const readModel = `query($id: ID!, $version: Int) {
  dataSource(id: $id) { id semanticModel(version: $version) { ${modelFields} yaml } semanticModelVersions { version note current } }
}`;

/** A mutation document for one of the edits, returning the new model's version and the parts edits touch. */
export function editMutation(name: string, inputType: string): string {
  return `mutation($input: ${inputType}!) { ${name}(input: $input) { dataSource { id } semanticModel { ${modelFields} } } }`;
}

export const addSource = `mutation($input: AddDataSourceInput!) { addDataSource(input: $input) { dataSource { id } } }`;

const askDoc = `mutation($input: AskInput!) { ask(input: $input) { run { id } } }`;
const progressDoc = `subscription($runId: ID!) { queryProgress(runId: $runId) { seq stage status } }`;
const runDoc = `query($id: ID!) {
  run(id: $id) { status engine sql error { code message } dataSource { id name } candidates { dataSourceId name score }
    result(page: 1, pageSize: 100) { columns { name } rows totalRows } }
}`;

/** Asks a question and follows the run to its end, returning the run. */
export async function askAndWait(t: TestApp, token: string, input: Record<string, unknown>) {
  const res = await t.gql(askDoc, { input }, token);
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  const runId = res.data.ask.run.id as string;
  await collect(t.ws(token), progressDoc, { runId }, 1000, 30_000).done;
  const run = await t.gql(runDoc, { id: runId }, token);
  if (!run.data) throw new Error(JSON.stringify(run.errors));
  return run.data.run;
}

/** The error code of a GraphQL response (fails the test when there is none). */
export function errorOf(res: { errors?: { extensions?: Record<string, unknown> }[] }) {
  const error = res.errors?.[0];
  if (!error) throw new Error("expected an error");
  return { code: error.extensions?.code as string, details: error.extensions?.details as Record<string, any> | undefined };
}
