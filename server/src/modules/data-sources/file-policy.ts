import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { SqlSandboxError } from "../../sql/errors.ts";
import type { DuckdbLocation } from "../../sql/executor/duckdb/duckdb-url.ts";
import type { DuckdbFiles, FileTable } from "../../sql/executor/duckdb/source.ts";

export function pathNotAllowed(shown: string, why = "is outside the file sources folder"): SqlSandboxError {
  return new SqlSandboxError("DATA_SOURCE_PATH_NOT_ALLOWED", `"${shown}" ${why}.`, { details: { name: shown } });
}

function inside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + path.sep);
}

const formats: Record<string, FileTable["format"]> = { ".csv": "csv", ".tsv": "tsv", ".parquet": "parquet" };

/** `Sales 2024.csv` → `sales_2024`: a name questions and SQL can use unquoted. */
export function tableNameOf(fileName: string): string {
  const stem = fileName.slice(0, fileName.length - path.extname(fileName).length);
  const name = stem.toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, "_").replace(/^_+|_+$/g, "");
  return /^\p{L}/u.test(name) ? name : `t_${name}`;
}

export interface FilePolicy {
  readonly root: string;
  /** Lexical: the path must lie inside FILE_SOURCES_DIR. Touches no file. */
  check(location: DuckdbLocation): void;
  /**
   * The files to open, each by its real path, which must still lie inside the
   * folder's real path: a symlink that leads out is refused, not followed.
   */
  resolve(location: DuckdbLocation): Promise<DuckdbFiles>;
}

export function createFilePolicy(root: string): FilePolicy {
  const lexicalRoot = path.resolve(root);

  async function real(file: string, shown: string): Promise<string> {
    const rootReal = await realpath(lexicalRoot).catch(() => {
      throw new SqlSandboxError("DATA_SOURCE_NOT_FOUND", "The file sources folder does not exist.", {
        hint: "Ask an administrator to create FILE_SOURCES_DIR and put the files there.",
      });
    });
    const resolved = await realpath(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" || error.code === "ENOTDIR") {
        throw new SqlSandboxError("DATA_SOURCE_NOT_FOUND", `"${shown}" does not exist.`, { details: { name: shown }, hint: "Check the path in the DuckDB URL." });
      }
      throw error;
    });
    if (!inside(rootReal, resolved)) throw pathNotAllowed(shown, "links outside the file sources folder");
    return resolved;
  }

  const policy: FilePolicy = {
    root: lexicalRoot,
    check(location) {
      if (!inside(lexicalRoot, location.path)) throw pathNotAllowed(location.path);
    },
    async resolve(location) {
      policy.check(location);
      const target = await real(location.path, location.path);
      const info = await stat(target);
      if (location.kind === "database") {
        if (!info.isFile()) throw new SqlSandboxError("DATA_SOURCE_NOT_FOUND", `"${location.path}" is not a file.`);
        return { kind: "database", file: target };
      }
      if (!info.isDirectory()) throw new SqlSandboxError("DATA_SOURCE_NOT_FOUND", `"${location.path}" is not a folder.`);
      const tables: FileTable[] = [];
      const names = new Map<string, string>();
      for (const entry of (await readdir(target)).sort()) {
        const format = formats[path.extname(entry).toLowerCase()];
        if (!format) continue;
        const shown = path.join(location.path, entry);
        const file = await real(path.join(target, entry), shown);
        if (!(await stat(file)).isFile()) continue;
        const table = tableNameOf(entry);
        const clash = names.get(table);
        if (clash) {
          throw new SqlSandboxError("DATA_SOURCE_BAD_URL", `"${clash}" and "${entry}" would both be table ${table}.`, {
            hint: "Rename one of the files: each file becomes a table named after it.",
          });
        }
        names.set(table, entry);
        tables.push({ table, file, format });
      }
      return { kind: "folder", tables };
    },
  };
  return policy;
}
