/**
 * The name PostgreSQL gives a select-list item that has no alias (its
 * FigureColname rules, on the raw parse tree): `count(*)` is "count",
 * `x::numeric` is "x", `'1'::int` is "int4", `CASE ...` is "case", anything
 * else "?column?". DuckDB names such columns by their text ("count_star()"),
 * so without an alias the same SQL would answer with other column names.
 */

type Node = Record<string, any>;

const valueFunctions: Record<string, string> = {
  SVFOP_CURRENT_DATE: "current_date",
  SVFOP_CURRENT_TIME: "current_time",
  SVFOP_CURRENT_TIME_N: "current_time",
  SVFOP_CURRENT_TIMESTAMP: "current_timestamp",
  SVFOP_CURRENT_TIMESTAMP_N: "current_timestamp",
  SVFOP_LOCALTIME: "localtime",
  SVFOP_LOCALTIME_N: "localtime",
  SVFOP_LOCALTIMESTAMP: "localtimestamp",
  SVFOP_LOCALTIMESTAMP_N: "localtimestamp",
  SVFOP_CURRENT_ROLE: "current_role",
  SVFOP_CURRENT_USER: "current_user",
  SVFOP_USER: "user",
  SVFOP_SESSION_USER: "session_user",
  SVFOP_CURRENT_CATALOG: "current_catalog",
  SVFOP_CURRENT_SCHEMA: "current_schema",
};

const unknown = "?column?";

function lastString(list: Node[] | undefined): string | undefined {
  const last = list?.at(-1);
  return last?.String?.sval;
}

/** [name, strong]: a weak name ("?column?", a cast's type) yields to a better one. */
function figure(node: Node | undefined): [string, boolean] {
  if (!node) return [unknown, false];
  const [kind, body] = Object.entries(node)[0] ?? [];
  switch (kind) {
    case "ColumnRef": {
      const name = lastString(body.fields);
      return name ? [name, true] : [unknown, false];
    }
    case "FuncCall":
      return [lastString(body.funcname) ?? unknown, true];
    case "TypeCast": {
      const inner = figure(body.arg);
      if (inner[1]) return inner;
      const type = lastString(body.typeName?.names);
      return type ? [type, false] : inner;
    }
    case "CollateClause":
      return figure(body.arg);
    case "A_Expr":
      return body.kind === "AEXPR_NULLIF" ? ["nullif", true] : [unknown, false];
    case "CoalesceExpr":
      return ["coalesce", true];
    case "MinMaxExpr":
      return [body.op === "IS_GREATEST" ? "greatest" : "least", true];
    case "SQLValueFunction":
      return [valueFunctions[body.op] ?? unknown, body.op in valueFunctions];
    case "CaseExpr":
      return ["case", true];
    case "A_ArrayExpr":
      return ["array", true];
    case "RowExpr":
      return ["row", true];
    case "GroupingFunc":
      return ["grouping", true];
    case "SubLink": {
      if (body.subLinkType === "EXISTS_SUBLINK") return ["exists", true];
      if (body.subLinkType === "ARRAY_SUBLINK") return ["array", true];
      if (body.subLinkType === "EXPR_SUBLINK") {
        const first = body.subselect?.SelectStmt?.targetList?.[0]?.ResTarget;
        if (first?.name) return [first.name, true];
        return figure(first?.val);
      }
      return [unknown, false];
    }
  }
  return [unknown, false];
}

export function postgresColumnName(node: Node | undefined): string {
  return figure(node)[0];
}

export interface UnnamedTarget {
  /** Byte offset where the item starts in the statement. */
  location: number;
  name: string;
}

/**
 * Items of the statement's own select list (the leftmost SELECT of a set
 * operation, which names the columns) that have no alias and are not plain
 * column references, with the name PostgreSQL gives them. `next` is the
 * location of the item after each, so callers can find where it ends.
 */
export function unnamedTargets(statement: Node | undefined): { targets: (UnnamedTarget | null)[]; locations: number[] } | undefined {
  let select = statement?.SelectStmt;
  while (select && select.op && select.op !== "SETOP_NONE") select = select.larg;
  const list: Node[] | undefined = select?.targetList;
  if (!list) return undefined;
  const locations = list.map((item) => Number(item.ResTarget?.location ?? -1));
  const targets = list.map((item) => {
    const target = item.ResTarget;
    if (!target || target.name || target.val?.ColumnRef || target.val?.A_Indirection) return null;
    return { location: Number(target.location), name: postgresColumnName(target.val) };
  });
  return { targets, locations };
}
