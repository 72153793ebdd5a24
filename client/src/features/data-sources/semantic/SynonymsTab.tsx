import { useState } from "react";
import { useMutation } from "urql";
import type { SemanticModelFieldsFragment } from "../../../graphql/graphql";
import { ErrorNote } from "../../../ui/ErrorNote.tsx";
import { ChevronIcon } from "../../../ui/icons.tsx";
import { useNotify } from "../../../ui/toast.tsx";
import { SetSynonyms } from "../operations.ts";
import { joinWords, parseWords } from "./words.ts";

type Entity = SemanticModelFieldsFragment["entities"][number];

interface EditProps {
  dataSourceId: string;
  version: number;
  canEdit: boolean;
}

function WordsRow({ label, generated, extra, entity, field, dataSourceId, version, canEdit }: EditProps & { label: string; generated: string[]; extra: string[]; entity: string; field?: string }) {
  const [text, setText] = useState(joinWords(extra));
  const [state, save] = useMutation(SetSynonyms);
  const notify = useNotify();
  const dirty = joinWords(parseWords(text)) !== joinWords(extra);
  const submit = async () => {
    const result = await save({ input: { dataSourceId, entity, field: field ?? null, synonyms: parseWords(text), expectedVersion: version } });
    if (!result.error) notify(`Saved the words for ${label}.`, "success");
  };
  return (
    <div className="words-row">
      <div className="words-label">
        <span className="words-name">{label}</span>
        {generated.length > 0 && (
          <span className="words-generated" title="Generated from the names; always understood">
            {generated.slice(0, 8).join(", ")}
            {generated.length > 8 ? "…" : ""}
          </span>
        )}
      </div>
      {canEdit ? (
        <form
          className="words-edit"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <input aria-label={`Extra words for ${label}`} placeholder="Add words people use, comma-separated" value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="ghost-button" disabled={!dirty || state.fetching}>
            {state.fetching ? "Saving…" : "Save"}
          </button>
        </form>
      ) : (
        <span className="words-extra">{extra.length ? joinWords(extra) : <span className="muted">—</span>}</span>
      )}
      <ErrorNote error={state.error} />
    </div>
  );
}

function EntityWords({ entity, ...edit }: EditProps & { entity: Entity }) {
  const [open, setOpen] = useState(false);
  return (
    <li className="entity-words">
      <WordsRow {...edit} label={entity.label} generated={entity.synonyms} extra={entity.extraSynonyms} entity={entity.name} />
      <button type="button" className="link small fields-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <ChevronIcon size={13} className={open ? "chevron open" : "chevron"} /> {entity.fields.length} fields
      </button>
      {open && (
        <div className="field-words">
          {entity.fields.map((f) => (
            <WordsRow key={f.name} {...edit} label={`${entity.label} · ${f.label}`} generated={f.synonyms} extra={f.extraSynonyms} entity={entity.name} field={f.name} />
          ))}
        </div>
      )}
    </li>
  );
}

/** The words people use for each table and column, beside the generated ones. */
export function SynonymsTab({ model, ...edit }: EditProps & { model: SemanticModelFieldsFragment }) {
  return (
    <div className="semantic-tab">
      <p className="muted">
        Questions are matched to tables and columns through these words. Generated words come from names and comments; add the ones your team
        says (“turnover” for revenue, “clients” for customers).
      </p>
      <ul className="entity-list">
        {model.entities.map((e) => (
          <EntityWords key={e.name} entity={e} {...edit} />
        ))}
      </ul>
    </div>
  );
}
