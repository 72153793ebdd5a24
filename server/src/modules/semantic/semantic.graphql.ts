import { z } from "zod";
import { registerErrorCodes } from "../../errors.ts";
import { builder } from "../../graphql/builder.ts";
import type { Context } from "../../graphql/context.ts";
import { fromGlobalId } from "../../graphql/ids.ts";
import { createSemanticEditor } from "./semantic-editor.ts";
import { semanticErrorCodes } from "./semantic-errors.ts";
import {
  DeleteGlossaryTermInput,
  DeleteMetricInput,
  DeleteVerifiedQueryInput,
  ImportSemanticModelInput,
  JoinNameInput,
  RestoreSemanticModelVersionInput,
  SetBusinessRulesInput,
  SetSynonymsInput,
  toTargetInput,
  UpsertGlossaryTermInput,
  UpsertJoinInput,
  UpsertMetricInput,
  UpsertVerifiedQueryInput,
} from "./semantic-inputs.ts";
import { SemanticModelRef, SemanticModelVersionRef } from "./semantic-objects.ts";
import type { StoredModel } from "./semantic.service.ts";

registerErrorCodes(semanticErrorCodes);

builder.prismaObjectFields("DataSource", (t) => ({
  semanticModel: t.field({
    type: SemanticModelRef,
    nullable: true,
    description: "The semantic model: the current version, or an earlier one (null when there is no such version).",
    args: { version: t.arg.int({ required: false, validate: z.number().int().min(1, "must be 1 or more").optional().nullable() }) },
    resolve: async (source, args, ctx) => {
      if (!args.version) return ctx.services.semantic.current(source.id);
      const stored = await ctx.services.semantic.version(source.id, args.version);
      return stored?.version === args.version ? stored : null;
    },
  }),
  semanticModelVersions: t.field({
    type: [SemanticModelVersionRef],
    description: "Stored versions of the semantic model, newest first.",
    args: { limit: t.arg.int({ defaultValue: 50, validate: z.number().int().min(1, "must be 1 or more").max(500, "must be 500 or less") }) },
    resolve: async (source, args, ctx) => {
      const history = await ctx.services.semantic.history(source.id);
      return history.slice(0, args.limit).map((h, i) => ({ version: h.version, note: h.note, createdAt: h.createdAt, current: i === 0 }));
    },
  }),
}));

const SemanticModelPayload = builder.objectRef<StoredModel>("SemanticModelPayload").implement({
  description: "The data source and its semantic model after an edit (a new version, or the same one when nothing changed).",
  fields: (t) => ({
    semanticModel: t.field({ type: SemanticModelRef, resolve: (stored) => stored }),
    dataSource: t.prismaField({
      type: "DataSource",
      resolve: (query, stored, _args, ctx) => ctx.services.prisma.dataSource.findUniqueOrThrow({ ...query, where: { id: stored.dataSourceId } }),
    }),
  }),
});

const editor = (ctx: Context) => createSemanticEditor(ctx.services);
const sourceId = (input: { dataSourceId: string }) => fromGlobalId(input.dataSourceId, "DataSource");
const options = (input: { expectedVersion?: number | null }) => ({ expectedVersion: input.expectedVersion });
const editDescription = (what: string) =>
  `${what} Owner of the data source or an administrator only (FORBIDDEN otherwise; NOT_FOUND when the caller cannot see it). Stores a new version.`;

builder.mutationFields((t) => ({
  setSynonyms: t.field({
    type: SemanticModelPayload,
    description: editDescription("Sets the words people use for an entity or one of its fields."),
    authScopes: { analyst: true },
    args: { input: t.arg({ type: SetSynonymsInput }) },
    resolve: (_root, { input }, ctx) => editor(ctx).setSynonyms(ctx.viewer!, sourceId(input), input),
  }),
  upsertMetric: t.field({
    type: SemanticModelPayload,
    description: editDescription("Adds or replaces a metric; its expression must parse, aggregate, and use the entity's columns."),
    authScopes: { analyst: true },
    args: { input: t.arg({ type: UpsertMetricInput }) },
    resolve: (_root, { input }, ctx) => editor(ctx).upsertMetric(ctx.viewer!, sourceId(input), input, options(input)),
  }),
  deleteMetric: t.field({
    type: SemanticModelPayload,
    description: editDescription("Deletes a metric (a generated one comes back on refresh)."),
    authScopes: { analyst: true },
    args: { input: t.arg({ type: DeleteMetricInput }) },
    resolve: (_root, { input }, ctx) => editor(ctx).deleteMetric(ctx.viewer!, sourceId(input), input.name, options(input)),
  }),
  upsertGlossaryTerm: t.field({
    type: SemanticModelPayload,
    description: editDescription("Adds or replaces a glossary term."),
    authScopes: { analyst: true },
    args: { input: t.arg({ type: UpsertGlossaryTermInput }) },
    resolve: (_root, { input }, ctx) =>
      editor(ctx).upsertGlossaryTerm(ctx.viewer!, sourceId(input), { ...input, maps: toTargetInput(input.maps) }, options(input)),
  }),
  deleteGlossaryTerm: t.field({
    type: SemanticModelPayload,
    description: editDescription("Deletes a glossary term."),
    authScopes: { analyst: true },
    args: { input: t.arg({ type: DeleteGlossaryTermInput }) },
    resolve: (_root, { input }, ctx) => editor(ctx).deleteGlossaryTerm(ctx.viewer!, sourceId(input), input.term, options(input)),
  }),
  setBusinessRules: t.field({
    type: SemanticModelPayload,
    description: editDescription("Sets the fiscal year start and/or the default filters."),
    authScopes: { analyst: true },
    args: { input: t.arg({ type: SetBusinessRulesInput }) },
    resolve: (_root, { input }, ctx) => editor(ctx).setBusinessRules(ctx.viewer!, sourceId(input), input, options(input)),
  }),
  upsertVerifiedQuery: t.field({
    type: SemanticModelPayload,
    description: editDescription("Adds or replaces a verified query of the model; its SQL must pass the SQL guard."),
    authScopes: { analyst: true },
    args: { input: t.arg({ type: UpsertVerifiedQueryInput }) },
    resolve: (_root, { input }, ctx) => editor(ctx).upsertVerifiedQuery(ctx.viewer!, sourceId(input), input, options(input)),
  }),
  deleteVerifiedQuery: t.field({
    type: SemanticModelPayload,
    description: editDescription("Deletes a verified query of the model."),
    authScopes: { analyst: true },
    args: { input: t.arg({ type: DeleteVerifiedQueryInput }) },
    resolve: (_root, { input }, ctx) => editor(ctx).deleteVerifiedQuery(ctx.viewer!, sourceId(input), input.question, options(input)),
  }),
  upsertJoin: t.field({
    type: SemanticModelPayload,
    description: editDescription("Adds or replaces a join; its columns must exist and have comparable types."),
    authScopes: { analyst: true },
    args: { input: t.arg({ type: UpsertJoinInput }) },
    resolve: (_root, { input }, ctx) => editor(ctx).upsertJoin(ctx.viewer!, sourceId(input), input, options(input)),
  }),
  confirmJoin: t.field({
    type: SemanticModelPayload,
    description: editDescription("Confirms an inferred join (BAD_USER_INPUT for a declared one): it is kept even when a refresh no longer infers it."),
    authScopes: { analyst: true },
    args: { input: t.arg({ type: JoinNameInput }) },
    resolve: (_root, { input }, ctx) => editor(ctx).confirmJoin(ctx.viewer!, sourceId(input), input.name, options(input)),
  }),
  deleteJoin: t.field({
    type: SemanticModelPayload,
    description: editDescription("Removes a join; a generated one stays removed on refresh."),
    authScopes: { analyst: true },
    args: { input: t.arg({ type: JoinNameInput }) },
    resolve: (_root, { input }, ctx) => editor(ctx).deleteJoin(ctx.viewer!, sourceId(input), input.name, options(input)),
  }),
  importSemanticModel: t.field({
    type: SemanticModelPayload,
    description: editDescription(
      "Replaces the semantic model with one in YAML (export it from `SemanticModel.yaml`). Checked first: YAML syntax, shape, references, tables and columns of the data source, metric expressions, verified SQL; nothing is stored on error.",
    ),
    authScopes: { analyst: true },
    args: { input: t.arg({ type: ImportSemanticModelInput }) },
    resolve: (_root, { input }, ctx) => editor(ctx).importYaml(ctx.viewer!, sourceId(input), input.yaml, options(input)),
  }),
  restoreSemanticModelVersion: t.field({
    type: SemanticModelPayload,
    description: editDescription("Stores an earlier version again as the newest, when its tables and columns still exist."),
    authScopes: { analyst: true },
    args: { input: t.arg({ type: RestoreSemanticModelVersionInput }) },
    resolve: (_root, { input }, ctx) => editor(ctx).restore(ctx.viewer!, sourceId(input), input.version, options(input)),
  }),
}));
