import path from "node:path";

export interface EvalArgs {
  cases: string;
  datasets: { name: string; path: string }[];
  out: string;
}

export class UsageError extends Error {
  readonly code = "BAD_ARGUMENTS";
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const USAGE = "usage: npm run --silent eval -- --cases FILE.jsonl --dataset NAME=PATH.sql [--dataset ...] --out PRED.jsonl";

/** Parses the eval command line; paths resolve against `cwd` (the caller's directory). */
export function parseArgs(argv: string[], cwd: string): EvalArgs {
  let cases: string | undefined;
  let out: string | undefined;
  const datasets: { name: string; path: string }[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") && !arg.startsWith("--dataset=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : arg.startsWith("--dataset=") ? ["--dataset", arg.slice("--dataset=".length)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${flag} needs a value. ${USAGE}`);
      return v;
    };
    switch (flag) {
      case "--cases":
        cases = value();
        break;
      case "--out":
        out = value();
        break;
      case "--dataset": {
        const spec = value();
        const eq = spec.indexOf("=");
        if (eq <= 0 || eq === spec.length - 1) throw new UsageError(`--dataset wants NAME=PATH.sql, got “${spec}”.`);
        datasets.push({ name: spec.slice(0, eq), path: path.resolve(cwd, spec.slice(eq + 1)) });
        break;
      }
      default:
        throw new UsageError(`Unknown argument “${arg}”. ${USAGE}`);
    }
  }
  if (!cases) throw new UsageError(`--cases is required. ${USAGE}`);
  if (!out) throw new UsageError(`--out is required. ${USAGE}`);
  if (datasets.length === 0) throw new UsageError(`At least one --dataset NAME=PATH.sql is required. ${USAGE}`);
  const names = datasets.map((d) => d.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new UsageError(`Dataset “${dup}” is given twice.`);
  return { cases: path.resolve(cwd, cases), datasets, out: path.resolve(cwd, out) };
}
