import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { SelectField, TextArea, TextField } from '../ui/Fields.js';
import { useFormErrors } from '../ui/form.js';
import { monthName } from '../ui/format.js';

export type FormValue = string | number | boolean | number[] | null;
export type FormValues = Record<string, FormValue>;

export interface FormFieldSpec {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'decimal' | 'date' | 'select' | 'textarea' | 'months' | 'multiselect' | 'checkbox';
  required?: boolean;
  options?: Array<{ value: string | number; label: string }>;
  /** Select values that are numbers (ids) are converted back from the DOM's strings. */
  numeric?: boolean;
  span2?: boolean;
  hint?: string;
  placeholder?: string;
  hidden?: boolean;
}

interface Props {
  title: string;
  fields: FormFieldSpec[];
  initial: FormValues;
  submitLabel: string;
  /** Receives the form values; throws the api error to show it under the fields. */
  onSubmit(values: FormValues): Promise<unknown>;
  onClose(): void;
  /** Lets a form react to a change (e.g. a terminal's supplier type). */
  onChange?(values: FormValues): FormValues;
  /** A destructive action offered from the edit form (e.g. Delete), at the footer's left. */
  dangerAction?: { label: string; run(): void };
  /** A related screen reached from the edit form (e.g. the outlet's contacts), beside the danger action. */
  sideAction?: { label: string; run(): void };
}

/** One form for every network record: labelled fields, inline errors from the contract, Enter submits. */
export function EntityFormDialog({ title, fields, initial, submitLabel, onSubmit, onClose, onChange, dangerAction, sideAction }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FormValues>(initial);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const set = (key: string, value: FormValue) => {
    const next = { ...values, [key]: value };
    setValues(onChange ? onChange(next) : next);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    errors.clear();
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      errors.fromError(error);
    } finally {
      setBusy(false);
    }
  };
  const text = (v: FormValue) => (v === null || v === undefined ? '' : String(v));
  return (
    <Dialog
      title={title}
      onClose={onClose}
      wide={fields.length > 8}
      footer={
        <>
          {(dangerAction || sideAction) && (
            <span style={{ marginRight: 'auto', display: 'flex', gap: 8 }}>
              {dangerAction && (
                <button type="button" className="button button-danger" onClick={dangerAction.run}>
                  {dangerAction.label}
                </button>
              )}
              {sideAction && (
                <button type="button" className="button" onClick={sideAction.run}>
                  {sideAction.label}
                </button>
              )}
            </span>
          )}
          <DialogButtons onCancel={onClose} form="entity-form" label={submitLabel} busy={busy} busyLabel={t('saving')} />
        </>
      }
    >
      {errors.formError && (
        <div className="notice notice-error" role="alert">
          {errors.formError}
        </div>
      )}
      <form id="entity-form" className="form-grid" onSubmit={submit} noValidate>
        {fields
          .filter((f) => !f.hidden)
          .map((f) => {
            const common = {
              label: f.label,
              error: errors.errorFor(f.key),
              required: f.required,
              className: f.span2 ? 'span-2' : undefined,
            };
            switch (f.kind) {
              case 'select':
                return (
                  <SelectField
                    key={f.key}
                    {...common}
                    hint={f.hint}
                    options={f.options ?? []}
                    placeholder={f.placeholder ?? (f.required ? t('choose') : t('none'))}
                    value={text(values[f.key] ?? null)}
                    onChange={(e) => set(f.key, e.target.value === '' ? null : f.numeric ? Number(e.target.value) : e.target.value)}
                  />
                );
              case 'textarea':
                return (
                  <TextArea key={f.key} {...common} value={text(values[f.key] ?? null)} onChange={(e) => set(f.key, e.target.value)} />
                );
              case 'checkbox':
                return (
                  <label key={f.key} className={`checkbox-row${f.span2 ? ' span-2' : ''}`}>
                    <input type="checkbox" checked={values[f.key] === true} onChange={(e) => set(f.key, e.target.checked)} />
                    {f.label}
                  </label>
                );
              case 'months':
                return (
                  <fieldset key={f.key} className="span-2" aria-invalid={!!errors.errorFor(f.key)}>
                    <legend>
                      {f.label}
                      {f.required && <span className="required"> *</span>}
                    </legend>
                    <div className="month-picker">
                      {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => {
                        const selected = ((values[f.key] as number[] | null) ?? []).includes(m);
                        return (
                          <label key={m} className={selected ? 'on' : ''}>
                            <input
                              type="checkbox"
                              checked={selected}
                              onChange={(e) => {
                                const current = (values[f.key] as number[] | null) ?? [];
                                set(f.key, e.target.checked ? [...current, m].sort((a, b) => a - b) : current.filter((x) => x !== m));
                              }}
                            />
                            {monthName(m)}
                          </label>
                        );
                      })}
                    </div>
                    {errors.errorFor(f.key) && (
                      <div className="field-error" role="alert">
                        {errors.errorFor(f.key)}
                      </div>
                    )}
                  </fieldset>
                );
              case 'multiselect':
                return (
                  <SelectField
                    key={f.key}
                    {...common}
                    hint={f.hint}
                    multiple
                    options={f.options ?? []}
                    value={((values[f.key] as number[] | null) ?? []).map(String)}
                    onChange={(e) =>
                      set(
                        f.key,
                        [...e.target.selectedOptions].map((o) => Number(o.value)),
                      )
                    }
                  />
                );
              default:
                return (
                  <TextField
                    key={f.key}
                    {...common}
                    hint={f.hint}
                    type={f.kind === 'date' ? 'date' : f.kind === 'number' || f.kind === 'decimal' ? 'number' : 'text'}
                    step={f.kind === 'decimal' ? 'any' : undefined}
                    inputMode={f.kind === 'number' ? 'numeric' : f.kind === 'decimal' ? 'decimal' : undefined}
                    value={text(values[f.key] ?? null)}
                    placeholder={f.placeholder}
                    onChange={(e) => set(f.key, e.target.value)}
                  />
                );
            }
          })}
      </form>
    </Dialog>
  );
}

/** Text inputs hold strings; the contract wants numbers or null. */
export function toNumber(value: FormValue | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'number' ? value : Number(value);
}

export function toText(value: FormValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
}
