import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
} from "graphql";
import { AppError } from "../../errors.ts";

export interface InputGuardOptions {
  /** Largest `first`/`last` of a connection, and longest list argument. */
  maxPageSize: number;
  /** Largest product of page sizes along nested connections (the rows one request may touch). */
  maxNestedRows: number;
  /** Deepest nesting of the variables object (JSON arguments included). */
  maxVariableDepth: number;
}

class Stop extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

type FieldNode = { arguments?: readonly { name: { value: string }; value: never }[] };

const nulError = () => new AppError("BAD_USER_INPUT", "Text must not contain NUL (\\u0000) characters.");
const surrogateError = () => new AppError("BAD_USER_INPUT", "Text must be valid Unicode (it has half of a surrogate pair).");
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** PostgreSQL (and Prisma's JSON protocol) cannot take NUL or broken UTF-16: refuse them at the door. */
function checkText(text: string) {
  if (text.includes("\u0000")) throw new Stop(nulError());
  if (loneSurrogate.test(text)) throw new Stop(surrogateError());
}

function argument(field: GraphQLField<unknown, unknown>, node: FieldNode, name: string, variables: Record<string, unknown>) {
  const def = field.args.find((a) => a.name === name);
  const given = node.arguments?.find((a) => a.name.value === name);
  if (!def || !given) return undefined;
  return valueFromAST(given.value, def.type, variables);
}

function checkPageArgument(fieldName: string, name: string, value: unknown, max: number) {
  if (value === undefined || value === null) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max) {
    throw new Stop(new AppError("BAD_USER_INPUT", `${fieldName}: \`${name}\` must be between 0 and ${max}.`, { details: { field: fieldName, argument: name } }));
  }
}

/** Text that cannot be stored (see `checkText`) and nesting past `maxDepth`, walked without recursion. */
function checkVariables(variables: Record<string, unknown>, maxDepth: number) {
  const stack: [unknown, number][] = [[variables, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value === "string") {
      checkText(value);
    } else if (value && typeof value === "object") {
      if (depth >= maxDepth) throw new Stop(new AppError("BAD_USER_INPUT", "The variables are nested too deeply."));
      for (const [key, child] of Object.entries(value)) {
        checkText(key);
        stack.push([child, depth + 1]);
      }
    }
  }
}

/** Checks one field's arguments; returns its page size (1 for anything but a connection). */
function checkField(field: GraphQLField<unknown, unknown>, node: FieldNode, vars: Record<string, unknown>, options: InputGuardOptions): number {
  let size = 1;
  const named = getNamedType(field.type);
  if (isObjectType(named) && named.name.endsWith("Connection") && field.args.some((a) => a.name === "first")) {
    const first = argument(field, node, "first", vars);
    const last = argument(field, node, "last", vars);
    if ((first === undefined || first === null) && (last === undefined || last === null)) {
      throw new Stop(
        new AppError("PAGE_SIZE_REQUIRED", `${field.name} needs \`first\` or \`last\` (at most ${options.maxPageSize}).`, {
          details: { field: field.name },
          hint: "Page through long lists with `first` and `after`.",
        }),
      );
    }
    checkPageArgument(field.name, "first", first, options.maxPageSize);
    checkPageArgument(field.name, "last", last, options.maxPageSize);
    size = Math.max(1, Number(first ?? 0), Number(last ?? 0));
  }
  for (const arg of field.args) {
    if (!isListType(getNullableType(arg.type))) continue;
    const value = argument(field, node, arg.name, vars);
    if (Array.isArray(value) && value.length > options.maxPageSize) {
      throw new Stop(new AppError("BAD_USER_INPUT", `${field.name}: \`${arg.name}\` lists more than ${options.maxPageSize} items.`, { details: { field: field.name, argument: arg.name } }));
    }
  }
  return size;
}

/**
 * Checks an operation's inputs before it runs: every connection is bounded by
 * `first` or `last`, and nested ones together by `maxNestedRows` (so no
 * request asks for an unbounded number of rows), list arguments are short,
 * and no text carries NUL characters or broken UTF-16.
 * Returns the first problem as a typed error, or null.
 */
export function checkOperationInputs(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | null | undefined, options: InputGuardOptions): AppError | null {
  const vars = variables ?? {};
  try {
    checkVariables(vars, options.maxVariableDepth);
    const typeInfo = new TypeInfo(schema);
    // Page sizes of the connections enclosing the current field; graphql-armor's cost only sees literals, this sees variables too.
    const pages: number[] = [];
    let rows = 1;
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        StringValue(node) {
          checkText(node.value);
        },
        Field: {
          enter(node) {
            const field = typeInfo.getFieldDef();
            const size = field ? checkField(field, node as never, vars, options) : 1;
            pages.push(size);
            rows *= size;
            if (rows > options.maxNestedRows) {
              throw new Stop(new AppError("QUERY_TOO_COMPLEX", "The query asks for too much at once.", { hint: "Ask for smaller pages of nested lists, or split the query." }));
            }
          },
          leave() {
            rows /= pages.pop() ?? 1;
          },
        },
      }),
    );
    return null;
  } catch (error) {
    if (error instanceof Stop) return error.error;
    throw error;
  }
}
