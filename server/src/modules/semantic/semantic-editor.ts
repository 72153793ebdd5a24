import { parse as parseYaml } from "yaml";
import { AppError, notFound } from "../../errors.ts";
import type { Viewer } from "../../graphql/context.ts";
import type { Prisma } from "../../infra/db/database.ts";
import type { SemanticModel } from "../../semantic/types.ts";
import { findReferenceProblems, parseSemanticModel, SemanticModelInvalidError, SemanticModelReferenceError } from "../../semantic/validate.ts";
import { semanticModelFromYaml } from "../../semantic/yaml.ts";
import type { SchemaSnapshot } from "../../sql/snapshot.ts";
import type { DataSourceService } from "../data-sources/data-sources.service.ts";
import type { SemanticService, StoredModel } from "./semantic.service.ts";
import * as edits from "./edits.ts";
import { checkMetric, checkVerifiedSql, snapshotProblems, type SourceShape } from "./source-checks.ts";
import { toSemanticApiError } from "./semantic-errors.ts";

export interface EditorDeps {
  prisma: Prisma;
  dataSources: DataSourceService;
  semantic: SemanticService;
}

/** Every edit may name the version it was based on; a newer one stored since is a conflict, not a silent overwrite. */
export interface EditOptions {
  expectedVersion?: number | null;
}

/** Reads of the transaction the edit runs in (embedded PGlite has one connection: no reads beside it). */
type Tx = Pick<Prisma, "semanticModel">;
type Change = (model: SemanticModel, source: SourceShape, tx: Tx) => Promise<string> | string;

const conflict = (detail: string) =>
  new AppError("SEMANTIC_MODEL_CONFLICT", `The semantic model was changed meanwhile (${detail}).`, {
    hint: "Reload the model and apply your edit again.",
  });

/**
 * Edits of a data source's semantic model by its owner or an administrator.
 * Each edit is applied to the latest stored version, checked as a whole
 * (shape, references, against the source's tables) and stored as a new
 * version, which drops the cached model; failures store nothing.
 */
export function createSemanticEditor({ prisma, dataSources, semantic }: EditorDeps) {
  async function commit(viewer: Viewer, dataSourceId: string, options: EditOptions, change: Change): Promise<StoredModel> {
    const source = await dataSources.getWritable(viewer, dataSourceId);
    const shape: SourceShape = { schemas: source.schemas, snapshot: source.snapshot as SchemaSnapshot | null };
    try {
      const saved = await prisma.$transaction(async (tx) => {
        // Read past the cache: the edit must apply to what is stored now.
        const row = await tx.semanticModel.findFirst({ where: { dataSourceId }, orderBy: { version: "desc" } });
        if (!row) throw new AppError("SEMANTIC_MODEL_MISSING", "This data source has no semantic model yet.", { hint: "Refresh the data source." });
        if (options.expectedVersion && options.expectedVersion !== row.version) throw conflict(`now version ${row.version}, not ${options.expectedVersion}`);
        const base = parseSemanticModel(row.model);
        const next = structuredClone(base);
        const note = await change(next, shape, tx);
        const checked = parseSemanticModel(next);
        const problems = findReferenceProblems(checked);
        if (problems.length) throw new SemanticModelReferenceError(problems);
        if (JSON.stringify(checked) === JSON.stringify(base)) return { dataSourceId, version: row.version, model: base, changed: false };
        return { ...(await semantic.save(dataSourceId, checked, { note, userId: viewer.userId }, tx)), changed: true };
      });
      if (saved.changed) await semantic.invalidate(dataSourceId);
      return { dataSourceId, version: saved.version, model: saved.model };
    } catch (error) {
      // Two edits of the same version at once: the unique (source, version) key lets only one through.
      if ((error as { code?: unknown }).code === "P2002") throw conflict("another edit was saved at the same time");
      throw toSemanticApiError(error);
    }
  }

  /** A model from YAML; reference problems come with those against the data source's tables, in one list. */
  function readYaml(yaml: string, source: SourceShape): SemanticModel {
    try {
      return semanticModelFromYaml(yaml);
    } catch (error) {
      if (!(error instanceof SemanticModelReferenceError)) throw error;
      // The syntax and shape were fine (references are checked last), so this parse succeeds.
      const model = parseSemanticModel(parseYaml(yaml, { maxAliasCount: 100 }));
      throw new SemanticModelReferenceError([...error.problems, ...snapshotProblems(model, source.snapshot)]);
    }
  }

  /** Replaces the whole model, keeping nothing of the old one; checked against the source's tables first. */
  async function replace(model: SemanticModel, source: SourceShape): Promise<void> {
    const problems = [...findReferenceProblems(model), ...snapshotProblems(model, source.snapshot)];
    if (problems.length) throw new SemanticModelReferenceError(problems);
    const issues: { path: string; message: string }[] = [];
    for (const [i, metric] of model.metrics.entries()) {
      await checkMetric(metric, model, source).catch((error: Error) => issues.push({ path: `metrics[${i}].expression`, message: error.message }));
    }
    for (const [i, query] of model.verifiedQueries.entries()) {
      try {
        query.sql = await checkVerifiedSql(query.sql, source);
      } catch (error) {
        issues.push({ path: `verifiedQueries[${i}].sql`, message: `${(error as { code?: string }).code ?? "SQL"}: ${(error as Error).message}` });
      }
    }
    if (issues.length) throw new SemanticModelInvalidError(issues);
  }

  return {
    setSynonyms(viewer: Viewer, id: string, input: { entity: string; field?: string | null; synonyms: readonly string[] } & EditOptions) {
      return commit(viewer, id, input, (model) => edits.setSynonyms(model, input, input.synonyms));
    },

    upsertMetric(viewer: Viewer, id: string, metric: edits.MetricInput, options: EditOptions) {
      return commit(viewer, id, options, async (model, source) => {
        const note = edits.upsertMetric(model, metric);
        await checkMetric(model.metrics.find((m) => m.name === metric.name.trim())!, model, source);
        return note;
      });
    },

    deleteMetric(viewer: Viewer, id: string, name: string, options: EditOptions) {
      return commit(viewer, id, options, (model) => edits.deleteMetric(model, name));
    },

    upsertGlossaryTerm(viewer: Viewer, id: string, term: edits.GlossaryTermInput, options: EditOptions) {
      return commit(viewer, id, options, (model) => edits.upsertGlossaryTerm(model, term));
    },

    deleteGlossaryTerm(viewer: Viewer, id: string, term: string, options: EditOptions) {
      return commit(viewer, id, options, (model) => edits.deleteGlossaryTerm(model, term));
    },

    setBusinessRules(viewer: Viewer, id: string, rules: Parameters<typeof edits.setBusinessRules>[1], options: EditOptions) {
      return commit(viewer, id, options, (model) => edits.setBusinessRules(model, rules));
    },

    upsertVerifiedQuery(viewer: Viewer, id: string, query: { question: string; sql: string; note?: string | null }, options: EditOptions) {
      return commit(viewer, id, options, async (model, source) => edits.upsertVerifiedQuery(model, { ...query, sql: await checkVerifiedSql(query.sql, source) }));
    },

    deleteVerifiedQuery(viewer: Viewer, id: string, question: string, options: EditOptions) {
      return commit(viewer, id, options, (model) => edits.deleteVerifiedQuery(model, question));
    },

    upsertJoin(viewer: Viewer, id: string, join: edits.JoinInput, options: EditOptions) {
      return commit(viewer, id, options, (model) => edits.upsertJoin(model, join));
    },

    confirmJoin(viewer: Viewer, id: string, name: string, options: EditOptions) {
      return commit(viewer, id, options, (model) => edits.confirmJoin(model, name));
    },

    deleteJoin(viewer: Viewer, id: string, name: string, options: EditOptions) {
      return commit(viewer, id, options, (model) => edits.deleteJoin(model, name));
    },

    /** A whole model from YAML (as exported); its `version` is ignored, the saved one is the next. */
    importYaml(viewer: Viewer, id: string, yaml: string, options: EditOptions) {
      return commit(viewer, id, options, async (model, source) => {
        const imported = readYaml(yaml, source);
        await replace(imported, source);
        Object.assign(model, imported, { version: model.version });
        return "Imported from YAML";
      });
    },

    /** Stores an earlier version again as the newest, if its tables and columns still exist. */
    restore(viewer: Viewer, id: string, version: number, options: EditOptions) {
      return commit(viewer, id, options, async (model, source, tx) => {
        const row = await tx.semanticModel.findFirst({ where: { dataSourceId: id, version } });
        if (!row) throw notFound(`Version ${version} of the semantic model`);
        const old = parseSemanticModel(row.model);
        await replace(old, source);
        Object.assign(model, old, { version: model.version });
        return `Restored version ${version}`;
      });
    },
  };
}

export type SemanticEditor = ReturnType<typeof createSemanticEditor>;
