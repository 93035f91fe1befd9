import { createContext, useContext, useEffect, useState } from 'react';
import { formatNumber } from '../ui/format.js';

/** True where the person may look at targets but not change them: the cells show their numbers as text. */
export const TargetsReadOnly = createContext(false);
/**
 * True while the numbers on screen are the previous choice's (another brand or distributor) and the
 * chosen one's are on their way: a number typed then would be saved against the new choice.
 */
export const TargetsSettling = createContext(false);

/**
 * A number cell the user can type into: commits on Enter or leaving the cell, Escape restores.
 * The caller's save may refuse (e.g. a total that locked cells cannot absorb) and the value reverts.
 * A null value is "not entered yet" and shows empty, not 0; with onClear, emptying the cell clears it.
 */
export function EditableNumber({
  value,
  label,
  onCommit,
  onClear,
  disabled,
}: {
  value: number | null;
  label: string;
  onCommit(value: number): Promise<unknown>;
  onClear?(): Promise<unknown>;
  disabled?: boolean;
}) {
  const readOnly = useContext(TargetsReadOnly);
  const settling = useContext(TargetsSettling);
  const shown = value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  const [busy, setBusy] = useState(false);
  useEffect(() => setText(shown), [shown]);
  if (readOnly) return <span>{value === null ? '–' : formatNumber(value)}</span>;
  const commit = async () => {
    const next = Number(text);
    if (text.trim() === '' && value !== null && onClear) {
      setBusy(true);
      try {
        await onClear();
      } catch {
        setText(shown);
      } finally {
        setBusy(false);
      }
      return;
    }
    if (text.trim() === '' || !Number.isFinite(next) || next === value) {
      setText(shown);
      return;
    }
    setBusy(true);
    try {
      await onCommit(next);
    } catch {
      setText(shown);
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
      disabled={disabled || busy || settling}
      aria-busy={settling || undefined}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => void commit()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          // No keypress follows: a dialog the commit opens must not receive this Enter as a click.
          e.preventDefault();
          (e.target as HTMLInputElement).blur();
        }
        if (e.key === 'Escape') setText(shown);
      }}
    />
  );
}
