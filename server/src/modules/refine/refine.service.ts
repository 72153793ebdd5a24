import type { DataSource, QueryRun } from "../../generated/prisma/client.ts";
import { columnRefinableFields, resolveSpecField, specRefinableFields, type RefinableField } from "../../engine/refine/fields.ts";
import { refineSpec } from "../../engine/refine/refine-spec.ts";
import { RefineError, type Refinement } from "../../engine/refine/refinement.ts";
import { fieldValuesSpec, wrappedValuesSql } from "../../engine/refine/values.ts";
import { refineWrapped, startWrapped, wrappedSql, type WrapColumn, type WrappedQuery } from "../../engine/refine/wrap.ts";
import type { QuerySpec } from "../../engine/spec.ts";
import type { Viewer } from "../../graphql/context.ts";
import type { GuardedSql } from "../../sql/guard/guard.ts";
import type { RunRequest } from "../../pipeline/execute-run.ts";
import { compileSpec } from "../../pipeline/stages/compile.ts";
import { guardModelSql } from "../../pipeline/stages/model-sql.ts";
import type { SemanticModel } from "../../semantic/types.ts";
import type { Services } from "../../services.ts";
import { maxMessageLength } from "../ask/ask.service.ts";

type Wrapped = { query: WrappedQuery; explanation: string };

export interface FieldValues {
  values: string[];
  /** Every matching value is in `values` (none was cut off by the limit). */
  complete: boolean;
}

/** A value list must come back while the user looks at the picker. */
const valuesTimeoutMs = 5_000;

function textOnly(name: string): RefineError {
  return new RefineError("REFINE_NOT_SUPPORTED", `Values are listed for text fields only; “${name}” is compared with a typed value.`, { field: name });
}

/** What a run's refinements start from: its engine spec, or its SQL as a subquery. */
type Base = { kind: "spec"; spec: QuerySpec; model: SemanticModel } | { kind: "wrapped"; wrapped: Wrapped };

function notRefinable(message: string): RefineError {
  return new RefineError("RUN_NOT_REFINABLE", message, { hint: "Refine an answer that finished with a result." });
}

/** The new run's question: the refined one plus what changed, so the conversation reads naturally. */
export function refinedQuestion(question: string, label: string): string {
  const text = `${question} — ${label}`;
  return text.length <= maxMessageLength ? text : `${text.slice(0, maxMessageLength - 1)}…`;
}

/**
 * Refinements of an answer: checked against the semantic model (or the
 * answer's columns) and compiled and guarded before anything is stored, so a
 * bad refinement creates no run. A good one becomes a new run in the same
 * session, answered by the pipeline like any other.
 */
export function createRefineService(services: Services) {
  async function baseOf(run: QueryRun, source: DataSource): Promise<Base> {
    const spec = run.spec as QuerySpec | null;
    // A verified query's spec only carries its SQL: refine that SQL.
    if (spec && !spec.verifiedSql) {
      const stored = await services.semantic.current(source.id);
      if (!stored) throw notRefinable("The data source has no semantic model to check the refinement against.");
      return { kind: "spec", spec, model: stored.model };
    }
    const request = run.request as RunRequest | null;
    // A refinement of wrapped SQL refines further from the same base instead of nesting again.
    if (request?.kind === "refinement" && request.wrapped) return { kind: "wrapped", wrapped: request.wrapped };
    const columns = (run.columns ?? []) as unknown as WrapColumn[];
    return { kind: "wrapped", wrapped: { query: startWrapped(run.sql!, columns.map((c) => ({ name: c.name, type: c.type }))), explanation: run.explanation ?? "" } };
  }

  async function loadRefinable(viewer: Viewer, runId: string) {
    const run = await services.ask.runOf(viewer, runId);
    if (run.status !== "SUCCEEDED" || !run.sql || !run.dataSourceId) throw notRefinable("Only an answer that finished with a result can be refined.");
    const source = await services.dataSources.get(viewer, run.dataSourceId);
    return { run, source, base: await baseOf(run, source) };
  }

  return {
    /** Fields the viewer can refine a run by; empty for runs that cannot be refined. */
    async fields(viewer: Viewer, run: QueryRun): Promise<RefinableField[]> {
      if (run.status !== "SUCCEEDED" || !run.sql || !run.dataSourceId) return [];
      const source = await services.dataSources.get(viewer, run.dataSourceId).catch(() => null);
      if (!source) return [];
      const base = await baseOf(run, source).catch(() => null);
      if (!base) return [];
      return base.kind === "spec" ? specRefinableFields(base.spec, base.model) : columnRefinableFields(base.wrapped.query.columns);
    },

    /**
     * Distinct values of a text field of the run's data (for a filter's value
     * picker), read with the same compiler or wrapper and guard as a refinement.
     */
    async values(viewer: Viewer, runId: string, name: string, search: string | null, limit: number): Promise<FieldValues> {
      const { source, base } = await loadRefinable(viewer, runId);
      let guarded: GuardedSql;
      if (base.kind === "spec") {
        const target = resolveSpecField(base.spec, base.model, name);
        if (target.kind !== "field" || target.field.type !== "text") throw textOnly(name);
        guarded = (await compileSpec(fieldValuesSpec(target.ref, search, limit), base.model, source)).guarded;
      } else {
        const column = base.wrapped.query.columns.find((c) => c.name === name);
        if (column && column.type !== "text") throw textOnly(name);
        guarded = (await guardModelSql(wrappedValuesSql(base.wrapped.query, name, search, limit), "", source)).guarded;
      }
      const result = await services.dataSources.executorFor(source).run(guarded, { timeoutMs: Math.min(valuesTimeoutMs, services.config.queryTimeoutMs), maxRows: limit + 1 });
      const values = result.rows.map((row) => row[0]).filter((v) => v !== null && v !== undefined).map(String);
      return { values: values.slice(0, limit), complete: values.length <= limit };
    },

    /** Checks the refinement, then starts the refined run in the session of the original. */
    async refine(viewer: Viewer, runId: string, refinement: Refinement): Promise<QueryRun> {
      const maxRows = services.config.maxResultRows;
      if (refinement.kind === "changeLimit" && refinement.limit > maxRows) {
        throw new RefineError("REFINE_BAD_LIMIT", `The limit must be at most ${maxRows.toLocaleString("en")}, the rows an answer holds (MAX_RESULT_ROWS); got ${refinement.limit}.`, {
          hint: `Pick a number of rows between 1 and ${maxRows.toLocaleString("en")}.`,
        });
      }
      const { run, source, base } = await loadRefinable(viewer, runId);
      let request: RunRequest;
      if (base.kind === "spec") {
        const out = refineSpec(base.spec, base.model, refinement);
        await compileSpec(out.spec, base.model, source);
        request = { kind: "refinement", dataSourceId: source.id, label: out.label, refinement, spec: out.spec, wrapped: null };
      } else {
        const out = refineWrapped(base.wrapped.query, refinement);
        await guardModelSql(wrappedSql(out.wrapped), "", source);
        request = { kind: "refinement", dataSourceId: source.id, label: out.label, refinement, spec: null, wrapped: { query: out.wrapped, explanation: base.wrapped.explanation } };
      }
      await services.sessions.touch(viewer.userId, run.sessionId);
      return services.ask.startRun(viewer, run.sessionId, refinedQuestion(run.question, request.label), request, run.id);
    },
  };
}

export type RefineService = ReturnType<typeof createRefineService>;
