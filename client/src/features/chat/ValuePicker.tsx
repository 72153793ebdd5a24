import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { searchTerm, withChoice } from "./refine.ts";

export interface FieldValues {
  values: string[];
  /** False when more values match than were listed. */
  complete: boolean;
}

/** Values of a field containing a search text, from the data. */
export type LoadValues = (field: string, search: string) => Promise<FieldValues>;

export interface ValuePickerProps {
  label: string;
  field: string;
  /** The field's name as the user reads it, for the list's name. */
  fieldLabel: string;
  /** Several values, comma-separated (is one of / is none of). */
  many: boolean;
  value: string;
  onChange: (value: string) => void;
  load: LoadValues;
}

/** Wait this long after the last key before asking for values. */
const SEARCH_DELAY_MS = 200;

type Listing = { state: "loading" } | { state: "ready"; values: string[]; complete: boolean } | { state: "failed" };

/**
 * A value box that offers the field's values as you type (a combobox): the
 * list narrows on the server, Arrow keys and Enter pick, Escape closes the list.
 */
export function ValuePicker({ label, field, fieldLabel, many, value, onChange, load }: ValuePickerProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [listing, setListing] = useState<Listing>({ state: "loading" });
  const listId = useId();
  const search = searchTerm(value, many);

  useEffect(() => {
    if (!open) return;
    let current = true;
    setListing({ state: "loading" });
    const timer = setTimeout(() => {
      load(field, search).then(
        (r) => current && setListing({ state: "ready", values: r.values, complete: r.complete }),
        () => current && setListing({ state: "failed" }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [open, field, search, load]);

  const values = listing.state === "ready" ? listing.values : [];
  const pick = (choice: string) => {
    onChange(withChoice(value, choice, many));
    setActive(-1);
    if (!many) setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      if (values.length > 0) setActive((i) => (e.key === "ArrowDown" ? (i + 1) % values.length : (i <= 0 ? values.length : i) - 1));
    } else if (e.key === "Enter" && open && active >= 0 && values[active] !== undefined) {
      e.preventDefault();
      pick(values[active]!);
    } else if (e.key === "Escape" && open) {
      // The first Escape closes the list; the next one reaches the panel.
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="value-picker">
      <label>
        {label}
        <input
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          autoComplete="off"
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
            setActive(-1);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
      </label>
      {open && (
        <div className="value-list">
          <ul id={listId} role="listbox" aria-label={`Values of ${fieldLabel}`}>
            {values.map((v, i) => (
              <li
                key={v}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? "active" : undefined}
                // Keep the focus in the box so the list stays open for the next value.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(v)}
              >
                {v}
              </li>
            ))}
          </ul>
          <p className="value-list-note muted small" role="status">
            {listing.state === "loading"
              ? "Looking up values…"
              : listing.state === "failed"
                ? "Could not list the values; type one."
                : values.length === 0
                  ? search
                    ? `No value contains “${search}”.`
                    : "No values."
                  : listing.complete
                    ? ""
                    : "More values exist: type to narrow the list."}
          </p>
        </div>
      )}
    </div>
  );
}
