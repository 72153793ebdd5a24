/**
 * What kind of turn a message is, before any data is looked at: a question,
 * a prepared spec (suggestion, option), a greeting, or a request to see what
 * data there is ("Show me sales data") — answered with data sources to pick.
 */
export type Intent = "question" | "prepared" | "greeting" | "browse";

const greeting = /^(hi|hello|hey|hiya|good (morning|afternoon|evening)|thanks?|thank you|thx|ok(ay)?|cool|great|nice)\b[\s!.?,]*$/i;
const browse =
  /^(?:(?:please )?(?:show|give|find|get|open|use|browse|explore|see|look at)(?: me| us)?|i (?:want|need|would like)(?: to (?:see|explore|use))?|(?:what|which)(?: kind of)?)\b.*\b(?:data|datasets?|databases?|data ?sources?|tables)\s*[?.!]*$/i;
const asksForNumbers = /\b(how many|how much|total|sum|average|avg|mean|count|number of|top|bottom|most|least|per|by|each|trend|growth|compare|max(imum)?|min(imum)?|highest|lowest)\b/i;

/** Trims and collapses whitespace; drops control characters that only confuse reading. */
export function normaliseMessage(message: string): string {
  return message
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function understand(message: string, prepared: boolean): { text: string; intent: Intent } {
  const text = normaliseMessage(message);
  if (prepared) return { text, intent: "prepared" };
  if (greeting.test(text)) return { text, intent: "greeting" };
  if (browse.test(text) && !asksForNumbers.test(text)) return { text, intent: "browse" };
  return { text, intent: "question" };
}
