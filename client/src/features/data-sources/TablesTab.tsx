import { useMemo, useState } from "react";
import type { DataSourceDetailQuery } from "../../graphql/graphql";
import { ChevronIcon, SearchIcon } from "../../ui/icons.tsx";

type Table = DataSourceDetailQuery["dataSource"]["tables"][number];

const rows = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });

function matches(table: Table, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return table.name.toLowerCase().includes(q) || table.columns.some((c) => c.name.toLowerCase().includes(q)) || (table.comment ?? "").toLowerCase().includes(q);
}

function TableEntry({ table, open, onToggle }: { table: Table; open: boolean; onToggle: () => void }) {
  const panel = `columns-${table.schema}-${table.name}`;
  return (
    <li className="schema-table">
      <button type="button" className="schema-table-head" aria-expanded={open} aria-controls={panel} onClick={onToggle}>
        <ChevronIcon className={open ? "chevron open" : "chevron"} />
        <span className="schema-table-name">
          <span className="muted">{table.schema}.</span>
          {table.name}
        </span>
        {table.kind !== "table" && <span className="badge">{table.kind}</span>}
        <span className="schema-table-meta">
          {table.columns.length} columns · ~{rows.format(table.rowEstimate)} rows
        </span>
      </button>
      {table.comment && <p className="schema-table-comment">{table.comment}</p>}
      <div id={panel} hidden={!open} className="table-scroll">
        <table className="columns-table">
          <caption className="sr-only">Columns of {table.name}</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Type</th>
              <th scope="col">Keys</th>
              <th scope="col">Description and sample values</th>
            </tr>
          </thead>
          <tbody>
            {table.columns.map((c) => (
              <tr key={c.name}>
                <td className="mono nowrap">
                  {c.name}
                  {!c.nullable && <span className="muted" title="Never empty"> *</span>}
                </td>
                <td>
                  <span className="type-pill" title={c.dbType}>
                    {c.type}
                  </span>
                  {c.dbType.toLowerCase() !== c.type.toLowerCase() && <span className="muted small mono"> {c.dbType}</span>}
                </td>
                <td>
                  {c.primaryKey && <span className="badge key">PK</span>}
                  {c.references && (
                    <span className="badge ref" title={`References ${c.references}`}>
                      → {c.references}
                    </span>
                  )}
                </td>
                <td>
                  <div className="column-notes">
                    {c.comment && <span>{c.comment}</span>}
                    {c.sampleValues.length > 0 && (
                      <span className="samples">
                        {c.sampleValues.slice(0, 6).map((v) => (
                          <span key={v} className="sample">
                            {v}
                          </span>
                        ))}
                        {c.sampleValues.length > 6 && <span className="muted small">+{c.sampleValues.length - 6}</span>}
                      </span>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </li>
  );
}

/** The tables and views as last read, searchable, each opening onto its columns. */
export function TablesTab({ tables }: { tables: Table[] }) {
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState<Set<string>>(() => new Set(tables.slice(0, 1).map((t) => `${t.schema}.${t.name}`)));
  const shown = useMemo(() => tables.filter((t) => matches(t, query.trim())), [tables, query]);
  const toggle = (key: string) =>
    setOpen((set) => {
      const next = new Set(set);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <div className="tables-tab">
      <div className="search-field wide">
        <SearchIcon size={15} />
        <input type="search" aria-label="Search tables and columns" placeholder="Search tables and columns" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {shown.length === 0 && <p className="muted">Nothing matches “{query}”.</p>}
      <ul className="schema-tables">
        {shown.map((t) => {
          const key = `${t.schema}.${t.name}`;
          return <TableEntry key={key} table={t} open={open.has(key) || (query.trim() !== "" && shown.length <= 3)} onToggle={() => toggle(key)} />;
        })}
      </ul>
    </div>
  );
}
