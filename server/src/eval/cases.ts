import fs from "node:fs/promises";
import { z } from "zod";

const goldSql = z.string().min(1, "gold_sql must not be empty");

const turnSchema = z.object({
  question: z.string(),
  /** One correct answer, or several equally correct ones (a prediction counts when it matches any). */
  gold_sql: z.union([goldSql, z.array(goldSql).min(1, "gold_sql must list at least one query")]).optional(),
  ordered: z.boolean().optional(),
  /** The kind of question, for per-kind figures; overrides the conversation's. */
  category: z.string().min(1).optional(),
});

const caseSchema = z.object({
  id: z.string().min(1),
  dataset: z.string().min(1),
  category: z.string().min(1).optional(),
  turns: z.array(turnSchema).min(1),
});

export type EvalTurn = z.infer<typeof turnSchema>;
export type EvalCase = z.infer<typeof caseSchema>;

/** The gold answers of a turn as a list (empty when it has none). */
export function goldAnswers(turn: EvalTurn): string[] {
  if (turn.gold_sql === undefined) return [];
  return typeof turn.gold_sql === "string" ? [turn.gold_sql] : turn.gold_sql;
}

export class CasesFileError extends Error {
  readonly code = "CASES_INVALID";
  constructor(message: string) {
    super(message);
    this.name = "CasesFileError";
  }
}

/** Reads a JSONL file of conversations; blank lines are skipped, a bad line names its number. */
export async function readCases(path: string): Promise<EvalCase[]> {
  let text: string;
  try {
    text = await fs.readFile(path, "utf8");
  } catch (error) {
    throw new CasesFileError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  const cases: EvalCase[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      throw new CasesFileError(`${path}:${i + 1}: not valid JSON`);
    }
    const parsed = caseSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` (${issue.path.join(".")})` : "";
      throw new CasesFileError(`${path}:${i + 1}: ${issue?.message ?? "invalid case"}${where}`);
    }
    cases.push(parsed.data);
  });
  return cases;
}
