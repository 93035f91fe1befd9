import type { Region, RegionDraft } from '../../shared/contract/network.js';
import { refusal } from '../../shared/contract/result.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { nextId } from '../db/ids.js';
import { notFound } from '../db/sql.js';

type ParsedRegion = Required<Pick<RegionDraft, 'code' | 'name' | 'peakMonths'>> & { timeZone?: string | null | undefined };

const SELECT = `
  SELECT r.id, r.code, r.name, r.time_zone AS timeZone,
    (SELECT group_concat(month) FROM (SELECT month FROM region_peak_months WHERE region_id = r.id ORDER BY month)) AS months,
    (SELECT count(*) FROM areas a WHERE a.region_id = r.id) AS areaCount
  FROM regions r`;

interface RegionRow extends Omit<Region, 'peakMonths'> {
  months: string | null;
}

const toRegion = ({ months, ...row }: RegionRow): Region => ({
  ...row,
  peakMonths: months ? months.split(',').map(Number) : [],
});

export function listRegions(db: Db): Region[] {
  return (prepared(db, `${SELECT} ORDER BY r.name`).all() as RegionRow[]).map(toRegion);
}

export function getRegion(db: Db, id: number): Region {
  const row = prepared(db, `${SELECT} WHERE r.id = ?`).get(id) as RegionRow | undefined;
  if (!row) throw notFound('Region', id);
  return toRegion(row);
}

function writePeakMonths(db: Db, regionId: number, months: number[]): void {
  prepared(db, 'DELETE FROM region_peak_months WHERE region_id = ?').run(regionId);
  const insert = prepared(db, 'INSERT INTO region_peak_months (region_id, month) VALUES (?, ?)');
  for (const month of months) insert.run(regionId, month);
}

export function createRegion(db: Db, draft: ParsedRegion): Region {
  const id = db.transaction(() => {
    const now = nowIso();
    const id = nextId('regions');
    const { lastInsertRowid } = prepared(
      db,
      'INSERT INTO regions (id, code, name, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(id, draft.code, draft.name, draft.timeZone ?? null, now, now);
    const regionId = id ?? Number(lastInsertRowid);
    writePeakMonths(db, regionId, draft.peakMonths);
    return regionId;
  })();
  return getRegion(db, id);
}

export function updateRegion(db: Db, id: number, draft: ParsedRegion): Region {
  db.transaction(() => {
    const { changes } = prepared(db, 'UPDATE regions SET code = ?, name = ?, updated_at = ? WHERE id = ?').run(
      draft.code,
      draft.name,
      nowIso(),
      id,
    );
    if (!changes) throw notFound('Region', id);
    // a form that does not show the zone leaves it as it was; null clears it
    if (draft.timeZone !== undefined) prepared(db, 'UPDATE regions SET time_zone = ? WHERE id = ?').run(draft.timeZone, id);
    writePeakMonths(db, id, draft.peakMonths);
  })();
  return getRegion(db, id);
}

export function deleteRegion(db: Db, id: number): { deleted: true } {
  const region = getRegion(db, id);
  const staff = (prepared(db, 'SELECT count(*) AS n FROM staff WHERE region_id = ?').get(id) as { n: number }).n;
  if (region.areaCount || staff) {
    throw refusal(
      'in_use',
      'regionInUse',
      `Region ${region.name} still has ${region.areaCount} area(s) and ${staff} staff member(s). Move or delete them first.`,
      { name: region.name, areas: region.areaCount, staff },
    );
  }
  prepared(db, 'DELETE FROM regions WHERE id = ?').run(id);
  return { deleted: true };
}
