import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}

/** A modal: labelled by its title, Escape closes it, focus moves in and returns to where it was. */
export function Dialog({ title, onClose, children, footer, wide }: DialogProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const { t } = useTranslation();
  // Focus moves in once, when the dialog opens, and back when it closes. Kept apart from the Escape
  // handler below: a parent re-rendering with a new onClose must not pull focus back to the first
  // field while the person is typing in another.
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('input, select, textarea, button:not([data-close])');
    first?.focus();
    return () => previous?.focus();
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Only the dialog on top closes: a form opened from a dialog must not take its parent with it.
      const dialogs = document.querySelectorAll('[role="dialog"][aria-modal="true"]');
      if (e.key === 'Escape' && dialogs[dialogs.length - 1] === ref.current) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={ref} className={`dialog${wide ? ' dialog-wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <header className="dialog-header">
          {/* the ellipsis of the button that opened it ("New trip…") says "opens a dialog": not the dialog's own title */}
          <h2 id={titleId}>{title.replace(/\s*(…|\.\.\.)$/, '')}</h2>
          <button type="button" className="icon-button" data-close onClick={onClose} aria-label={t('close')}>
            ×
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer && <footer className="dialog-footer">{footer}</footer>}
      </div>
    </div>
  );
}

/**
 * The usual footer: Cancel, then the one action the dialog is for. With `form`, the action submits
 * that form (Enter in a field does the same); otherwise it calls `onSubmit`.
 */
export function DialogButtons({
  onCancel,
  onSubmit,
  form,
  label,
  busy,
  busyLabel,
  disabled,
  cancelDisabled,
  cancelLabel,
  danger,
}: {
  onCancel(): void;
  onSubmit?(): void;
  form?: string;
  label: string;
  busy?: boolean;
  /** Shown on the action while busy (e.g. "Saving…"). */
  busyLabel?: string;
  disabled?: boolean;
  cancelDisabled?: boolean;
  cancelLabel?: string;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button" onClick={onCancel} disabled={cancelDisabled}>
        {cancelLabel ?? t('cancel')}
      </button>
      <button
        type={form ? 'submit' : 'button'}
        form={form}
        className={`button ${danger ? 'button-danger' : 'button-primary'}`}
        onClick={form ? undefined : onSubmit}
        disabled={busy || disabled}
      >
        {busy && busyLabel ? busyLabel : label}
      </button>
    </>
  );
}

interface ConfirmProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
  children?: ReactNode;
}

/** Asks before anything destructive; the consequence is spelled out in `message`. */
export function ConfirmDialog({ title, message, confirmLabel, danger, busy, onConfirm, onCancel, children }: ConfirmProps) {
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      footer={<DialogButtons onCancel={onCancel} onSubmit={onConfirm} label={confirmLabel} busy={busy} danger={danger} />}
    >
      <div className="confirm-message">{message}</div>
      {children}
    </Dialog>
  );
}
