import type { IncomingMessage, ServerResponse } from "node:http";
import { stringify } from "csv-stringify";
import { authenticate } from "../../graphql/authenticate.ts";
import { fromGlobalId } from "../../graphql/ids.ts";
import { exposedError } from "../../errors.ts";
import type { Viewer } from "../../graphql/context.ts";
import { clientIp } from "../../http/limits/client-ip.ts";
import { sendJson } from "../../http/routes.ts";
import { currentRequestId } from "../../infra/request-scope.ts";
import type { Services } from "../../services.ts";
import { guardSql } from "../../sql/guard/guard.ts";
import type { ResultColumn } from "../../sql/executor/executor.ts";
import { knownTables } from "../../pipeline/stages/compile.ts";

/** Rows an export re-runs the query for when the stored result was cut at the row cap. */
export const exportMaxRows = 100_000;

const route = /^\/export\/([A-Za-z0-9+/=_-]+)\.(csv|json)$/;

export function isExportPath(pathname: string): boolean {
  return pathname.startsWith("/export/");
}

function fail(res: ServerResponse, status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  sendJson(res, status, { error: { code, message, ...extra } });
}

/**
 * Exports re-run queries with a cap twenty times the answer's: they get their
 * own, smaller quota (RATE_LIMIT_EXPORTS), per API key or else per user.
 */
async function overQuota(services: Services, viewer: Viewer, res: ServerResponse): Promise<boolean> {
  const key = viewer.apiKeyId ? `export:key:${viewer.apiKeyId}` : `export:user:${viewer.userId}`;
  const decision = await services.rateLimiter.hit(key, services.config.rateLimit.exports);
  res.setHeader("RateLimit-Limit", String(decision.limit));
  res.setHeader("RateLimit-Remaining", String(decision.remaining));
  res.setHeader("RateLimit-Reset", String(decision.resetSeconds));
  if (decision.allowed) return false;
  res.setHeader("Retry-After", String(decision.resetSeconds));
  fail(res, 429, "RATE_LIMITED", `Too many exports; try again in ${decision.resetSeconds} s.`, { retryAfterSeconds: decision.resetSeconds });
  return true;
}

/** A file name from the session title: ASCII for old clients, UTF-8 (RFC 5987) for the rest. */
function disposition(title: string, extension: string): string {
  const base = title.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-").slice(0, 80) || "agentmedha-result";
  return `attachment; filename="${base}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${title.slice(0, 80) || "agentmedha-result"}.${extension}`)}`;
}

/**
 * GET /export/<runId>.csv|.json — the full result of one of the caller's runs,
 * streamed. Authenticated like the API (`Authorization: Bearer`); another
 * user's run answers 404 like a missing one. Results that were cut at the row
 * cap are re-run under the same sandbox with the larger export cap, and the
 * same byte caps as answers (over them: RESULT_TOO_LARGE, no file). Limited
 * per caller (RATE_LIMIT_EXPORTS) and recorded in the audit log
 * (RESULT_EXPORTED: run, format, row count; refusals and failures too).
 */
export async function handleExport(services: Services, req: IncomingMessage, res: ServerResponse, pathname: string) {
  if (req.method !== "GET" && req.method !== "HEAD") return fail(res, 405, "METHOD_NOT_ALLOWED", "Use GET.");
  const match = route.exec(pathname);
  if (!match) return fail(res, 404, "NOT_FOUND", "Use /export/<runId>.csv or /export/<runId>.json.");
  const auth = await authenticate(services, req.headers.authorization);
  if (!auth.viewer) {
    const error = auth.authError ?? { code: "UNAUTHENTICATED", message: "Log in first." };
    return fail(res, 401, error.code, error.message);
  }
  const viewer = auth.viewer;
  if (await overQuota(services, viewer, res)) return;
  const format = match[2] as "csv" | "json";
  const audit = (outcome: "SUCCESS" | "DENIED" | "FAILED", runId: string | null, details: Record<string, unknown>) =>
    services.audit.record({
      actor: { userId: viewer.userId, apiKeyId: viewer.apiKeyId },
      action: "RESULT_EXPORTED",
      outcome,
      target: runId ? { type: "QueryRun", id: runId } : null,
      details: { ...(runId ? { runId } : {}), format, ...details },
      requestId: currentRequestId(),
      ip: clientIp(req, services.config.trustProxy),
    });
  let runId: string;
  try {
    runId = fromGlobalId(decodeURIComponent(match[1]!), "QueryRun");
  } catch {
    await audit("DENIED", null, { code: "NOT_FOUND" });
    return fail(res, 404, "NOT_FOUND", "Run not found.");
  }
  const run = await services.prisma.queryRun.findFirst({ where: { id: runId, userId: viewer.userId }, include: { session: { select: { title: true } }, dataSource: true } });
  if (!run || !run.columns || !run.rows) {
    await audit("DENIED", runId, { code: "NOT_FOUND" });
    return fail(res, 404, "NOT_FOUND", "Run not found, or it has no result to export.");
  }

  let columns = run.columns as unknown as ResultColumn[];
  let rows = run.rows as unknown[][];
  if (run.truncated && run.sql && run.dataSource) {
    try {
      const guarded = await guardSql(run.sql, { allowedSchemas: run.dataSource.schemas, knownTables: knownTables(run.dataSource.snapshot as never) });
      const result = await services.dataSources.executorFor(run.dataSource).run(guarded, {
        timeoutMs: services.config.queryTimeoutMs * 4,
        maxRows: exportMaxRows,
        maxBytes: services.config.maxResultBytes,
        maxRowBytes: services.config.maxRowBytes,
        maxValueBytes: services.config.maxValueBytes,
        // A file cut short at the byte cap would pass for the whole result.
        overBytes: "fail",
      });
      columns = result.columns;
      rows = result.rows;
    } catch (error) {
      const exposed = exposedError(error);
      await audit("FAILED", runId, { code: exposed?.code ?? "EXPORT_FAILED" });
      return fail(res, 502, exposed?.code ?? "EXPORT_FAILED", exposed?.message ?? "The query could not be run again for the export.");
    }
  }

  res.writeHead(200, {
    "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    "content-disposition": disposition(run.session.title, format),
    "cache-control": "no-store",
  });
  if (req.method === "HEAD") return res.end();
  await audit("SUCCESS", runId, { rowCount: rows.length, ...(run.truncated ? { rerun: true } : {}) });
  if (format === "csv") {
    // A byte-order mark so spreadsheet programs read the file as UTF-8.
    res.write("\ufeff");
    const csv = stringify({ header: true, columns: columns.map((c) => c.name), cast: { boolean: (v) => String(v), object: (v) => JSON.stringify(v) } });
    csv.pipe(res);
    for (const row of rows) if (!csv.write(row)) await new Promise((resolve) => csv.once("drain", resolve));
    csv.end();
    return;
  }
  res.write(`{"columns":${JSON.stringify(columns)},"rows":[`);
  rows.forEach((row, i) => {
    const record = Object.fromEntries(columns.map((c, k) => [c.name, row[k] ?? null]));
    res.write(`${i ? "," : ""}\n${JSON.stringify(record)}`);
  });
  res.end(`\n],"rowCount":${rows.length}}\n`);
}
