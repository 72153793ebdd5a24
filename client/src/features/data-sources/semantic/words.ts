/** "a, b ,, c" → ["a", "b", "c"] without repeats (ignoring case). */
export function parseWords(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[,\n]/)) {
    const word = raw.trim();
    if (word && !seen.has(word.toLowerCase())) {
      seen.add(word.toLowerCase());
      out.push(word);
    }
  }
  return out;
}

export function joinWords(words: readonly string[]): string {
  return words.join(", ");
}
