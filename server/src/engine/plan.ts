import type { SemanticModel } from "../semantic/types.ts";
import { specFromParts } from "./build.ts";
import { clarifyUnknown } from "./clarify.ts";
import { clarifyMetricAggregate } from "./clarify-metric-agg.ts";
import { clarifyUnread } from "./clarify-unread.ts";
import { unreadContent } from "./read/account.ts";
import { describeItems } from "./describe.ts";
import { mergeFollowUp } from "./followup.ts";
import { joinTree, NoJoinPathError } from "./graph.ts";
import { lexiconOf } from "./lexicon/build.ts";
import { literalProblem } from "./literals.ts";
import { phraseLengthAt, segment } from "./lexicon/segment.ts";
import { readParts } from "./read/assemble.ts";
import { clearsPeriod } from "./read/clear-period.ts";
import { splitInstructions } from "./read/instructions.ts";
import { ratioOutcome, splitRatio } from "./read/ratio.ts";
import { readIntents } from "./read/intents.ts";
import type { Parts } from "./read/parts.ts";
import { rejectReason, type RejectCode } from "./reject.ts";
import { cloneSpec, specEntitiesIn, type QuerySpec } from "./spec.ts";
import type { ConversationState } from "./state.ts";
import { tokenize } from "./text/tokenize.ts";
import { scanTime } from "./time/scan.ts";
import { verifiedSpec } from "./verified.ts";
import { targetLabel } from "./describe.ts";

export interface ClarifyOption {
  label: string;
  /** Runs as is, without reading any text again. */
  spec?: QuerySpec;
  /** A rephrased question, for options that are easier to state than to build. */
  resolvedQuestion?: string;
}

export type PlanOutcome =
  /** `ignored`: content words left unread (a query leaves none); `skipped`: function words it passed over. */
  | { kind: "query"; spec: QuerySpec; confidence: number; understood: string[]; ignored: string[]; skipped?: string[]; followUp: boolean }
  /** `unread`: the content words that made the engine ask instead of answer. */
  | { kind: "clarify"; message: string; options: ClarifyOption[]; unread?: string[] }
  | { kind: "reject"; code: RejectCode; message: string };

export interface PlanInput {
  question: string;
  model: SemanticModel;
  state?: ConversationState | null;
  /** "Today" for relative dates; defaults to the current time. */
  now?: Date;
  /** One side of a ratio: a grouping by the measured rows themselves stays (a ratio per row). */
  ratioSide?: boolean;
}

/** Follow-up words that tie a question to the previous answer even when it is complete on its own. */
const BINDING = ["only", "instead", "what_about", "pronoun", "same", "compare", "also"] as const;

/** Phrases that ask about everything there is, not about the previous answer. */
const WHOLE_DATA = [["do", "we", "have"], ["are", "there"], ["is", "there"], ["in", "the", "database"], ["exist"]];

function containsPhrase(words: string[], phrase: string[]): boolean {
  return words.some((_, i) => phrase.every((w, k) => words[i + k] === w));
}

function isComplete(parts: Parts, hasOwnEntity: boolean): boolean {
  if ((parts.sortOnly || parts.bareMeasure) && parts.dimensions.length === 0 && !hasOwnEntity) return false;
  if (parts.measures.length > 0 && (hasOwnEntity || parts.measures.some((m) => m.kind !== "count"))) return true;
  if (parts.countWithoutTarget) return false;
  return hasOwnEntity && (parts.reading.list || parts.reading.which) && parts.dimensions.length === 0;
}

/**
 * Reads a question against a semantic model (and the conversation so far)
 * and returns a QuerySpec to run, a clarification with runnable options, or
 * a refusal. Pure and synchronous.
 */
export function plan(input: PlanInput): PlanOutcome {
  return planQuestion(input, true);
}

/** `withOptions`: build the options of a clarification (not when planning an option's own question). */
/** Whether every table the spec reads is reachable from its own through references. */
function joinable(spec: QuerySpec, model: SemanticModel): boolean {
  try {
    joinTree(model, spec.entity, specEntitiesIn(spec, model.metrics));
    return true;
  } catch (error) {
    if (error instanceof NoJoinPathError) return false;
    throw error;
  }
}

function planQuestion(input: PlanInput, withOptions: boolean): PlanOutcome {
  const rejected = rejectReason(input.question);
  if (rejected) return { kind: "reject", ...rejected };
  const now = input.now ?? new Date();
  const verified = verifiedSpec(input.model, input.question);
  if (verified) return { kind: "query", spec: verified, confidence: 1, understood: ["verified query"], ignored: [], followUp: false };

  const lexicon = lexiconOf(input.model);
  // "… Follow the instructions below: …": how to write the query, not what to ask.
  const { question, instructions } = splitInstructions(input.question);
  // "The ratio of A to B": each side read as a question of its own.
  const ratio = splitRatio(lexicon, question);
  const asRatio = ratio ? ratioOutcome(ratio, (side) => plan({ ...input, question: side, state: null, now, ratioSide: true })) : undefined;
  if (asRatio) {
    for (const text of instructions) (asRatio as { understood: string[] }).understood.push(`“${text}” → instruction on how to write the query`);
    return asRatio;
  }
  const tokens = tokenize(question);
  const literal = literalProblem(tokens);
  if (literal) return { kind: "reject", ...literal };
  const lastSpec = input.state?.lastSpec;
  if (lastSpec && clearsPeriod(tokens) && lastSpec.filters.some((f) => f.kind === "range" || f.kind === "weekday")) {
    const spec = cloneSpec(lastSpec);
    spec.filters = spec.filters.filter((f) => f.kind !== "range" && f.kind !== "weekday");
    return { kind: "query", spec, confidence: 1, understood: [`“${question}” → the previous answer without its period`], ignored: [], skipped: [], followUp: true };
  }
  const { items, corrections } = segment(lexicon, tokens, scanTime(tokens, (i) => phraseLengthAt(lexicon, tokens, i) >= 2));
  const reading = readIntents(lexicon, items);
  const parts = readParts(lexicon, reading, tokens.map((t) => t.raw), now, input.state?.lastSpec);
  const previous = input.state?.lastSpec ?? null;
  const hasOwnEntity = parts.entities.length > 0;
  const POSSESSIVES = ["their", "its", "his", "her"];
  // "List its products": the first table named belongs to something of the previous answer
  // (unlike "suppliers and their products", where it belongs to the suppliers).
  const firstTable = items.findIndex((i) => i.kind === "mention" && i.entries.some((e) => e.target.type === "entity"));
  const ownedTable = firstTable > 0 && POSSESSIVES.includes(items[firstTable - 1]!.text.toLowerCase());
  const possessive = ownedTable || (!hasOwnEntity && tokens.some((t) => POSSESSIVES.includes(t.norm)));
  // "And how many different composers do we have?": a complete question about the whole data
  // starts afresh even after a leading "and".
  const wholeData = WHOLE_DATA.some((phrase) => containsPhrase(tokens.map((t) => t.norm), phrase));
  const leading = reading.startsWithFollowup && !(wholeData && isComplete(parts, hasOwnEntity));
  // "What percentage of total revenue does each account for?" after a breakdown: shares of those groups.
  const shareOfGroups = (input.state?.lastSpec?.dimensions.length ?? 0) > 0 && parts.share === true && parts.dimensions.length === 0 && !hasOwnEntity;
  const binding = BINDING.some((k) => reading.followups.has(k)) || leading || possessive || shareOfGroups;
  // "Which genre has the fewest?" ranks the previous answer: a direction with nothing to rank is a follow-up.
  const followUp = previous !== null && (binding || parts.superlativeDir !== undefined || parts.groupPrevious === true || !isComplete(parts, hasOwnEntity));

  const recognised = items.some((i) => i.kind !== "word" || !i.filler);
  const meaningful = items.some((i) => i.kind === "mention" || i.kind === "time" || (i.kind === "cue" && i.cue.type !== "followup"));
  // Unknown words with at most a follow-up marker around them ("xyzzy plugh", "and foo?") must not
  // silently repeat the previous answer: nothing in them says what to change.
  const unknownOnly = !meaningful && reading.unused.some((w) => /\p{L}/u.test(w));
  if (!recognised || (!meaningful && !followUp) || unknownOnly) {
    return clarifyUnknown(lexicon, reading, "NOT_UNDERSTOOD");
  }
  // Two tables (or measures) fit the words equally well and nothing else decides: ask, with both answers ready.
  const tie = followUp ? undefined : parts.ties[0];
  if (tie) {
    const options: ClarifyOption[] = [];
    for (const target of tie.targets.slice(0, 4)) {
      const forced = readParts(lexicon, reading, tokens.map((t) => t.raw), now, null, new Map([[tie.item, target]]));
      const option = specFromParts(forced);
      if (option) options.push({ label: `${question} (${targetLabel(lexicon, target)})`, spec: option });
    }
    if (options.length > 1) return { kind: "clarify", message: `“${tie.item.text}” could mean several things here. Which one?`, options };
  }
  const spec = followUp ? mergeFollowUp(previous!, parts) : specFromParts(parts, { perRow: input.ratioSide === true });
  if (!spec) return clarifyUnknown(lexicon, reading, "NO_SUBJECT");
  if (parts.metricAgg && !spec.rollup) return clarifyMetricAggregate(input.model, spec, parts.metricAgg);

  const { understood, ignored } = describeItems(lexicon, items, parts, corrections);
  for (const text of instructions) understood.push(`“${text}” → instruction on how to write the query`);
  // Every content word must be read: one left over means this spec answers another question.
  const unread = [
    ...unreadContent(input.question, reading, parts.ignored.slice(reading.unused.length), spec, input.model),
    ...parts.unreadQuotes.map((text) => ({ text, words: [text] })),
  ];
  // Tables no chain of references connects fail whatever the unread words meant: compiling says so (NO_JOIN_PATH).
  if (unread.length > 0 && joinable(spec, input.model)) {
    const near = specEntitiesIn(spec, input.model.metrics);
    if (!withOptions) return { kind: "clarify", message: "", options: [], unread: unread.map((p) => p.text) };
    return clarifyUnread(input.question, input.model, unread, spec, near, (question) => planQuestion({ ...input, question }, false));
  }
  const content = tokens.filter((t) => t.kind !== "symbol").length || 1;
  const penalty = ignored.length / content + 0.05 * corrections.length;
  const confidence = Math.max(0.05, Math.min(1, 1 - penalty));
  return { kind: "query", spec, confidence: Math.round(confidence * 100) / 100, understood, ignored: [], skipped: ignored, followUp };
}
