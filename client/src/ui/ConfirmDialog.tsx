import { useEffect, useRef, type ReactNode } from "react";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** A destructive action: the confirm button reads as one. */
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question on the native <dialog>: it traps focus, closes on Escape,
 * and hands focus back to what opened it. Cancel gets focus first, so Enter
 * never destroys by accident.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, danger = false, busy = false, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its box) cancels.
        if (e.target === ref.current) onCancel();
      }}
    >
      {open && (
        <div className="dialog-box">
          <h2 id="confirm-title">{title}</h2>
          {children && <div className="dialog-body">{children}</div>}
          <div className="dialog-actions">
            <button ref={cancelRef} type="button" className="ghost-button" onClick={onCancel}>
              Cancel
            </button>
            <button type="button" className={danger ? "primary danger" : "primary"} disabled={busy} onClick={onConfirm}>
              {busy ? "Please wait…" : confirmLabel}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
