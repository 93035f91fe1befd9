import type { TFunction } from 'i18next';
import type { ImportFieldChange, ImportRowError, ImportSensitiveCode } from '../../shared/contract/importing.js';

/**
 * The core says why a row is refused as a code with parameters; this words it in the user's language,
 * naming the column as the file titles it, the value the file holds and what would be accepted.
 * `t` is bound to the importing namespace.
 */
export function importErrorText(t: TFunction<'importing'>, error: ImportRowError): string {
  const { values, table, decimal, ...rest } = error.params;
  const options: Record<string, unknown> = { ...rest, column: error.column, value: error.value };
  if (Array.isArray(values)) options.values = values.map((v) => t(`enumValue.${v}`, { defaultValue: v })).join(', ');
  if (typeof table === 'string') options.table = t(`table.${table}`, { defaultValue: table });
  if (decimal === ',' || decimal === '.') {
    options.separator = t(decimal === ',' ? 'decimalName.comma' : 'decimalName.point');
    options.context = 'decimal';
  }
  return String(t(`error.${error.code}`, options as never));
}

export function changeText(t: TFunction<'importing'>, change: ImportFieldChange): string {
  // Only canonical values (on_hold) have words; anything else is shown as the file or the planner holds it.
  const show = (v: string) => (v === '' ? t('empty') : /^[a-z_]+$/.test(v) ? t(`enumValue.${v}`, { defaultValue: v }) : v);
  return t('change', { column: change.column, before: show(change.before), after: show(change.after) });
}

export function sensitiveText(t: TFunction<'importing'>, codes: ImportSensitiveCode[]): string {
  return codes.map((c) => t(`sensitive.${c}`)).join('; ');
}
