import { useEffect, useState } from 'react';

/**
 * A number cell the user can type into: commits on Enter or leaving the cell, Escape restores.
 * The caller's save may refuse (e.g. a total that locked cells cannot absorb) and the value reverts.
 */
export function EditableNumber({
  value,
  label,
  onCommit,
  disabled,
}: {
  value: number;
  label: string;
  onCommit(value: number): Promise<unknown>;
  disabled?: boolean;
}) {
  const [text, setText] = useState(String(value));
  const [busy, setBusy] = useState(false);
  useEffect(() => setText(String(value)), [value]);
  const commit = async () => {
    const next = Number(text);
    if (text.trim() === '' || !Number.isFinite(next) || next === value) {
      setText(String(value));
      return;
    }
    setBusy(true);
    try {
      await onCommit(next);
    } catch {
      setText(String(value));
    } finally {
      setBusy(false);
    }
  };
  return (
    <input
      className="cell-input"
      aria-label={label}
      type="number"
      min={0}
      step={1}
      value={text}
      disabled={disabled || busy}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => void commit()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          // No keypress follows: a dialog the commit opens must not receive this Enter as a click.
          e.preventDefault();
          (e.target as HTMLInputElement).blur();
        }
        if (e.key === 'Escape') setText(String(value));
      }}
    />
  );
}
