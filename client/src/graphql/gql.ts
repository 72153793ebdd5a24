/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me { id name email role }\n  }\n": typeof types.MeDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      token\n      user { id email name role }\n    }\n  }\n": typeof types.LogInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user { id email name role }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  query SessionMessages($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      status\n      readOnly\n      messages(first: 100) {\n        edges {\n          node { id role kind content createdAt }\n        }\n      }\n    }\n  }\n": typeof types.SessionMessagesDocument,
    "\n  query SessionList($first: Int!, $search: String) {\n    sessions(first: $first, search: $search) {\n      edges {\n        node { id title status updatedAt }\n      }\n    }\n  }\n": typeof types.SessionListDocument,
    "\n  mutation CreateSession {\n    createSession { session { id title status updatedAt } }\n  }\n": typeof types.CreateSessionDocument,
    "\n  subscription SessionChanged {\n    sessionChanged { kind sessionId }\n  }\n": typeof types.SessionChangedDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me { id name email role }\n  }\n": types.MeDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      token\n      user { id email name role }\n    }\n  }\n": types.LogInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user { id email name role }\n    }\n  }\n": types.SignUpDocument,
    "\n  query SessionMessages($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      status\n      readOnly\n      messages(first: 100) {\n        edges {\n          node { id role kind content createdAt }\n        }\n      }\n    }\n  }\n": types.SessionMessagesDocument,
    "\n  query SessionList($first: Int!, $search: String) {\n    sessions(first: $first, search: $search) {\n      edges {\n        node { id title status updatedAt }\n      }\n    }\n  }\n": types.SessionListDocument,
    "\n  mutation CreateSession {\n    createSession { session { id title status updatedAt } }\n  }\n": types.CreateSessionDocument,
    "\n  subscription SessionChanged {\n    sessionChanged { kind sessionId }\n  }\n": types.SessionChangedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { id name email role }\n  }\n"): (typeof documents)["\n  query Me {\n    me { id name email role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      token\n      user { id email name role }\n    }\n  }\n"): (typeof documents)["\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      token\n      user { id email name role }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user { id email name role }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user { id email name role }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionMessages($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      status\n      readOnly\n      messages(first: 100) {\n        edges {\n          node { id role kind content createdAt }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SessionMessages($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      status\n      readOnly\n      messages(first: 100) {\n        edges {\n          node { id role kind content createdAt }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionList($first: Int!, $search: String) {\n    sessions(first: $first, search: $search) {\n      edges {\n        node { id title status updatedAt }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SessionList($first: Int!, $search: String) {\n    sessions(first: $first, search: $search) {\n      edges {\n        node { id title status updatedAt }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSession {\n    createSession { session { id title status updatedAt } }\n  }\n"): (typeof documents)["\n  mutation CreateSession {\n    createSession { session { id title status updatedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SessionChanged {\n    sessionChanged { kind sessionId }\n  }\n"): (typeof documents)["\n  subscription SessionChanged {\n    sessionChanged { kind sessionId }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;