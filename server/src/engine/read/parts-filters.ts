import { fieldKey, type Lexicon } from "../lexicon/build.ts";
import { joinDistance, joinTree, referencesUpward } from "../graph.ts";
import { sameField, type FieldRef, type Filter, type Scalar } from "../spec.ts";
import { timeFilter } from "../time/resolve.ts";
import { fieldForNoun, measureEntityOf, timeFieldFor } from "./measures.ts";
import type { All, Parts } from "./parts.ts";
import { fieldOf, keyOf, pick } from "./resolve.ts";
import type { Targets } from "./targets.ts";

/** "2024 and 2025": periods of one column that follow each other are one period. */
function mergeAdjacentRanges(parts: Parts): void {
  const ranges = parts.filters.filter((f): f is Extract<Filter, { kind: "range" }> => f.kind === "range" && f.from !== null && f.to !== null);
  for (const a of ranges) {
    const b = ranges.find((x) => x !== a && sameField(x.field, a.field) && x.from === a.to);
    if (!b || !parts.filters.includes(a) || !parts.filters.includes(b)) continue;
    parts.filters.splice(parts.filters.indexOf(a), 1, { ...a, to: b.to, label: `${a.label} and ${b.label}` });
    parts.filters.splice(parts.filters.indexOf(b), 1);
  }
}

/**
 * "authors in both domain A and domain B": one column of rows reached across a join to many
 * cannot equal two values on one row, so each value must hold on some related row of the
 * subject — one EXISTS per value.
 */
function bothValuesOnRelatedRows(parts: Parts, subjectKey: FieldRef): void {
  const equal = parts.filters.filter((f): f is Extract<Filter, { kind: "compare" }> => f.kind === "compare" && f.op === "=" && f.values.length === 1 && f.field.entity !== subjectKey.entity);
  for (const f of equal) {
    const sameColumn = equal.filter((g) => sameField(g.field, f.field));
    if (sameColumn.length < 2 || new Set(sameColumn.map((g) => String(g.values[0]))).size < 2 || !parts.filters.includes(f)) continue;
    let tree;
    try {
      tree = joinTree(parts.lexicon.model, subjectKey.entity, [f.field.entity]);
    } catch {
      continue;
    }
    if (!tree.steps.some((s) => !s.up)) continue;
    for (const g of sameColumn) {
      parts.filters.splice(parts.filters.indexOf(g), 1, { kind: "related", field: subjectKey, entity: g.field.entity, exists: true, where: [g] });
    }
  }
}

function flagValue(parts: Parts, ref: FieldRef, on: boolean): Scalar {
  const f = parts.lexicon.fields.get(fieldKey(ref.entity, ref.field));
  return f?.type === "boolean" ? on : on ? 1 : 0;
}

export function readFilters(parts: Parts, t: Targets, all: All, now: Date): void {
  const { lexicon } = parts;
  const values = new Map<string, { field: FieldRef; negate: boolean; values: Scalar[] }>();
  // A value never filters the column the answer is grouped by ("album titles … for Pearl Jam" is the artist).
  const grouped = parts.dimensions.flatMap((d) => (d.kind === "field" ? [d.field] : []));
  // Columns named elsewhere in the question attract values ("tracks composed by …" → the composer column).
  const named = parts.reading.free.flatMap((m) => {
    const f = pick(m, ["field"], t.ctx(m, "any"));
    return f?.type === "field" ? [{ entity: f.entity, field: f.field }] : [];
  });
  for (const v of all("value")) {
    const ctx = t.ctx(v.item, "dimension");
    ctx.avoid = grouped;
    ctx.preferred = [...(ctx.preferred ?? []), ...named];
    let target = pick(v.item, ["value"], ctx);
    // "playlists with a classical song": the value describes the table named right after it.
    const items = parts.reading.items;
    let n = items.indexOf(v.item) + 1;
    while (items[n]?.kind === "word" && (items[n] as { filler: boolean }).filler) n++;
    const after = items[n];
    const described = after?.kind === "mention" && t.namesEntity(after) ? t.entity(after) : undefined;
    const near = (e: string) => e === described || (described !== undefined && referencesUpward(lexicon.model, described, e));
    if (described && target?.type === "value" && !near(target.entity)) {
      const better = v.item.entries.filter((e) => e.target.type === "value" && near(e.target.entity)).sort((a, b) => b.score - a.score)[0];
      if (better) target = better.target;
    }
    if (target?.type !== "value") continue;
    const key = `${target.entity}.${target.field}.${v.negate}`;
    const group = values.get(key) ?? { field: { entity: target.entity, field: target.field }, negate: v.negate, values: [] };
    for (const value of target.values ?? [target.value]) if (!group.values.includes(value)) group.values.push(value);
    values.set(key, group);
    parts.understood.push(`${v.negate ? "not " : ""}${target.value} (${target.entity}.${target.field})`);
  }
  // "report to Andrew Adams": a reference back to the same table, with the named row's values.
  const selfItem = parts.reading.free.find((m) => {
    const x = pick(m, ["field"], t.ctx(m, "any"));
    return x?.type === "field" && lexicon.model.joins.some((j) => j.from === x.entity && j.to === x.entity && j.fromColumns[0] === x.field);
  });
  const selfRef = selfItem ? pick(selfItem, ["field"], t.ctx(selfItem, "any")) : undefined;
  // "the manager of Nancy": the row pointed at; "who reports to Nancy": the rows pointing.
  const selfAfter = selfItem ? parts.reading.items[parts.reading.items.indexOf(selfItem) + 1] : undefined;
  const reverse = selfAfter?.kind === "cue" && selfAfter.cue.type === "of";
  const via: Filter[] = [];
  for (const g of values.values()) {
    const op = g.values.length > 1 ? (g.negate ? "not_in" : "in") : g.negate ? "!=" : "=";
    const filter: Filter = { kind: "compare", field: g.field, op, values: g.values };
    if (selfRef?.type === "field" && g.field.entity === selfRef.entity && !g.negate) via.push(filter);
    else parts.filters.push(filter);
  }
  if (selfRef?.type === "field" && via.length > 0) parts.filters.push({ kind: "via", field: { entity: selfRef.entity, field: selfRef.field }, where: via, ...(reverse ? { reverse } : {}) });
  for (const f of all("flag")) {
    const ref = t.field(f.item, "dimension");
    if (ref) parts.filters.push({ kind: "compare", field: ref, op: "=", values: [flagValue(parts, ref, !f.negate)] });
  }
  for (const n of all("null")) {
    const ref = t.field(n.item, "any");
    if (ref) parts.filters.push({ kind: "compare", field: ref, op: n.op, values: [] });
  }
  for (const h of all("has")) {
    const ref = t.field(h.item, "any");
    if (!ref) continue;
    // Amounts are "had" when above zero; other columns when filled in.
    const measure = fieldOf(lexicon, { type: "field", ...ref })?.role === "measure";
    if (measure) parts.filters.push({ kind: "compare", field: ref, op: h.negate ? "=" : ">", values: [0] });
    else parts.filters.push({ kind: "compare", field: ref, op: h.negate ? "is_null" : "not_null", values: [] });
  }
  for (const r of all("related")) {
    const metric = r.item.entries.find((e) => e.target.type === "metric")?.target;
    const other = t.entity(r.item) ?? (metric?.type === "metric" ? lexicon.model.metrics.find((m) => m.name === metric.metric)?.entity : undefined);
    const key = keyOf(lexicon, parts.rowEntity ?? t.subject);
    if (!other || !key || other === key.entity) continue;
    parts.filters.push({ kind: "related", field: key, entity: other, exists: !r.negate });
  }
  for (const v of all("versus")) {
    const subject = parts.rowEntity ?? t.subject;
    const ref = v.target ? t.field(v.target, "measure") : v.noun && subject ? fieldForNoun(lexicon, subject, v.noun) : undefined;
    if (ref) parts.filters.push({ kind: "versus", field: ref, op: v.op, agg: v.agg });
  }
  for (const c of all("columnsOf")) {
    const right = t.field(c.right, "any");
    if (right) parts.filters.push({ kind: "columns", field: c.field, op: c.op, other: right });
  }
  for (const c of all("columns")) {
    const left = t.field(c.left, "any");
    const right = left ? t.field(c.right, "any") : undefined;
    if (left && right) parts.filters.push({ kind: "columns", field: left, op: c.op, other: right });
  }
  for (const c of all("contains")) {
    const entity = (c.of ? t.entity(c.of) : undefined) ?? parts.rowEntity ?? t.subject;
    const label = entity ? lexicon.entities.get(entity)?.labelFields[0] : undefined;
    let field = c.field ? t.field(c.field, "dimension") : undefined;
    // "clients whose name ...": the rows' own name (full_name), before a name column of another table.
    const word = c.field?.text.toLowerCase().split(/\s+/).pop()?.replace(/s$/, "");
    if (field && entity && label && field.entity !== entity && word && label.toLowerCase().split("_").includes(word)) field = undefined;
    const ref = field ?? (entity && label ? { entity, field: label } : undefined);
    const op = c.at === "start" ? "starts_with" : c.at === "end" ? "ends_with" : "contains";
    if (ref) parts.filters.push({ kind: "compare", field: ref, op, values: [c.text] });
  }
  for (const n of all("named")) {
    const entity = t.entity(n.item);
    const label = entity ? lexicon.entities.get(entity)?.labelFields[0] : undefined;
    if (entity && label) parts.filters.push({ kind: "compare", field: { entity, field: label }, op: "=", values: [n.text] });
  }
  for (const k of all("key")) {
    const key = keyOf(lexicon, t.entity(k.item));
    if (!key) continue;
    parts.filters.push({ kind: "compare", field: key, op: "=", values: [k.value] });
  }
  for (const l of all("late")) {
    const subject = parts.rowEntity ?? t.subject;
    const e = subject ? lexicon.entities.get(subject) : undefined;
    const due = e?.fields.find((f) => f.role === "time" && /required|due|deadline|expected|promised/.test(f.name.toLowerCase()));
    const done = l.hint ? t.field(l.hint, "time") : undefined;
    const actual = done && done.entity === e?.name ? done : e?.fields.find((f) => f.role === "time" && f !== due && /ship|deliver|complet|close|finish|resolv|paid|return/.test(f.name.toLowerCase()));
    if (!e || !due || !actual) continue;
    const ref = "field" in actual ? actual : { entity: e.name, field: actual.name };
    parts.filters.push({ kind: "columns", field: ref, op: ">", other: { entity: e.name, field: due.name } });
  }
  for (const v of all("sameValue")) {
    const ref = t.field(v.item, "any");
    if (ref) parts.sameValues.push(ref);
  }
  for (const q of all("quoted")) {
    const named = q.field ? t.field(q.field, "any") : undefined;
    if (named) {
      const values = lexicon.fields.get(fieldKey(named.entity, named.field))?.values;
      const exact = values?.find((v) => v.toLowerCase() === q.text.toLowerCase());
      parts.filters.push({ kind: "compare", field: named, op: exact || !values ? "=" : "contains", values: [exact ?? q.text] });
      continue;
    }
    // "Cars count as in inventory if is_in_inventory is True": a definition quoted, not a name.
    if (namesColumn(lexicon, q.text)) {
      parts.unreadQuotes.push(q.text);
      continue;
    }
    const of = q.of ? t.entity(q.of) : undefined;
    const entity = of ?? parts.rowEntity ?? t.subject;
    const holder = columnHolding(lexicon, q.text, entity, of !== undefined);
    if (holder) {
      parts.filters.push({ kind: "compare", field: holder.ref, op: "=", values: [holder.value] });
      continue;
    }
    const e = entity ? lexicon.entities.get(entity) : undefined;
    const labelField = e?.labelFields[0];
    // No column to look it up in: asked about rather than left out of the answer.
    if (!e || !labelField) {
      parts.unreadQuotes.push(q.text);
      continue;
    }
    const f = lexicon.fields.get(fieldKey(e.name, labelField));
    const exact = f?.values?.find((v) => v.toLowerCase() === q.text.toLowerCase());
    parts.filters.push({ kind: "compare", field: { entity: e.name, field: labelField }, op: exact ? "=" : "contains", values: [exact ?? q.text] });
  }
  // Time filters and buckets belong to what is measured ("revenue in 1997" → order date), else to the rows.
  const first = parts.measures[0];
  const timeOwner = (first ? measureEntityOf(lexicon, first) : undefined) ?? parts.rowEntity ?? t.subject ?? "";
  for (const time of all("time")) {
    if (time.expr.kind === "grain") continue;
    // "employees who left the company in 2023": a date named by a word elsewhere in the question.
    const named = parts.reading.free.find((m) => {
      // Not a verb that introduces someone or somewhere ("shipped by Speedy Express", "shipped to Spain").
      const next = parts.reading.items[parts.reading.items.indexOf(m) + 1];
      if (next && ["by", "to", "via", "from", "with", "for"].includes(next.text.toLowerCase())) return false;
      const best = m.entries.reduce((a, b) => (b.score > a.score ? b : a));
      return best.target.type === "field" && best.target.entity === timeOwner && lexicon.fields.get(fieldKey(best.target.entity, best.target.field))?.role === "time";
    });
    // "clients who never ordered in 2023": the period of the related rows, not of the clients.
    const afterEntity = time.after ? t.entity(time.after) : undefined;
    const relatedOwner = afterEntity && parts.filters.some((f) => f.kind === "related" && f.entity === afterEntity) ? timeFieldFor(lexicon, afterEntity) : undefined;
    const eventTime = parts.eventOwner ? timeFieldFor(lexicon, parts.eventOwner) : undefined;
    const ref = time.hint ? t.field(time.hint, "time") : (named ? t.field(named, "time") : undefined) ?? relatedOwner ?? eventTime ?? timeFieldFor(lexicon, timeOwner);
    if (!ref) {
      parts.ignored.push(time.expr.label);
      continue;
    }
    const range = timeFilter(time.expr, ref, lexicon.fields.get(fieldKey(ref.entity, ref.field)), now, lexicon.model.rules.fiscalYearStartMonth);
    // "customers who ordered in 1998 but not in 1997": no related rows in that period.
    const key = keyOf(lexicon, parts.rowEntity ?? t.subject);
    if (time.negate && key && ref.entity !== key.entity) {
      parts.filters.push({ kind: "related", field: key, entity: ref.entity, exists: false, where: [range] });
    } else if (time.negate) {
      // "orders in 2024 but not in 2023": the other period already excludes it.
      parts.understood.push(`not ${range.kind === "range" ? range.label : ""}`.trim());
    } else parts.filters.push(range);
  }
  mergeAdjacentRanges(parts);
  // "clients who never bought a Teapot": across a join to many rows, "not" means none of them.
  const subjectKey = keyOf(lexicon, parts.rowEntity ?? t.subject);
  if (subjectKey) {
    const subject = subjectKey.entity;
    for (const f of [...parts.filters]) {
      if (f.kind !== "compare" || (f.op !== "!=" && f.op !== "not_in") || f.field.entity === subject) continue;
      let tree;
      try {
        tree = joinTree(lexicon.model, subject, [f.field.entity]);
      } catch {
        continue;
      }
      if (!tree.steps.some((s) => !s.up)) continue;
      parts.filters.splice(parts.filters.indexOf(f), 1, { kind: "related", field: subjectKey, entity: f.field.entity, exists: false, where: [{ ...f, op: f.op === "!=" ? "=" : "in" }] });
    }
    bothValuesOnRelatedRows(parts, subjectKey);
  }
  // "customers who did not order in 1997", "genres with no tracks longer than 10 minutes":
  // conditions on the missing related rows.
  for (const r of parts.filters) {
    if (r.kind !== "related" || r.exists || r.where) continue;
    const beyond = (e: string) => e === r.entity || (e !== r.field.entity && joinDistance(lexicon.model, r.entity, e) < joinDistance(lexicon.model, r.field.entity, e));
    const inside = parts.filters.filter((f) => (f.kind === "range" || f.kind === "compare") && beyond(f.field.entity));
    if (inside.length === 0) continue;
    // "never bought a Jazz track": the one negation is the missing rows', not the value's.
    const positive = { "!=": "=", not_in: "in" } as const;
    r.where = inside.map((f) => (f.kind === "compare" && (f.op === "!=" || f.op === "not_in") ? { ...f, op: positive[f.op] } : f));
    parts.filters = parts.filters.filter((f) => !inside.includes(f));
  }
  // Glossary terms that stand for filters, wherever they are written ("number of big orders" counts what the term picks).
  for (const m of parts.reading.items) {
    if (m.kind !== "mention") continue;
    const g = m.entries.find((e) => e.target.type === "glossary");
    if (g?.target.type !== "glossary") continue;
    const maps = lexicon.model.glossary[g.target.index]?.maps;
    if (maps?.kind !== "filter") continue;
    const c = maps.condition;
    const values = c.value === undefined ? [] : Array.isArray(c.value) ? c.value : [c.value];
    parts.filters.push({ kind: "compare", field: { entity: maps.entity, field: c.field }, op: c.op, values });
  }
  // Group-by time grain without a grouping column: the subject's time field.
  if (parts.grain && !parts.dimensions.some((d) => d.kind === "field" && d.grain)) {
    const timeFilterField = parts.filters.find((f): f is Extract<Filter, { kind: "range" }> => f.kind === "range")?.field;
    // "hired each year": the verb names the date to bucket.
    const verb = parts.reading.free.find((m) => /ed$/i.test(m.text) && m.entries.some((e) => e.target.type === "field" && lexicon.fields.get(fieldKey(e.target.entity, e.target.field))?.role === "time"));
    const verbField = verb ? t.field(verb, "time") : undefined;
    // "each year" over rows that keep their year as a number ("built_year int") and no date of their own: that column, as it is.
    const owner = lexicon.entities.get(timeOwner);
    const yearColumn = parts.grain === "year" && !owner?.defaultTimeField ? owner?.fields.find((f) => /(^|_)(year|yr)$/i.test(f.name) && ["integer", "bigint", "decimal"].includes(f.type)) : undefined;
    const ref = timeFilterField ?? (verbField && verbField.entity === timeOwner ? verbField : undefined) ?? (yearColumn ? undefined : timeFieldFor(lexicon, timeOwner));
    if (ref) parts.dimensions.unshift({ kind: "field", field: ref, grain: parts.grain, ...(parts.fiscalGrain ? { fiscal: true } : {}) });
    else if (yearColumn) parts.dimensions.unshift({ kind: "field", field: { entity: timeOwner, field: yearColumn.name } });
  } else if (parts.grain) {
    for (const d of parts.dimensions) if (d.kind === "field" && d.grain) d.grain = parts.grain;
  }
}

/**
 * "a 'buy' transaction": the one column whose sampled values include the quoted text, on the
 * rows asked about (`only` those), else anywhere in the model; none when several hold it.
 */
function columnHolding(lexicon: Lexicon, text: string, entity: string | undefined, only: boolean): { ref: FieldRef; value: string } | undefined {
  const found: { ref: FieldRef; value: string }[] = [];
  for (const e of lexicon.model.entities) {
    for (const f of e.fields) {
      const value = f.values?.find((v) => v.toLowerCase() === text.toLowerCase());
      if (value !== undefined) found.push({ ref: { entity: e.name, field: f.name }, value });
    }
  }
  const own = found.filter((x) => x.ref.entity === entity);
  if (own.length === 1) return own[0];
  return !only && own.length === 0 && found.length === 1 ? found[0] : undefined;
}

/** Whether quoted text spells a column's identifier with its separators (`is_in_inventory`). */
function namesColumn(lexicon: Lexicon, text: string): boolean {
  const words = new Set(text.toLowerCase().match(/[\p{L}\d]+(?:_[\p{L}\d]+)+/gu) ?? []);
  return words.size > 0 && [...lexicon.fields.values()].some((f) => words.has(f.name.toLowerCase()));
}
