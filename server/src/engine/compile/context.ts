import { sql, type RawBuilder } from "kysely";
import { splitIdentifier } from "../../semantic/inflect.ts";
import type { Entity, Field, SemanticModel } from "../../semantic/types.ts";
import { joinTree, type JoinTree } from "../graph.ts";
import { specEntitiesIn, type FieldRef, type QuerySpec } from "../spec.ts";

export class CompileError extends Error {
  readonly code = "SPEC_INVALID";
  readonly hint = "Rephrase the question with the names of the columns and tables you mean.";
  constructor(message: string) {
    super(message);
    this.name = "CompileError";
  }
}

/** Everything the SQL builders need: entities, their aliases and the join tree. */
export class CompileContext {
  readonly entities = new Map<string, Entity>();
  readonly aliases = new Map<string, string>();
  readonly tree: JoinTree;

  constructor(readonly model: SemanticModel, readonly spec: QuerySpec) {
    for (const e of model.entities) this.entities.set(e.name, e);
    const touched = specEntitiesIn(spec, model.metrics);
    for (const name of touched) if (!this.entities.has(name)) throw new CompileError(`Unknown entity “${name}”.`);
    this.tree = joinTree(model, spec.entity, touched);
    const used = new Set<string>();
    for (const name of [spec.entity, ...this.tree.steps.map((s) => s.to)]) {
      const base = splitIdentifier(this.entity(name).table).map((w) => w[0]).join("") || "t";
      let alias = base;
      for (let n = 2; used.has(alias); n++) alias = `${base}${n}`;
      used.add(alias);
      this.aliases.set(name, alias);
    }
  }

  entity(name: string): Entity {
    const e = this.entities.get(name);
    if (!e) throw new CompileError(`Unknown entity “${name}”.`);
    return e;
  }

  field(ref: FieldRef): Field {
    const f = this.entity(ref.entity).fields.find((x) => x.name === ref.field);
    if (!f) throw new CompileError(`Unknown column “${ref.entity}.${ref.field}”.`);
    return f;
  }

  alias(entity: string): string {
    const a = this.aliases.get(entity);
    if (!a) throw new CompileError(`“${entity}” is not joined.`);
    return a;
  }

  /** `"alias"."column"` for a field, after checking it exists. */
  column(ref: FieldRef): RawBuilder<unknown> {
    this.field(ref);
    return sql.id(this.alias(ref.entity), ref.field);
  }

  table(entity: string): RawBuilder<unknown> {
    const e = this.entity(entity);
    return e.schema === "public" ? sql.id(e.table) : sql.id(e.schema, e.table);
  }

  /** Whether rows of the subject repeat because a join goes to a "many" side. */
  get fansOut(): boolean {
    return this.tree.fansOut;
  }
}
