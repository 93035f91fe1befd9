import type { Area } from '../../shared/contract/network.js';
import { refusal } from '../../shared/contract/result.js';
import { prepared, type Db } from '../db/open.js';
import { insertRow, notFound, requireRow, updateRow } from '../db/sql.js';
import { inRegions, type RegionScope } from '../people/readScope.js';

export interface AreaInput {
  code: string;
  name: string;
  regionId: number;
}

const SELECT = `
  SELECT a.id, a.code, a.name, a.region_id AS regionId, r.name AS regionName,
    (SELECT count(*) FROM distributors d WHERE d.area_id = a.id) AS distributorCount
  FROM areas a JOIN regions r ON r.id = a.region_id`;

export function listAreas(db: Db, regionId?: number, scope: RegionScope = null): Area[] {
  return regionId
    ? (prepared(db, `${SELECT} WHERE a.region_id = ? ORDER BY a.name`).all(regionId) as Area[])
    : (prepared(db, `${SELECT} WHERE ${inRegions('a.region_id', scope)} ORDER BY r.name, a.name`).all() as Area[]);
}

export function getArea(db: Db, id: number): Area {
  const row = prepared(db, `${SELECT} WHERE a.id = ?`).get(id) as Area | undefined;
  if (!row) throw notFound('Area', id);
  return row;
}

const columns = (d: AreaInput) => ({ code: d.code, name: d.name, region_id: d.regionId });

export function createArea(db: Db, draft: AreaInput): Area {
  requireRow(db, 'regions', draft.regionId, 'draft.regionId', 'Region');
  return getArea(db, insertRow(db, 'areas', columns(draft)));
}

export function updateArea(db: Db, id: number, draft: AreaInput): Area {
  requireRow(db, 'regions', draft.regionId, 'draft.regionId', 'Region');
  if (!updateRow(db, 'areas', id, columns(draft))) throw notFound('Area', id);
  return getArea(db, id);
}

export function deleteArea(db: Db, id: number): { deleted: true } {
  const area = getArea(db, id);
  const used = prepared(
    db,
    `SELECT (SELECT count(*) FROM distributors WHERE area_id = ?) + (SELECT count(*) FROM sub_dealers WHERE area_id = ?)
       + (SELECT count(*) FROM terminals WHERE area_id = ?) AS n`,
  ).get(id, id, id) as { n: number };
  if (used.n) {
    throw refusal(
      'in_use',
      'areaInUse',
      `Area ${area.name} still has ${used.n} distributor(s) or outlet(s). Move them to another area first.`,
      { name: area.name, count: used.n },
    );
  }
  prepared(db, 'DELETE FROM areas WHERE id = ?').run(id);
  return { deleted: true };
}
