import { DownloadIcon } from "../../ui/icons.tsx";

export interface ExportButtonsProps {
  onCsv: () => void;
  onJson: () => void;
  disabled?: boolean;
  /** An export is being prepared. */
  busy?: "csv" | "json" | null;
}

/** Downloads of the whole result; the caller fetches and saves the file. */
export function ExportButtons({ onCsv, onJson, disabled = false, busy = null }: ExportButtonsProps) {
  return (
    <div className="export-buttons" role="group" aria-label="Export the result">
      <button type="button" className="ghost-button" onClick={onCsv} disabled={disabled || busy !== null} aria-busy={busy === "csv" || undefined}>
        <DownloadIcon /> CSV
      </button>
      <button type="button" className="ghost-button" onClick={onJson} disabled={disabled || busy !== null} aria-busy={busy === "json" || undefined}>
        <DownloadIcon /> JSON
      </button>
    </div>
  );
}
