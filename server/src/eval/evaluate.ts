import type { EvalCase } from "./cases.ts";
import { runCase, type EvalDataset, type TurnResult } from "./run.ts";

/** Runs every conversation against its dataset, one at a time, reporting progress with the results so far. */
export async function evaluate(
  cases: EvalCase[],
  datasets: Map<string, EvalDataset>,
  onProgress?: (done: number, total: number, c: EvalCase, results: readonly TurnResult[]) => void,
): Promise<TurnResult[]> {
  const results: TurnResult[] = [];
  for (const [i, c] of cases.entries()) {
    results.push(...(await runCase(c, datasets.get(c.dataset))));
    onProgress?.(i + 1, cases.length, c, results);
  }
  return results;
}
