import { ABBREVIATIONS } from "../../semantic/thesaurus.ts";
import { FILLER } from "./cues.ts";
import { stem } from "./stem.ts";

/**
 * Words a question may leave unread without changing what it asks: they name
 * no data and no condition. Everything else the engine does not read is a
 * content word, and an answer that drops one is not an answer (see
 * `read/account.ts`). Kept to kinds, so a new word is added to its kind.
 */
const KINDS: Record<string, string> = {
  // Pronouns, determiners and discourse markers.
  pronouns: `he she him her hers his it they one ones someone somebody something anything everything anyone everyone
    everybody nothing whats hmm um uh er oh ah well okay actually really basically simply kindly cheers curious wonder
    interested also too still yet already even maybe perhaps roughly approximately about around altogether whole
    finally such very own why whom whose etc note way given following follows respectively`,
  // Instructions to whoever writes the query: how to match, join and present, not what to find.
  instructions: `select choose pick compute calculate determine identify obtain produce account follow instruction instructions generate generating query queries sql always filter filtering match
    matching matched string strings case insensitive insensitively sensitive wildcard wildcards operator operators ilike
    exact join joins joining joined link linking column columns output print display present presenting shown showing
    return returning include order ordering sort sorting ascending descending asc desc alphabetical alphabetically
    starting start top below above refer refers consider considered represent representing mean means give
    database databases dataset system catalog catalogue letter letters character characters word words`,
  // Verbs that relate the things a question names ("orders placed by", "products supplied by", "customers who live in").
  relations: `place handle serve issue supply locate situate base come provide cover take generate receive write manage
    appear live reside sell buy purchase deliver publish specify make belong contain hold involve get go work own run
    operate employ record register assign associate relate connect feature fall happen occur remain stay become cite
    attend enroll teach send flow traverse visit do signup
    came taken took lives held got gotten taught sent done doing did went gone ran fell became wrote`,
  // The speaker's own organisation ("employees who left the company"): a word the model would otherwise name.
  self: `company business organisation organization firm enterprise`,
  // Units: they say how a number is measured, not which rows count.
  units: `millisecond second minute hour day meter metre kilometer kilometre km mile square sq foot feet inch kg kilogram
    gram pound ton tonne liter litre dollar usd euro eur gbp cent thousand million billion byte kb mb gb megabyte
    gigabyte unit`,
};

const STEMS = new Set<string>();
for (const w of [...FILLER, ...Object.values(KINDS).flatMap((k) => k.split(/\s+/))]) if (w) STEMS.add(stem(w));

/** Time grains and nouns that end like adverbs of manner. */
const NOT_MANNER = new Set(["daily", "weekly", "monthly", "quarterly", "yearly", "annually", "hourly", "biweekly", "family", "assembly", "anomaly", "butterfly", "monopoly", "supply", "italy", "july"]);

/** "happily", "exactly", "alphabetically": how something is said, not what is asked. */
function mannerAdverb(word: string): boolean {
  return word === word.toLowerCase() && word.length >= 7 && word.endsWith("ly") && !NOT_MANNER.has(word);
}

/** Whether a question word (as written) is a function word: it carries no data and no condition. */
export function isFunctionWord(word: string): boolean {
  if (mannerAdverb(word)) return true;
  const norm = word.toLowerCase();
  if (FILLER.has(norm) || STEMS.has(stem(norm)) || STEMS.has(stem(norm.replace(/ied$/, "y")))) return true;
  // "nbr of tracks": an abbreviation of a function word.
  const expanded = ABBREVIATIONS[norm];
  return expanded !== undefined && expanded.split(" ").every((w) => STEMS.has(stem(w)));
}
