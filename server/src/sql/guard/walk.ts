import { SqlSandboxError } from "../errors.ts";
import { isSystemSchema } from "../system-schemas.ts";
import {
  allowedFunctions,
  allowedSampleMethods,
  allowedTypes,
  allowedValueFunctions,
  builtinSchema,
  isOperatorSymbol,
  systemColumns,
} from "./allow-list.ts";
import { nodeSpecs, writingStatements, type FieldKind } from "./ast-spec.ts";

export interface TableRef {
  /** Null when the query did not qualify the name and no catalogue was given to resolve it. */
  schema: string | null;
  name: string;
}

export interface WalkOptions {
  allowedSchemas: readonly string[];
  /** "schema.table" names of the data source; when given, other tables are refused. */
  knownTables?: ReadonlySet<string>;
  maxDepth: number;
}

type Json = Record<string, unknown>;

interface Scope {
  /** CTE names visible here: an unqualified name that matches one is not a table. */
  ctes: ReadonlySet<string>;
}

const expressionKinds = new Set([
  "AEXPR_OP", "AEXPR_OP_ANY", "AEXPR_OP_ALL", "AEXPR_DISTINCT", "AEXPR_NOT_DISTINCT", "AEXPR_NULLIF", "AEXPR_IN",
  "AEXPR_LIKE", "AEXPR_ILIKE", "AEXPR_SIMILAR", "AEXPR_BETWEEN", "AEXPR_NOT_BETWEEN", "AEXPR_BETWEEN_SYM", "AEXPR_NOT_BETWEEN_SYM",
]);
const betweenNames = new Set(["BETWEEN", "NOT BETWEEN", "BETWEEN SYMMETRIC", "NOT BETWEEN SYMMETRIC"]);
const sublinkTypes = new Set(["EXISTS_SUBLINK", "ALL_SUBLINK", "ANY_SUBLINK", "ROWCOMPARE_SUBLINK", "EXPR_SUBLINK", "ARRAY_SUBLINK"]);

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function unsupported(what: string): SqlSandboxError {
  return new SqlSandboxError("SQL_UNSUPPORTED_SYNTAX", `The query uses ${what}, which the SQL sandbox does not accept.`, {
    details: { name: what },
  });
}

function strings(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((item) => {
    const value = isObject(item) && isObject(item.String) ? item.String.sval : undefined;
    if (typeof value !== "string") throw unsupported("a non-name element in a name list");
    return value;
  });
}

/**
 * Walks one statement's parse tree and refuses anything that is not a plain
 * read-only query over the allowed schemas. Collects the tables it reads.
 */
export class QueryWalker {
  readonly tables = new Map<string, TableRef>();
  readonly #options: WalkOptions;
  /** The allowed schemas without system ones, which no data source may read whatever it lists. */
  readonly #schemas: readonly string[];
  readonly #allowed: ReadonlySet<string>;

  constructor(options: WalkOptions) {
    this.#options = options;
    this.#schemas = userSchemas(options.allowedSchemas);
    this.#allowed = new Set(this.#schemas);
  }

  /** Entry point: the statement node of a RawStmt, e.g. `{ SelectStmt: {...} }`. */
  statement(stmt: unknown): void {
    const [type, body] = this.#unwrap(stmt);
    if (type !== "SelectStmt") {
      throw new SqlSandboxError("SQL_NOT_READ_ONLY", `Only SELECT queries may run; this is ${describeStatement(type)}.`, {
        details: { name: type },
      });
    }
    this.#select(body, { ctes: new Set() }, 0);
  }

  #unwrap(node: unknown): [string, Json] {
    if (!isObject(node)) throw unsupported("a malformed parse tree");
    const keys = Object.keys(node);
    if (keys.length !== 1) throw unsupported("a malformed parse tree");
    const type = keys[0]!;
    const body = node[type];
    if (!isObject(body)) throw unsupported(`a malformed ${type} node`);
    return [type, body];
  }

  #node(node: unknown, scope: Scope, depth: number): void {
    // `{}` stands for NULL inside lists (DISTINCT without ON, a missing column list).
    if (isObject(node) && Object.keys(node).length === 0) return;
    const [type, body] = this.#unwrap(node);
    this.#typed(type, body, scope, depth);
  }

  #typed(type: string, body: Json, scope: Scope, depth: number): void {
    if (depth > this.#options.maxDepth) {
      throw new SqlSandboxError("SQL_TOO_LONG", "The query is nested too deeply.");
    }
    switch (type) {
      case "SelectStmt":
        return this.#select(body, scope, depth);
      case "FuncCall":
        this.#function(body);
        break;
      case "RangeVar":
        this.#relation(body, scope);
        break;
      case "ColumnRef":
        this.#column(body);
        break;
      case "TypeName":
        this.#type(body);
        break;
      case "A_Expr":
        this.#expression(body);
        break;
      case "SortBy":
        this.#operator(strings(body.useOp));
        break;
      case "SubLink":
        if (!sublinkTypes.has(String(body.subLinkType))) throw unsupported(`a ${String(body.subLinkType)} subquery`);
        this.#operator(strings(body.operName));
        break;
      case "SQLValueFunction":
        if (!allowedValueFunctions.has(String(body.op))) {
          throw new SqlSandboxError("SQL_FORBIDDEN_FUNCTION", "Session information functions (CURRENT_USER, CURRENT_SCHEMA, ...) are not allowed.", {
            details: { name: String(body.op) },
          });
        }
        break;
      case "RangeTableSample":
        for (const method of strings(body.method)) {
          if (!allowedSampleMethods.has(method)) throw unsupported(`the TABLESAMPLE method ${method}`);
        }
        break;
      case "CommonTableExpr":
        // Reached only through #with, which checks the query kind first.
        break;
      default:
        if (!(type in nodeSpecs)) {
          if (writingStatements.test(type)) {
            throw new SqlSandboxError("SQL_NOT_READ_ONLY", `Only SELECT queries may run; the query contains ${describeStatement(type)}.`, {
              details: { name: type },
            });
          }
          throw unsupported(`the construct ${type}`);
        }
    }
    this.#fields(type, body, scope, depth);
  }

  #fields(type: string, body: Json, scope: Scope, depth: number, skip?: ReadonlySet<string>): void {
    const spec = nodeSpecs[type];
    if (!spec) throw unsupported(`the construct ${type}`);
    for (const [field, value] of Object.entries(body)) {
      if (skip?.has(field)) continue;
      const kind = spec[field];
      if (!kind) throw unsupported(`${type}.${field}`);
      this.#field(kind, type, field, value, scope, depth + 1);
    }
  }

  #field(kind: FieldKind, type: string, field: string, value: unknown, scope: Scope, depth: number): void {
    if (kind === "value") {
      if (!["string", "number", "boolean"].includes(typeof value)) throw unsupported(`${type}.${field}`);
      return;
    }
    if (kind === "node") return this.#node(value, scope, depth);
    if (kind === "nodes") {
      if (!Array.isArray(value)) throw unsupported(`${type}.${field}`);
      for (const item of value) this.#node(item, scope, depth);
      return;
    }
    const structType = kind.slice("struct:".length);
    if (!isObject(value)) throw unsupported(`${type}.${field}`);
    this.#typed(structType, value, scope, depth);
  }

  #select(body: Json, scope: Scope, depth: number): void {
    if (body.intoClause !== undefined) {
      throw new SqlSandboxError("SQL_NOT_READ_ONLY", "SELECT INTO creates a table; only plain SELECT queries may run.");
    }
    if (Array.isArray(body.lockingClause) && body.lockingClause.length > 0) {
      throw new SqlSandboxError("SQL_NOT_READ_ONLY", "FOR UPDATE / FOR SHARE lock rows; only plain SELECT queries may run.");
    }
    let inner = scope;
    if (body.withClause !== undefined) {
      if (!isObject(body.withClause)) throw unsupported("a malformed WITH clause");
      inner = this.#with(body.withClause, scope, depth + 1);
    }
    this.#fields("SelectStmt", body, inner, depth, new Set(["withClause"]));
  }

  /** Checks each CTE with the names it can see, and returns the scope of the main query. */
  #with(clause: Json, scope: Scope, depth: number): Scope {
    for (const field of Object.keys(clause)) {
      if (!(field in nodeSpecs.WithClause!)) throw unsupported(`WithClause.${field}`);
    }
    const ctes = Array.isArray(clause.ctes) ? clause.ctes : [];
    const entries = ctes.map((cte) => {
      const [type, body] = this.#unwrap(cte);
      if (type !== "CommonTableExpr" || typeof body.ctename !== "string") throw unsupported("a malformed WITH clause");
      return { name: body.ctename, body };
    });
    const all = new Set([...scope.ctes, ...entries.map((e) => e.name)]);
    const visible = new Set(scope.ctes);
    for (const { name, body } of entries) {
      // WITH RECURSIVE lets every CTE see all of them; otherwise only the earlier ones.
      const cteScope = { ctes: clause.recursive === true ? all : new Set(visible) };
      const [queryType] = this.#unwrap(body.ctequery);
      if (queryType !== "SelectStmt") {
        throw new SqlSandboxError("SQL_NOT_READ_ONLY", `The WITH query "${name}" is ${describeStatement(queryType)}; only SELECT is allowed.`, {
          details: { name: queryType },
        });
      }
      this.#fields("CommonTableExpr", body, cteScope, depth + 1);
      visible.add(name);
    }
    return { ctes: all };
  }

  #function(body: Json): void {
    const parts = strings(body.funcname);
    const name = parts[parts.length - 1];
    const schema = parts.length === 2 ? parts[0] : undefined;
    const qualifiedOk = parts.length === 1 || (parts.length === 2 && schema === builtinSchema);
    if (!name || !qualifiedOk || !allowedFunctions.has(name)) {
      throw new SqlSandboxError("SQL_FORBIDDEN_FUNCTION", `The function ${parts.join(".")}() is not allowed in queries.`, {
        details: { name: parts.join(".") },
      });
    }
  }

  #type(body: Json): void {
    const parts = strings(body.names);
    const name = parts[parts.length - 1];
    const qualifiedOk = parts.length === 1 || (parts.length === 2 && parts[0] === builtinSchema);
    if (!name || !qualifiedOk || !allowedTypes.has(name)) {
      throw new SqlSandboxError("SQL_FORBIDDEN_TYPE", `The type ${parts.join(".")} is not allowed in queries.`, {
        details: { name: parts.join(".") },
      });
    }
  }

  #operator(parts: string[]): void {
    if (parts.length === 0) return;
    const symbol = parts[parts.length - 1]!;
    const qualifiedOk = parts.length === 1 || (parts.length === 2 && parts[0] === builtinSchema);
    if (!qualifiedOk || !isOperatorSymbol(symbol)) {
      throw new SqlSandboxError("SQL_FORBIDDEN_FUNCTION", `The operator ${parts.join(".")} is not allowed in queries.`, {
        details: { name: parts.join(".") },
      });
    }
  }

  #expression(body: Json): void {
    const kind = String(body.kind);
    if (!expressionKinds.has(kind)) throw unsupported(`the expression kind ${kind}`);
    const names = strings(body.name);
    // BETWEEN forms carry their keywords as the "operator" name.
    if (kind.includes("BETWEEN")) {
      if (names.length !== 1 || !betweenNames.has(names[0]!)) throw unsupported(`the BETWEEN form ${names.join(" ")}`);
      return;
    }
    this.#operator(names);
  }

  #column(body: Json): void {
    const fields = Array.isArray(body.fields) ? body.fields : [];
    const names = fields.filter((f): f is Json => isObject(f) && isObject(f.String)).map((f) => String((f.String as Json).sval));
    const last = names[names.length - 1];
    if (last !== undefined && systemColumns.has(last) && names.length === fields.length) {
      throw new SqlSandboxError("SQL_FORBIDDEN_COLUMN", `The system column ${last} may not be read.`, { details: { name: last } });
    }
    if (fields.length > 3) throw this.#schemaError("another database");
    if (fields.length === 3 && names[0] !== undefined && !this.#allowed.has(names[0])) throw this.#schemaError(names[0]);
  }

  #relation(body: Json, scope: Scope): void {
    const name = body.relname;
    if (typeof name !== "string") throw unsupported("a malformed table reference");
    if (body.catalogname !== undefined) throw this.#schemaError("another database");
    const schema = typeof body.schemaname === "string" ? body.schemaname : undefined;
    const known = this.#options.knownTables;
    if (schema !== undefined) {
      if (!this.#allowed.has(schema)) throw this.#schemaError(schema);
      if (known && !known.has(`${schema}.${name}`)) throw unknownTable(`${schema}.${name}`);
      return this.#record(schema, name);
    }
    if (scope.ctes.has(name)) return;
    // Unqualified names are looked up in pg_catalog before the search path, and its relations are all pg_*.
    if (name.startsWith("pg_")) throw this.#schemaError(builtinSchema);
    if (!known) return this.#record(null, name);
    const resolved = this.#schemas.find((s) => known.has(`${s}.${name}`));
    if (resolved === undefined) throw unknownTable(name);
    this.#record(resolved, name);
  }

  #record(schema: string | null, name: string): void {
    this.tables.set(`${schema ?? ""}.${name}`, { schema, name });
  }

  #schemaError(schema: string): SqlSandboxError {
    return new SqlSandboxError("SQL_FORBIDDEN_SCHEMA", `Reading from ${schema === "another database" ? schema : `schema "${schema}"`} is not allowed for this data source.`, {
      details: { name: schema },
    });
  }
}

export function userSchemas(schemas: readonly string[]): string[] {
  return schemas.filter((s) => !isSystemSchema(s));
}

function unknownTable(name: string): SqlSandboxError {
  return new SqlSandboxError("SQL_UNKNOWN_OBJECT", `The table ${name} does not exist in this data source.`, { details: { name } });
}

function describeStatement(type: string): string {
  const words = type.replace(/Stmt$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase();
  return `a ${words} statement`;
}
