import { readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import { dispatch } from '../../main/api/dispatch.js';
import type { ServiceContext } from '../../main/api/context.js';
import type { Db } from '../../main/db/open.js';
import type { ImportReport } from '../../shared/contract/importing.js';
import { importErrorText } from '../../renderer/importing/messages.js';
import { call } from './call.js';
import { localeResources } from './locales.js';

export const sample = (name: string) => readFileSync(new URL(`../../resources/samples/${name}`, import.meta.url));

export interface ImportChoice {
  mode?: 'all' | 'validOnly';
  updates?: 'skip' | 'apply';
  confirmSensitive?: boolean;
  decimalSeparators?: Record<string, ',' | '.'>;
}

/** Preview, check and commit a file with the mapping the importer suggests, as a user accepting the defaults. */
export async function importFile(ctx: ServiceContext, entity: string, fileName: string, bytes: Buffer, choice: ImportChoice = {}) {
  const preview = await call(ctx, 'import.preview', { entity, fileName, contentBase64: bytes.toString('base64') });
  const { mode = 'all', ...rest } = choice;
  const report = await call(ctx, 'import.validate', {
    importId: preview.importId,
    mapping: preview.suggestedMapping,
    ...(rest.decimalSeparators ? { decimalSeparators: rest.decimalSeparators } : {}),
  });
  const outcome = await dispatch(ctx, 'import.commit', { importId: preview.importId, mapping: preview.suggestedMapping, mode, ...rest });
  return { preview, report, outcome };
}

/** The renderer's own wording of the importer's codes, in one of the four languages. */
export async function importingText(language: 'en' | 'zh' | 'es' | 'ru'): Promise<TFunction<'importing'>> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: localeResources(),
    lng: language,
    ns: ['importing'],
    defaultNS: 'importing',
    interpolation: { escapeValue: false },
  });
  return instance.getFixedT(language, 'importing');
}

/** Each listed error as "line: text", worded as the user reads it. */
export function errorLines(t: TFunction<'importing'>, report: ImportReport): string[] {
  return report.errors.map((e) => `${e.line}: ${importErrorText(t, e)}`);
}

/** One region and area with the given distributors and SKUs, for the sales-history import's tests. */
export function seedSalesNetwork(db: Db, distributors: readonly string[], skus: readonly string[]): void {
  db.exec(`
    INSERT INTO regions (id, code, name, created_at, updated_at) VALUES (1, 'R1', 'Region', '2026-01-01', '2026-01-01');
    INSERT INTO areas (id, code, name, region_id, created_at, updated_at) VALUES (1, 'A1', 'Area', 1, '2026-01-01', '2026-01-01');
  `);
  const distributor = db.prepare(
    `INSERT INTO distributors (code, name, area_id, lead_time_days, warehouse_capacity_cases, relationship_level, status, created_at, updated_at)
     VALUES (?, ?, 1, 7, 1000, 2, 'active', '2026-01-01', '2026-01-01')`,
  );
  distributors.forEach((code) => distributor.run(code, `Distributor ${code}`));
  const product = db.prepare(
    `INSERT INTO products (sku, name, brand, pack, size_ml, units_per_case, status, created_at, updated_at)
     VALUES (?, ?, 'Brand', 'can', 330, 24, 'active', '2026-01-01', '2026-01-01')`,
  );
  skus.forEach((sku) => product.run(sku, `Product ${sku}`));
}

/** The stored sales history, a line per row in code order: what two imports are compared by. */
export function storedHistory(db: Db): string[] {
  return db
    .prepare(
      `SELECT d.code || ' ' || p.sku || ' ' || h.month || ' ' || h.cases || ' ' || ifnull(h.revenue_cents, '-') FROM sales_history h
       JOIN distributors d ON d.id = h.distributor_id JOIN products p ON p.id = h.product_id ORDER BY 1`,
    )
    .pluck()
    .all() as string[];
}
