import { normalizeQuestion } from "../../engine/verified.ts";

export type FeedbackPeriod = "DAY" | "WEEK" | "MONTH" | "QUARTER" | "YEAR" | "ALL";
export const feedbackCategories = ["WRONG_RESULT", "WRONG_CHART", "MISUNDERSTOOD", "SQL_ERROR", "SLOW", "OTHER"] as const;
export type Category = (typeof feedbackCategories)[number];

const periodDays: Record<Exclude<FeedbackPeriod, "ALL">, number> = { DAY: 1, WEEK: 7, MONTH: 30, QUARTER: 91, YEAR: 365 };

/** Start of a period ending now; null for all time. */
export function periodStart(period: FeedbackPeriod, now: Date): Date | null {
  return period === "ALL" ? null : new Date(now.getTime() - periodDays[period] * 86_400_000);
}

export interface RatedRow {
  rating: "POSITIVE" | "NEGATIVE";
  category: Category | null;
  question: string;
  updatedAt: Date;
}

export interface QuestionScore {
  question: string;
  negative: number;
  positive: number;
  /** Categories of the ratings down, most frequent first. */
  categories: Category[];
  lastRatedAt: Date;
}

export interface FeedbackTotals {
  total: number;
  positive: number;
  negative: number;
  byCategory: { category: Category; count: number }[];
}

export interface RatingCount {
  rating: "POSITIVE" | "NEGATIVE";
  category: Category | null;
  count: number;
}

/** Counts by rating and by category (every category, zeros included, so charts keep their bars). */
export function totals(groups: RatingCount[]): FeedbackTotals {
  const byCategory = new Map<Category, number>(feedbackCategories.map((c) => [c, 0]));
  let positive = 0;
  let negative = 0;
  for (const g of groups) {
    if (g.rating === "POSITIVE") positive += g.count;
    else negative += g.count;
    if (g.category) byCategory.set(g.category, byCategory.get(g.category)! + g.count);
  }
  return { total: positive + negative, positive, negative, byCategory: [...byCategory].map(([category, count]) => ({ category, count })) };
}

/**
 * Questions rated down most, grouped the way verified queries match them
 * (case, accents and punctuation folded): most ratings down first, then the
 * fewest up, then the most recent. Shown with their latest wording.
 */
export function worstQuestions(rows: RatedRow[], limit: number): QuestionScore[] {
  const groups = new Map<string, QuestionScore & { counts: Map<Category, number> }>();
  for (const row of rows) {
    const key = normalizeQuestion(row.question);
    let group = groups.get(key);
    if (!group) {
      group = { question: row.question, negative: 0, positive: 0, categories: [], lastRatedAt: row.updatedAt, counts: new Map() };
      groups.set(key, group);
    }
    if (row.updatedAt > group.lastRatedAt) {
      group.lastRatedAt = row.updatedAt;
      group.question = row.question;
    }
    if (row.rating === "POSITIVE") group.positive += 1;
    else {
      group.negative += 1;
      if (row.category) group.counts.set(row.category, (group.counts.get(row.category) ?? 0) + 1);
    }
  }
  return [...groups.values()]
    .filter((g) => g.negative > 0)
    .sort((a, b) => b.negative - a.negative || a.positive - b.positive || b.lastRatedAt.getTime() - a.lastRatedAt.getTime())
    .slice(0, limit)
    .map(({ counts, ...g }) => ({ ...g, categories: [...counts].sort((a, b) => b[1] - a[1]).map(([c]) => c) }));
}
