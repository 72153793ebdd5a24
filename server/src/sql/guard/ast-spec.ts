/**
 * The part of PostgreSQL's parse tree (libpg-query JSON) that a read-only query
 * may contain, field by field. The walker rejects any node type or field that
 * is not listed, so syntax added by a later PostgreSQL (or one we never thought
 * about) is refused rather than waved through.
 *
 * Field kinds:
 *  - "node":  a wrapped node `{ TypeName: {...} }` (or `{}` for a NULL)
 *  - "nodes": an array of wrapped nodes
 *  - "value": a string, number or boolean (names, enums, flags, positions)
 *  - "struct:X": an unwrapped node of type X, as libpg-query writes typed fields
 */
export type FieldKind = "node" | "nodes" | "value" | `struct:${string}`;

export type NodeSpec = Readonly<Record<string, FieldKind>>;

const expr = { xpr: "node", location: "value" } as const;

export const nodeSpecs: Readonly<Record<string, NodeSpec>> = {
  SelectStmt: {
    distinctClause: "nodes",
    targetList: "nodes",
    fromClause: "nodes",
    whereClause: "node",
    groupClause: "nodes",
    groupDistinct: "value",
    havingClause: "node",
    windowClause: "nodes",
    valuesLists: "nodes",
    sortClause: "nodes",
    limitOffset: "node",
    limitCount: "node",
    limitOption: "value",
    withClause: "struct:WithClause",
    op: "value",
    all: "value",
    larg: "struct:SelectStmt",
    rarg: "struct:SelectStmt",
    // intoClause and lockingClause are refused with a clearer message by the walker.
  },
  WithClause: { ctes: "nodes", recursive: "value", location: "value" },
  CommonTableExpr: { ctename: "value", aliascolnames: "nodes", ctematerialized: "value", ctequery: "node", location: "value" },
  ResTarget: { name: "value", val: "node", location: "value" },
  ColumnRef: { fields: "nodes", location: "value" },
  A_Star: {},
  A_Const: {
    ival: "struct:Integer",
    fval: "struct:Float",
    boolval: "struct:Boolean",
    sval: "struct:String",
    bsval: "struct:BitString",
    isnull: "value",
    location: "value",
  },
  Integer: { ival: "value" },
  Float: { fval: "value" },
  Boolean: { boolval: "value" },
  String: { sval: "value" },
  BitString: { bsval: "value" },
  List: { items: "nodes" },
  A_Expr: { kind: "value", name: "nodes", lexpr: "node", rexpr: "node", rexpr_list_start: "value", rexpr_list_end: "value", location: "value" },
  BoolExpr: { ...expr, boolop: "value", args: "nodes" },
  NullTest: { ...expr, arg: "node", nulltesttype: "value", argisrow: "value" },
  BooleanTest: { ...expr, arg: "node", booltesttype: "value" },
  FuncCall: {
    funcname: "nodes",
    args: "nodes",
    agg_order: "nodes",
    agg_filter: "node",
    over: "struct:WindowDef",
    agg_within_group: "value",
    agg_star: "value",
    agg_distinct: "value",
    func_variadic: "value",
    funcformat: "value",
    location: "value",
  },
  NamedArgExpr: { ...expr, arg: "node", name: "value", argnumber: "value" },
  WindowDef: {
    name: "value",
    refname: "value",
    partitionClause: "nodes",
    orderClause: "nodes",
    frameOptions: "value",
    startOffset: "node",
    endOffset: "node",
    location: "value",
  },
  SortBy: { node: "node", sortby_dir: "value", sortby_nulls: "value", useOp: "nodes", location: "value" },
  TypeCast: { arg: "node", typeName: "struct:TypeName", location: "value" },
  TypeName: { names: "nodes", typmods: "nodes", typemod: "value", arrayBounds: "nodes", location: "value" },
  CollateClause: { arg: "node", collname: "nodes", location: "value" },
  SubLink: { ...expr, subLinkType: "value", subLinkId: "value", testexpr: "node", operName: "nodes", subselect: "node" },
  CaseExpr: { ...expr, arg: "node", args: "nodes", defresult: "node" },
  CaseWhen: { ...expr, expr: "node", result: "node" },
  CoalesceExpr: { ...expr, args: "nodes" },
  MinMaxExpr: { ...expr, op: "value", args: "nodes" },
  SQLValueFunction: { ...expr, op: "value", typmod: "value" },
  A_Indirection: { arg: "node", indirection: "nodes" },
  A_Indices: { is_slice: "value", lidx: "node", uidx: "node" },
  A_ArrayExpr: { elements: "nodes", list_start: "value", list_end: "value", location: "value" },
  RowExpr: { ...expr, args: "nodes", row_format: "value", colnames: "nodes" },
  GroupingSet: { kind: "value", content: "nodes", location: "value" },
  GroupingFunc: { ...expr, args: "nodes" },
  RangeVar: { schemaname: "value", relname: "value", inh: "value", relpersistence: "value", alias: "struct:Alias", location: "value" },
  Alias: { aliasname: "value", colnames: "nodes" },
  JoinExpr: {
    jointype: "value",
    isNatural: "value",
    larg: "node",
    rarg: "node",
    usingClause: "nodes",
    join_using_alias: "struct:Alias",
    quals: "node",
    alias: "struct:Alias",
    rtindex: "value",
  },
  RangeSubselect: { lateral: "value", subquery: "node", alias: "struct:Alias" },
  RangeFunction: {
    lateral: "value",
    ordinality: "value",
    is_rowsfrom: "value",
    functions: "nodes",
    alias: "struct:Alias",
    coldeflist: "nodes",
  },
  RangeTableSample: { relation: "node", method: "nodes", args: "nodes", repeatable: "node", location: "value" },
  ColumnDef: { colname: "value", typeName: "struct:TypeName", is_local: "value", location: "value" },
};

/** Statement node types that write, lock, change settings or run other code. */
export const writingStatements = /Stmt$/;
