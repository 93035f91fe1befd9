/**
 * Everything that can be imported from or exported to a spreadsheet. A feature that owns a table adds
 * its entity here and registers its definition in main/importing/entities.ts.
 */
export const IMPORT_ENTITIES = [
  'regions',
  'areas',
  'staff',
  'distributors',
  'subDealers',
  'terminals',
  'contacts',
  'products',
  'salesHistory',
  'stockSnapshots',
  'shipments',
  'devPlans',
  'visits',
  'weeklyReviews',
] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export type FieldKind = 'text' | 'integer' | 'decimal' | 'date' | 'month' | 'enum' | 'boolean' | 'list' | 'reference';

export interface ImportFieldInfo {
  key: string;
  /** i18n key of the column's label in the renderer. */
  labelKey: string;
  kind: FieldKind;
  required: boolean;
  /** For enums: the accepted values (the importer also accepts their translations). */
  values?: string[];
  /** A format ("YYYY-MM", "5,6,7") or a hint code the renderer words (importing:hint.<code>). */
  hint?: string;
}

/** Characters that make a spreadsheet treat a cell as a formula (CSV/formula injection). */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const;

/** Prefix a text cell so spreadsheet programs show it as text, never run it as a formula. */
export function neutraliseFormula(value: string): string {
  return value.length > 0 && (FORMULA_TRIGGERS as readonly string[]).includes(value[0]!) ? `'${value}` : value;
}
