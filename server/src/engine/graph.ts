import type { Join, SemanticModel } from "../semantic/types.ts";

/** One step of a join path: from `from` to `to` over `join`, following the key (`up`) or against it. */
export interface JoinStep {
  from: string;
  to: string;
  join: Join;
  /** True when `from` holds the reference (many-to-one: no row multiplication). */
  up: boolean;
}

export interface JoinTree {
  root: string;
  /** Steps in an order where each `from` is already joined. */
  steps: JoinStep[];
  /** Some step goes from the one side to the many side, so root rows repeat. */
  fansOut: boolean;
}

interface Graph {
  edges: Map<string, JoinStep[]>;
  /** Hop counts from an entity to every reachable entity, filled on demand. */
  hops: Map<string, Map<string, number>>;
}

const graphs = new WeakMap<SemanticModel, Graph>();

function graphOf(model: SemanticModel): Graph {
  const hit = graphs.get(model);
  if (hit) return hit;
  const edges = new Map<string, JoinStep[]>();
  const add = (step: JoinStep) => edges.set(step.from, [...(edges.get(step.from) ?? []), step]);
  for (const join of model.joins) {
    // Self references (employee → manager) never connect two different tables.
    if (join.from === join.to) continue;
    add({ from: join.from, to: join.to, join, up: true });
    add({ from: join.to, to: join.from, join, up: false });
  }
  const graph = { edges, hops: new Map() };
  graphs.set(model, graph);
  return graph;
}

/** Walking against a key multiplies rows; bridges and inferred keys are slightly less trusted. */
function cost(step: JoinStep, bridges: Set<string>): number {
  let c = step.up ? 1 : 1.3;
  if (step.join.inferred) c += 0.2;
  if (bridges.has(step.to)) c += 0.1;
  return c;
}

/** Cheapest path from any node of `sources` to `target` (Dijkstra over a small graph). */
function shortestPath(graph: Graph, sources: Set<string>, target: string, bridges: Set<string>): JoinStep[] | null {
  const dist = new Map<string, number>();
  const prev = new Map<string, JoinStep>();
  const queue: string[] = [];
  for (const s of sources) {
    dist.set(s, 0);
    queue.push(s);
  }
  while (queue.length > 0) {
    queue.sort((a, b) => dist.get(a)! - dist.get(b)!);
    const node = queue.shift()!;
    if (node === target) break;
    for (const step of graph.edges.get(node) ?? []) {
      const d = dist.get(node)! + cost(step, bridges);
      if (d < (dist.get(step.to) ?? Infinity)) {
        dist.set(step.to, d);
        prev.set(step.to, step);
        if (!queue.includes(step.to)) queue.push(step.to);
      }
    }
  }
  if (!dist.has(target)) return null;
  const path: JoinStep[] = [];
  let node = target;
  while (!sources.has(node)) {
    const step = prev.get(node)!;
    path.unshift(step);
    node = step.from;
  }
  return path;
}

export class NoJoinPathError extends Error {
  readonly code = "NO_JOIN_PATH";
  readonly hint: string;
  readonly details: { from: string; to: string };
  constructor(readonly from: string, readonly to: string) {
    super(`No chain of references connects ${from} and ${to}.`);
    this.name = "NoJoinPathError";
    this.hint = `Ask about ${from} and ${to} separately, or add a relationship between them to the semantic model.`;
    this.details = { from, to };
  }
}

/**
 * The join tree connecting `root` to every entity in `needed`: each entity is
 * attached by its cheapest path to the tree built so far (nearest first),
 * preferring many-to-one steps so that rows of the root are not multiplied.
 */
export function joinTree(model: SemanticModel, root: string, needed: string[]): JoinTree {
  const graph = graphOf(model);
  const bridges = new Set(model.entities.filter((e) => e.bridge).map((e) => e.name));
  const inTree = new Set([root]);
  const steps: JoinStep[] = [];
  let pending = [...new Set(needed)].filter((n) => n !== root);
  while (pending.length > 0) {
    let best: JoinStep[] | null = null;
    let bestTarget = "";
    for (const target of pending) {
      const path = shortestPath(graph, inTree, target, bridges);
      if (!path) throw new NoJoinPathError(root, target);
      const weight = path.reduce((s, p) => s + cost(p, bridges), 0);
      if (!best || weight < best.reduce((s, p) => s + cost(p, bridges), 0)) {
        best = path;
        bestTarget = target;
      }
    }
    for (const step of best!) {
      if (inTree.has(step.to)) continue;
      inTree.add(step.to);
      steps.push(step);
    }
    pending = pending.filter((p) => p !== bestTarget && !inTree.has(p));
  }
  return { root, steps, fansOut: steps.some((s) => !s.up) };
}

/** Number of join steps between two entities, or Infinity when unconnected. */
export function joinDistance(model: SemanticModel, from: string, to: string): number {
  if (from === to) return 0;
  const graph = graphOf(model);
  let hops = graph.hops.get(from);
  if (!hops) {
    hops = new Map([[from, 0]]);
    const queue = [from];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const step of graph.edges.get(node) ?? []) {
        if (hops.has(step.to)) continue;
        hops.set(step.to, hops.get(node)! + 1);
        queue.push(step.to);
      }
    }
    graph.hops.set(from, hops);
  }
  return hops.get(to) ?? Infinity;
}

/** Whether `from` reaches `to` by following references only (each `from` row has at most one `to`). */
export function referencesUpward(model: SemanticModel, from: string, to: string): boolean {
  if (from === to) return true;
  const graph = graphOf(model);
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const step of graph.edges.get(node) ?? []) {
      if (!step.up || seen.has(step.to)) continue;
      if (step.to === to) return true;
      seen.add(step.to);
      queue.push(step.to);
    }
  }
  return false;
}

/**
 * Whether rows of `entity` repeat in the joined result: some join of the tree goes from the
 * side holding `entity` to a table with many rows per row of that side (an invoice joined to
 * its lines appears once per line).
 */
export function rowsRepeat(tree: JoinTree, entity: string): boolean {
  const neighbours = (node: string, skip: JoinStep) =>
    tree.steps.filter((s) => s !== skip && (s.from === node || s.to === node)).map((s) => (s.from === node ? s.to : s.from));
  return tree.steps.some((step) => {
    // The referenced ("one") side of this join; everything connected to it repeats per referencing row.
    const parent = step.up ? step.to : step.from;
    const seen = new Set([parent]);
    const queue = [parent];
    while (queue.length > 0) {
      const node = queue.shift()!;
      if (node === entity) return true;
      for (const next of neighbours(node, step)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return false;
  });
}
