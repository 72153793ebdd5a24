/**
 * Rough token count: about four characters a token for English text and SQL.
 * Good enough for budgets; the server's own count is used when it sends one.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Cuts text to about `tokens` tokens, marking the cut. */
export function truncateToTokens(text: string, tokens: number): string {
  const max = Math.max(0, tokens * 4);
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}
