import type { ImportFieldChange } from '../../shared/contract/importing.js';
import { refusal } from '../../shared/contract/result.js';
import type { EntityDef } from './entities.js';

/** A row without a code of its own (a month of history) is named by its first cells: D001 · NS-330B · 2026-01. */
export function rowLabel(def: EntityDef, row: string[], cellOf: (row: string[], field: string) => string | undefined): string {
  return def.fields
    .slice(0, 3)
    .map((f) => cellOf(row, f.key))
    .filter((v) => v)
    .join(' · ');
}

export function valueChanges(def: EntityDef, stored: string, now: string, columnName: (field: string) => string): ImportFieldChange[] {
  const before = JSON.parse(stored) as unknown[];
  const after = JSON.parse(now) as unknown[];
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return (def.valueFields ?? [])
    .map((field, i) => ({ field, column: columnName(field), before: text(before[i]), after: text(after[i]) }))
    .filter((c) => c.before !== c.after);
}

export function checkMapping(def: EntityDef, headers: string[], mapping: Record<string, number | null>): void {
  const missing = def.fields.filter((f) => f.required && (mapping[f.key] === null || mapping[f.key] === undefined));
  const issues = missing.map((f) => ({ path: `mapping.${f.key}`, message: 'Required column: pick the file column that holds it' }));
  for (const [key, index] of Object.entries(mapping)) {
    if (!def.fields.some((f) => f.key === key)) issues.push({ path: `mapping.${key}`, message: 'Unknown field' });
    else if (index !== null && index >= headers.length) issues.push({ path: `mapping.${key}`, message: 'No such column in the file' });
  }
  if (issues.length)
    throw refusal(
      'validation',
      'importMapRequired',
      `Map every required column first: ${missing.map((f) => f.key).join(', ') || issues[0]!.path}`,
      { columns: missing.map((f) => f.key).join(', ') || issues[0]!.path },
      issues,
    );
}
