/**
 * Instructions appended to a question about how to write the query ("Follow the instructions
 * below to generate the query: …", "Match strings exactly", "…, by doing a left join from the
 * cars to the sales table"). They say nothing about which rows or values are meant, so they
 * are set aside before the question is read: none of their words can become a filter value.
 * Output and ordering directives ("Return the id and name", "Order by x desc") are not
 * instructions in this sense; they stay in the question and are read as columns and order.
 */

export interface SplitQuestion {
  /** The question without its query-writing instructions. */
  question: string;
  /** The instructions set aside, as written (for the explanation). */
  instructions: string[];
}

/** A sentence (or what follows it) that only says how to write SQL. */
const SENTENCE = [
  /^follow (the|these) instructions\b/i,
  /^(please )?(always )?(match|compare|filter)\b.*\b(strings?|names?|case|exact(ly)?|wildcards?|ilike|like|insensitive(ly)?|sensitive(ly)?)\b/i,
  /^(always |please )?use\b.*\b(ilike|like|wildcards?|exact match|joins?|left join|cte|subquer(y|ies)|window function)\b/i,
  /^(note|remember|assume) that\b.*\b(should be|are considered)\b/i,
  /^represent\b/i,
  /^(to get|to find|to compute|to calculate)\b.*\b(join|link|filter|group|table)\b/i,
];

/** A trailing clause that names the joins to use ("…, by doing a left join from cars to sales"). */
const CLAUSE = /,?\s+(by (doing|using|performing) an? (left |inner |outer |right )?join\b|based on joining\b|using an? (left |inner )?join\b)[^.?!]*/gi;

/** Sentence boundaries: ".", "?" or "!" followed by space, and line breaks. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.?!])\s+|\n+/).filter((s) => s.trim().length > 0);
}

/** "Note that revenue refers to the sum of sale_price in the sales table": a word defined for this question. */
const DEFINITION = /^(?:note|remember|assume)?\s*(?:that\s+)?(?:the\s+)?["'“]?([\p{L}][\p{L}_ -]{0,40}?)["'”]?\s+(?:refers to|means|is defined as|stands for)\s+(?:the\s+)?(.+?)\s*(?:in|of|from) the [\w ]+ tables?[.!]?$|^(?:note|remember|assume)?\s*(?:that\s+)?(?:the\s+)?["'“]?([\p{L}][\p{L}_ -]{0,40}?)["'”]?\s+(?:refers to|means|is defined as|stands for)\s+(?:the\s+)?(.+?)[.!]?$/iu;
/** The aggregate words of a definition, said already by "total revenue". */
const AMOUNT = /^(sum|total|amount)\s+of\s+/i;

export function splitInstructions(text: string): SplitQuestion {
  const instructions: string[] = [];
  const kept: string[] = [];
  const parts = sentences(text);
  const definitions: [string, string][] = [];
  for (let i = 0; i < parts.length; i++) {
    const s = parts[i]!.trim();
    const def = i > 0 ? DEFINITION.exec(s) : null;
    if (def) {
      const term = (def[1] ?? def[3])!.trim();
      const meaning = (def[2] ?? def[4])!.trim().replace(AMOUNT, "");
      definitions.push([term, meaning]);
      instructions.push(s);
      continue;
    }
    // "Follow the instructions below …:" introduces everything after it.
    if (SENTENCE[0]!.test(s)) {
      instructions.push(parts.slice(i).join(" ").trim());
      break;
    }
    if (SENTENCE.some((re) => re.test(s))) {
      instructions.push(s);
      continue;
    }
    kept.push(s);
  }
  let question = kept.join(" ").replace(CLAUSE, (m) => {
    instructions.push(m.replace(/^,?\s+/, ""));
    return "";
  });
  // The defined word reads as what it stands for ("total revenue" → "total sale_price").
  for (const [term, meaning] of definitions) question = question.replace(new RegExp(`\\b${term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "gi"), meaning);
  return { question: question.trim(), instructions };
}
