import fs from "node:fs/promises";
import { z } from "zod";

const turnSchema = z.object({
  question: z.string(),
  gold_sql: z.string().optional(),
  ordered: z.boolean().optional(),
});

const caseSchema = z.object({
  id: z.string().min(1),
  dataset: z.string().min(1),
  turns: z.array(turnSchema).min(1),
});

export type EvalTurn = z.infer<typeof turnSchema>;
export type EvalCase = z.infer<typeof caseSchema>;

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
    if (!parsed.success) throw new CasesFileError(`${path}:${i + 1}: ${parsed.error.issues[0]?.message ?? "invalid case"}`);
    cases.push(parsed.data);
  });
  return cases;
}
