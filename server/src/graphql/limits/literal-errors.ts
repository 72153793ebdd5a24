import { getNullableType, isScalarType, TypeInfo, visit, visitWithTypeInfo, type ASTNode, type DocumentNode, type GraphQLSchema, type ValueNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import { AppError } from "../../errors.ts";

/**
 * Scalar literals written in a document that their type refuses ("2024-13-45"
 * for a DateTime, 99999999999 for an Int), as BAD_USER_INPUT naming where they
 * are (`createApiKey.input.expiresAt`), with the nodes graphql-js reported.
 */
export function literalErrors(schema: GraphQLSchema, document: DocumentNode): { errors: AppError[]; nodes: Set<ASTNode> } {
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  const errors: AppError[] = [];
  const nodes = new Set<ASTNode>();
  const named = { enter: (node: { name: { value: string } }) => void path.push(node.name.value), leave: () => void path.pop() };
  const check = (node: ValueNode) => {
    const type = getNullableType(typeInfo.getInputType());
    if (!type || !isScalarType(type)) return;
    let reason: string | null = null;
    try {
      if (type.parseLiteral(node, undefined) === undefined) reason = `is not a valid ${type.name}`;
    } catch (error) {
      reason = (error as Error).message;
    }
    if (reason === null) return;
    const field = path.join(".");
    nodes.add(node);
    errors.push(new AppError("BAD_USER_INPUT", `${field}: ${reason}`, { details: { field } }));
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: named,
      Argument: named,
      ObjectField: named,
      IntValue: check,
      FloatValue: check,
      StringValue: check,
      BooleanValue: check,
    }),
  );
  return { errors, nodes };
}

/**
 * graphql-js reports such literals as GRAPHQL_VALIDATION_FAILED; they are the
 * caller's input like a bad variable (which already answers BAD_USER_INPUT),
 * so they answer the same, never a rolled-over value.
 */
export function literalErrorsPlugin(): Plugin {
  return {
    onValidate({ params }) {
      return ({ result, setResult }) => {
        if (result.length === 0) return;
        const found = literalErrors(params.schema, params.documentAST);
        if (found.errors.length === 0) return;
        setResult([...found.errors, ...result.filter((error) => !error.nodes?.some((node: ASTNode) => found.nodes.has(node)))]);
      };
    },
  };
}
