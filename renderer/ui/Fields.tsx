import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldShellProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean | undefined;
  children: (id: string, describedBy: string | undefined) => ReactNode;
  className?: string | undefined;
}

/** Label, control and the message under it: errors are tied to the control for screen readers. */
function FieldShell({ label, error, hint, required, children, className }: FieldShellProps) {
  const id = useId();
  const messageId = `${id}-msg`;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children(id, error || hint ? messageId : undefined)}
      {error ? (
        <div id={messageId} className="field-error" role="alert">
          {error}
        </div>
      ) : hint ? (
        <div id={messageId} className="field-hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}

type TextFieldProps = {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  className?: string;
} & InputHTMLAttributes<HTMLInputElement>;

export function TextField({ label, error, hint, required, className, ...input }: TextFieldProps) {
  return (
    <FieldShell label={label} error={error} hint={hint} required={required} className={className}>
      {(id, describedBy) => <input id={id} aria-invalid={!!error} aria-describedby={describedBy} required={required} {...input} />}
    </FieldShell>
  );
}

type TextAreaProps = { label: string; error?: string | undefined; className?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>;

export function TextArea({ label, error, required, className, ...input }: TextAreaProps) {
  return (
    <FieldShell label={label} error={error} required={required} className={className}>
      {(id, describedBy) => <textarea id={id} aria-invalid={!!error} aria-describedby={describedBy} required={required} {...input} />}
    </FieldShell>
  );
}

type SelectFieldProps = {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  options: Array<{ value: string | number; label: string }>;
  placeholder?: string;
  className?: string;
} & SelectHTMLAttributes<HTMLSelectElement>;

export function SelectField({ label, error, hint, options, placeholder, required, className, ...select }: SelectFieldProps) {
  return (
    <FieldShell label={label} error={error} hint={hint} required={required} className={className}>
      {(id, describedBy) => (
        <select id={id} aria-invalid={!!error} aria-describedby={describedBy} required={required} {...select}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** A compact select for filter bars: the label is visible but small, the select carries the name. */
export function FilterSelect({
  label,
  value,
  onChange,
  options,
  allLabel,
  disabled = false,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  options: Array<{ value: string | number; label: string }>;
  /** The empty choice ("all", "choose"); absent when one of the options must be chosen. */
  allLabel?: string;
  /** While the options shown are still those of an earlier choice (their own list is on the way). */
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled} aria-busy={disabled || undefined}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
