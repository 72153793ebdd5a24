import { DatabaseIcon } from "../../ui/icons.tsx";

export interface PickerSource {
  id: string;
  name: string;
  status: string;
}

export interface DataSourcePickerProps {
  sources: PickerSource[];
  value: string | null;
  onChange: (id: string | null) => void;
  /** Offer "any data source" (discovery picks one per question). */
  allowAuto?: boolean;
  disabled?: boolean;
}

/** Which data source questions go to; "automatic" lets discovery choose. */
export function DataSourcePicker({ sources, value, onChange, allowAuto = true, disabled = false }: DataSourcePickerProps) {
  return (
    <label className="source-picker">
      <DatabaseIcon size={15} />
      <span className="sr-only">Data source</span>
      <select value={value ?? ""} disabled={disabled} onChange={(e) => onChange(e.target.value || null)}>
        {(allowAuto || !value) && <option value="">{allowAuto ? "Any data source" : "Choose data…"}</option>}
        {sources.map((s) => (
          <option key={s.id} value={s.id} disabled={s.status !== "READY"}>
            {s.name}
            {s.status !== "READY" ? ` (${s.status.toLowerCase()})` : ""}
          </option>
        ))}
      </select>
    </label>
  );
}
