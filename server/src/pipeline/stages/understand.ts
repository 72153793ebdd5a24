/**
 * What kind of turn a message is, before any data is looked at: a question,
 * a prepared spec (suggestion, option), a greeting, or a request to see what
 * data there is ("Show me sales data") — answered with data sources to pick.
 */
export type Intent = "question" | "prepared" | "greeting" | "browse";

const greeting = /^(hi|hello|hey|hiya|good (morning|afternoon|evening)|thanks?|thank you|thx|ok(ay)?|cool|great|nice)\b[\s!.?,]*$/i;
const dataWord = String.raw`(?:data|datasets?|databases?|data ?sources?|tables)`;
/** "Show me sales data", "What is in the database?", "Which data sources are there?" */
const browse = [
  new RegExp(String.raw`^(?:(?:please )?(?:show|give|find|get|open|use|browse|explore|see|look at)(?: me| us)?|i (?:want|need|would like)(?: to (?:see|explore|use))?|(?:what|which)(?: kind of)?)\b.*\b${dataWord}\s*[?.!]*$`, "i"),
  new RegExp(String.raw`^(?:what|which)(?: kinds? of)?(?: \w+)? ${dataWord}\b`, "i"),
];
/** A request to see what data there is is short; a longer message ending in "…in the database" is a question. */
const maxBrowseWords = 8;
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
  const short = text.split(" ").length <= maxBrowseWords;
  if (short && browse.some((b) => b.test(text)) && !asksForNumbers.test(text)) return { text, intent: "browse" };
  return { text, intent: "question" };
}
