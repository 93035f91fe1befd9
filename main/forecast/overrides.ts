import type { ForecastOverride, OverrideLevel } from '../../shared/contract/forecast.js';
import { refusal } from '../../shared/contract/result.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { nextId } from '../db/ids.js';
import { requireRow } from '../db/sql.js';

const LEVEL_RANK: Record<OverrideLevel, number> = { region: 0, brand: 1, distributor: 2, sku: 3, distributor_sku: 4 };

const SELECT = `SELECT o.id, o.level, o.region_id AS regionId, o.distributor_id AS distributorId, o.product_id AS productId, o.brand,
  o.month, o.mode, o.value, o.note, o.author, o.created_at AS createdAt,
  trim(coalesce(r.name, '') || ' ' || coalesce(d.name, '') || ' ' || coalesce(o.brand, '') || ' ' || coalesce(p.name, '')) AS label
  FROM forecast_overrides o LEFT JOIN regions r ON r.id = o.region_id LEFT JOIN distributors d ON d.id = o.distributor_id
  LEFT JOIN products p ON p.id = o.product_id`;

export function listOverrides(db: Db, months?: { from: string; to: string }): ForecastOverride[] {
  return months
    ? (prepared(db, `${SELECT} WHERE o.month BETWEEN ? AND ? ORDER BY o.month, o.created_at`).all(
        months.from,
        months.to,
      ) as ForecastOverride[])
    : (prepared(db, `${SELECT} ORDER BY o.month, o.created_at`).all() as ForecastOverride[]);
}

export interface OverrideParsed {
  level: OverrideLevel;
  regionId?: number | undefined;
  distributorId?: number | undefined;
  productId?: number | undefined;
  brand?: string | undefined;
  month: string;
  mode: 'absolute' | 'percent';
  value: number;
  note: string;
  author: string | null;
}

/** Records an agreed number; the statistical forecast stays as it was beside it. */
export function addOverride(db: Db, o: OverrideParsed): ForecastOverride {
  if (o.regionId) requireRow(db, 'regions', o.regionId, 'regionId', 'Region');
  if (o.distributorId) requireRow(db, 'distributors', o.distributorId, 'distributorId', 'Distributor');
  if (o.productId) requireRow(db, 'products', o.productId, 'productId', 'Product');
  const forecastMonth = prepared(db, 'SELECT 1 FROM forecast_values WHERE month = ? LIMIT 1').get(o.month);
  if (!forecastMonth)
    throw refusal('validation', 'forecastNoMonth', `There is no forecast for ${o.month}; run the forecast first.`, { month: o.month }, [
      { path: 'month', message: 'Not a forecast month' },
    ]);
  const keep = (level: OverrideLevel, field: string) => {
    const needs: Record<OverrideLevel, string[]> = {
      region: ['regionId'],
      brand: ['brand'],
      distributor: ['distributorId'],
      sku: ['productId'],
      distributor_sku: ['distributorId', 'productId'],
    };
    return needs[level].includes(field);
  };
  const id = nextId('forecast_overrides');
  const { lastInsertRowid } = prepared(
    db,
    `INSERT INTO forecast_overrides (id, level, region_id, distributor_id, product_id, brand, month, mode, value, note, author, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    o.level,
    keep(o.level, 'regionId') ? o.regionId : null,
    keep(o.level, 'distributorId') ? o.distributorId : null,
    keep(o.level, 'productId') ? o.productId : null,
    keep(o.level, 'brand') ? o.brand : null,
    o.month,
    o.mode,
    o.value,
    o.note,
    o.author ?? 'Regional manager',
    nowIso(),
  );
  return prepared(db, `${SELECT} WHERE o.id = ?`).get(id ?? Number(lastInsertRowid)) as ForecastOverride;
}

export function deleteOverride(db: Db, id: number): { deleted: true } {
  if (!prepared(db, 'DELETE FROM forecast_overrides WHERE id = ?').run(id).changes)
    throw refusal('not_found', 'overrideGone', 'That agreed number was already removed.');
  return { deleted: true };
}

export interface Cell {
  distributorId: number;
  productId: number;
  regionId: number;
  brand: string;
  point: number;
  agreed: number;
}

const inGroup = (o: ForecastOverride, c: Cell): boolean =>
  (o.regionId === null || o.regionId === c.regionId) &&
  (o.distributorId === null || o.distributorId === c.distributorId) &&
  (o.productId === null || o.productId === c.productId) &&
  (o.brand === null || o.brand === c.brand);

/**
 * Applies one month's overrides to its cells, broadest level first. An absolute number for a group
 * sets the group's total and is spread over its cells in proportion to their current numbers (equally
 * when they are all zero); a percentage scales them. A narrower override then adjusts inside.
 */
export function applyOverrides(cells: Cell[], overrides: ForecastOverride[]): void {
  const ordered = [...overrides].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.createdAt.localeCompare(b.createdAt));
  for (const o of ordered) {
    const group = cells.filter((c) => inGroup(o, c));
    if (group.length === 0) continue;
    if (o.mode === 'percent') {
      for (const c of group) c.agreed = c.agreed * (1 + o.value / 100);
      continue;
    }
    const total = group.reduce((s, c) => s + c.agreed, 0);
    for (const c of group) c.agreed = total > 0 ? (c.agreed * o.value) / total : o.value / group.length;
  }
}

/** Every cell of a forecast month, with the consensus applied. */
export function cellsForMonth(db: Db, month: string, overrides: ForecastOverride[]): Cell[] {
  const cells = prepared(
    db,
    `SELECT v.distributor_id AS distributorId, v.product_id AS productId, a.region_id AS regionId, p.brand, v.point, v.point AS agreed
     FROM forecast_values v JOIN distributors d ON d.id = v.distributor_id JOIN areas a ON a.id = d.area_id JOIN products p ON p.id = v.product_id
     WHERE v.month = ?`,
  ).all(month) as Cell[];
  applyOverrides(
    cells,
    overrides.filter((o) => o.month === month),
  );
  return cells;
}
