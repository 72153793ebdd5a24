import type { Entity, Join, SemanticModel } from "../semantic/types.ts";
import { scoreQuestion, type Relevance } from "./relevance.ts";
import { joinCondition, renderTable, sqlTableName, type Detail, type RenderContext } from "./schema-render.ts";
import { estimateTokens } from "./tokens.ts";

/**
 * Schema linking: the part of a data source's schema a question needs, small
 * enough for the prompt. Tables the question names (or whose columns,
 * values, metrics or glossary terms it names) come first, then the tables on
 * the join paths between them, then their neighbours, then the rest while
 * the token budget lasts. Pure: model and question in, text out.
 */

export const DEFAULT_SCHEMA_TOKENS = 1500;

export interface SchemaLinkOptions {
  /** Tokens (≈ chars / 4) the rendered schema may use. Default 1500. */
  tokenBudget?: number;
  /** Sampled values shown per column. Default 5. */
  maxValues?: number;
  /**
   * Entities a follow-up builds on (those the previous turn's SQL read): always
   * shown, since "only the top 3" names none of them.
   */
  carry?: string[];
}

export type LinkReason = "matched" | "previous" | "connector" | "neighbour" | "other";

export interface LinkedTable {
  entity: string;
  /** As the SQL must name it. */
  sqlName: string;
  score: number;
  why: LinkReason;
  reasons: string[];
  detail: Detail;
}

export interface LinkedSchema {
  /** Rendered tables, most relevant first. */
  tables: LinkedTable[];
  /** Entities left out for the budget. */
  omitted: string[];
  text: string;
  tokens: number;
  relevance: Relevance;
}

interface Edge {
  other: string;
  join: Join;
  /** This entity holds the reference (many rows of it point at one `other`). */
  referencing: boolean;
}

function adjacency(model: SemanticModel): Map<string, Edge[]> {
  const edges = new Map<string, Edge[]>(model.entities.map((e) => [e.name, []]));
  for (const join of model.joins) {
    if (join.from === join.to) continue;
    edges.get(join.from)?.push({ other: join.to, join, referencing: true });
    edges.get(join.to)?.push({ other: join.from, join, referencing: false });
  }
  return edges;
}

/** Shortest join path from `start` to any entity in `tree` (at most `maxHops`), as the joins walked. */
function pathToTree(start: string, tree: Set<string>, edges: Map<string, Edge[]>, maxHops = 4): { nodes: string[]; joins: Join[] } | null {
  const previous = new Map<string, { from: string; join: Join } | null>([[start, null]]);
  let frontier = [start];
  for (let hop = 0; hop < maxHops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const edge of edges.get(node) ?? []) {
        if (previous.has(edge.other)) continue;
        previous.set(edge.other, { from: node, join: edge.join });
        if (tree.has(edge.other)) {
          const nodes: string[] = [];
          const joins: Join[] = [];
          for (let at: string = edge.other; ; ) {
            const step = previous.get(at);
            if (!step) break;
            joins.push(step.join);
            nodes.push(step.from);
            at = step.from;
          }
          return { nodes, joins };
        }
        next.push(edge.other);
      }
    }
    frontier = next;
  }
  return null;
}

export function linkSchema(question: string, model: SemanticModel, options: SchemaLinkOptions = {}): LinkedSchema {
  const budget = options.tokenBudget ?? DEFAULT_SCHEMA_TOKENS;
  const relevance = scoreQuestion(question, model);
  const edges = adjacency(model);
  const byName = new Map(model.entities.map((e) => [e.name, e]));
  const scoreOf = (name: string) => relevance.entities.get(name)?.score ?? 0;

  const ranked = [...relevance.entities.entries()].sort((a, b) => b[1].score - a[1].score);
  const top = ranked[0]?.[1].score ?? 0;
  // Weak matches far below the best one are kept as candidates, not as tables the SQL must use.
  const seeds = ranked.filter(([, r]) => r.score >= Math.max(0.5, 0.5 * top)).slice(0, 6).map(([name]) => name);

  const carried = (options.carry ?? []).filter((name) => byName.has(name) && !seeds.includes(name));
  seeds.push(...carried);
  const why = new Map<string, LinkReason>(seeds.map((s) => [s, carried.includes(s) ? "previous" : "matched"]));
  const pathJoins = new Set<Join>();
  const tree = new Set(seeds.slice(0, 1));
  for (const seed of seeds.slice(1)) {
    const path = pathToTree(seed, tree, edges);
    tree.add(seed);
    if (!path) continue;
    for (const node of path.nodes) {
      tree.add(node);
      if (!why.has(node)) why.set(node, "connector");
    }
    for (const join of path.joins) pathJoins.add(join);
  }

  const rank = (name: string) => scoreOf(name) + (carried.includes(name) ? top : 0);
  const required = [...why.keys()].sort((a, b) => rank(b) - rank(a));
  const candidate = new Map<string, number>();
  // Faint matches (one shared word in a column name) are not worth showing.
  for (const [name, r] of relevance.entities) if (!why.has(name) && r.score >= Math.max(1, 0.2 * top)) candidate.set(name, r.score);
  const matchedOptional = new Set(candidate.keys());
  for (const name of required) {
    for (const edge of edges.get(name) ?? []) {
      if (why.has(edge.other)) continue;
      // Tables this one references hold the labels of its keys; tables referencing it less often matter.
      const lift = Math.max(scoreOf(name), 1) * (edge.referencing ? 0.3 : 0.15);
      candidate.set(edge.other, (candidate.get(edge.other) ?? 0) + lift);
    }
  }
  const degree = (name: string) => edges.get(name)?.length ?? 0;
  const optional = [...candidate.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const others = model.entities
    .map((e) => e.name)
    .filter((n) => !why.has(n) && !candidate.has(n))
    .sort((a, b) => degree(b) - degree(a) || (byName.get(b)!.rowCount - byName.get(a)!.rowCount));

  const ctx: RenderContext = { model, relevance, maxValues: options.maxValues ?? 5 };
  const paths = [...pathJoins];
  const pathText = paths.length > 0 ? `Join path for this question:\n${paths.map((j) => `  ${joinCondition(j, model)}${j.inferred && !j.confirmed ? " (inferred from names and values)" : ""}`).join("\n")}` : null;
  const blocks: string[] = [];
  const tables: LinkedTable[] = [];
  let used = pathText ? estimateTokens(pathText) + 1 : 0;
  const place = (entity: Entity, reason: LinkReason, details: readonly Detail[], mustShow: boolean) => {
    for (const detail of details) {
      const text = renderTable(entity, detail, ctx);
      const cost = estimateTokens(text) + 1;
      if (used + cost <= budget || (mustShow && detail === details[details.length - 1])) {
        blocks.push(text);
        used += cost;
        const r = relevance.entities.get(entity.name);
        tables.push({ entity: entity.name, sqlName: sqlTableName(entity), score: r?.score ?? 0, why: reason, reasons: r?.reasons ?? [], detail });
        return;
      }
    }
  };
  for (const name of required) place(byName.get(name)!, why.get(name)!, ["full", "compact", "minimal"], true);
  for (const name of optional) {
    // Neighbours only lend their keys and labels; tables the question matched may show every column.
    const neighbour = !matchedOptional.has(name);
    place(byName.get(name)!, neighbour ? "neighbour" : "matched", neighbour ? ["compact"] : ["full", "compact"], false);
  }
  // Unrelated tables are only named, unless nothing matched: then the biggest hubs give the model something to start from.
  if (required.length === 0) for (const name of others) place(byName.get(name)!, "other", ["full", "compact"], false);

  const shown = new Set(tables.map((t) => t.entity));
  const sections = [blocks.join("\n\n")];
  if (pathText) sections.push(pathText);
  const omitted = model.entities.filter((e) => !shown.has(e.name));
  if (omitted.length > 0) {
    const names = omitted.map(sqlTableName);
    const list = `Other tables (columns not shown): ${names.slice(0, 40).join(", ")}${names.length > 40 ? `, and ${names.length - 40} more` : ""}`;
    if (used + estimateTokens(list) <= budget) sections.push(list);
  }
  const text = sections.join("\n\n");
  return { tables, omitted: omitted.map((e) => e.name), text, tokens: estimateTokens(text), relevance };
}

/** Entities whose tables a piece of SQL names (for carrying a previous turn's tables into a follow-up). */
export function entitiesInSql(sql: string, model: SemanticModel): string[] {
  const names = new Set<string>();
  for (const m of sql.matchAll(/"((?:[^"]|"")+)"|([A-Za-z_][\w$]*)/g)) {
    names.add(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!.toLowerCase());
  }
  return model.entities.filter((e) => names.has(e.table) || names.has(e.table.toLowerCase())).map((e) => e.name);
}
