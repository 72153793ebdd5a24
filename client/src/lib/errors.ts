import type { CombinedError } from "urql";

const friendly: Record<string, string> = {
  INVALID_CREDENTIALS: "That e-mail and password do not match an account.",
  EMAIL_TAKEN: "An account with this e-mail already exists. Log in instead.",
  SERVICE_UNAVAILABLE: "The server cannot reach its database right now. Try again in a moment.",
  INTERNAL: "Something went wrong on the server.",
};

/** A sentence for people from a GraphQL or network error. */
export function errorMessage(error: CombinedError | undefined | null): string | null {
  if (!error) return null;
  if (error.networkError) return "Cannot reach the server. Check your connection.";
  const first = error.graphQLErrors[0];
  if (!first) return error.message;
  const code = first.extensions?.code as string | undefined;
  return (code && friendly[code]) || first.message;
}

export function errorCode(error: CombinedError | undefined | null): string | undefined {
  return error?.graphQLErrors[0]?.extensions?.code as string | undefined;
}
