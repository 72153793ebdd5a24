import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, expect, it } from "vitest";
import { resultsMatch } from "../../eval/compare.ts";
import { bootstrapSemanticModel } from "../../semantic/bootstrap.ts";
import type { SemanticModel } from "../../semantic/types.ts";
import { introspectPostgres } from "../../sql/introspect/postgres.ts";
import { compile } from "../compile/compile.ts";
import { plan } from "../plan.ts";
import { nextState, type ConversationState } from "../state.ts";

/** A question and the SQL an analyst would write for it. */
export type Turn = [question: string, gold: string];

export interface EmbeddedModel {
  /** The automatic semantic model of the schema (set once the describe block's hooks ran). */
  readonly model: SemanticModel;
  run(sql: string): Promise<{ columns: string[]; rows: unknown[][] }>;
}

/**
 * An embedded database with `schema` loaded and its automatic semantic model, for the
 * describe block this is called in (opened before its tests, closed after).
 */
export function embeddedModel(schema: string): EmbeddedModel {
  const db = new PGlite();
  let model: SemanticModel | undefined;
  beforeAll(async () => {
    await db.exec(schema);
    model = bootstrapSemanticModel(await introspectPostgres(db));
  });
  afterAll(() => db.close());
  return {
    get model() {
      if (!model) throw new Error("the embedded model is read before its describe block started");
      return model;
    },
    async run(sql) {
      const r = await db.query<unknown[]>(sql, [], { rowMode: "array" });
      return { columns: r.fields.map((f) => f.name), rows: r.rows };
    },
  };
}

export interface AnswerOptions {
  /** "Today" for relative dates. */
  now?: Date;
  /** Fail when a gold query returns no rows (an empty answer would prove nothing). */
  goldHasRows?: boolean;
}

/** One test per conversation: each turn is answered, and its result matches the gold SQL's. */
export function itAnswers(embedded: EmbeddedModel, conversations: Turn[][], options: AnswerOptions = {}): void {
  it.each(conversations.map((c) => [c.map(([q]) => q).join(" → "), c] as const))("%s", async (_name, conversation) => {
    const { model } = embedded;
    let state: ConversationState | null = null;
    for (const [question, gold] of conversation) {
      const outcome = plan({ question, model, state, ...(options.now ? { now: options.now } : {}) });
      state = nextState(state, question, outcome);
      expect(outcome.kind, question).toBe("query");
      if (outcome.kind !== "query") return;
      const expected = await embedded.run(gold);
      if (options.goldHasRows) expect(expected.rows.length, question).toBeGreaterThan(0);
      expect(resultsMatch(expected, await embedded.run(compile(outcome.spec, model).sql), false), question).toBe(true);
    }
  });
}
