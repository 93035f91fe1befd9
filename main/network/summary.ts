import type { NetworkSummary } from '../../shared/contract/network.js';
import { OUTLET_STATUSES, type OutletStatus } from '../../shared/domain/network.js';
import { prepared, type Db } from '../db/open.js';
import { listRegions } from './regions.js';
import { areaInRegions, inRegions, staffInRegions, type RegionScope } from '../people/readScope.js';

const emptyByStatus = () => Object.fromEntries(OUTLET_STATUSES.map((s) => [s, 0])) as Record<OutletStatus, number>;

/**
 * Network counts by area and status for the dashboard, in the person's regions (every region for an
 * administrator). Archived records keep their history but are no longer part of the live network.
 */
export function networkSummary(db: Db, scope: RegionScope = null): NetworkSummary {
  const areas = prepared(
    db,
    `SELECT a.id AS areaId, a.name AS areaName, r.name AS regionName,
       (SELECT count(*) FROM distributors d WHERE d.area_id = a.id AND d.archived_at IS NULL) AS distributors
     FROM areas a JOIN regions r ON r.id = a.region_id WHERE ${inRegions('a.region_id', scope)} ORDER BY r.name, a.name`,
  ).all() as Array<{ areaId: number; areaName: string; regionName: string; distributors: number }>;
  const byArea = new Map(areas.map((a) => [a.areaId, { ...a, subDealers: emptyByStatus(), terminals: emptyByStatus() }]));
  const count = (table: 'sub_dealers' | 'terminals', key: 'subDealers' | 'terminals') => {
    const rows = prepared(
      db,
      `SELECT area_id AS areaId, status, count(*) AS n FROM ${table} WHERE archived_at IS NULL GROUP BY area_id, status`,
    ).all() as Array<{
      areaId: number;
      status: OutletStatus;
      n: number;
    }>;
    for (const r of rows) {
      const area = byArea.get(r.areaId);
      if (area) area[key][r.status] = r.n;
    }
  };
  count('sub_dealers', 'subDealers');
  count('terminals', 'terminals');
  const totals = prepared(
    db,
    `SELECT (SELECT count(*) FROM distributors WHERE archived_at IS NULL AND ${areaInRegions('area_id', scope)}) AS distributors,
       (SELECT count(*) FROM sub_dealers WHERE archived_at IS NULL AND ${areaInRegions('area_id', scope)}) AS subDealers,
       (SELECT count(*) FROM terminals WHERE archived_at IS NULL AND ${areaInRegions('area_id', scope)}) AS terminals,
       (SELECT count(*) FROM products WHERE archived_at IS NULL) AS products,
       (SELECT count(*) FROM staff WHERE archived_at IS NULL AND ${staffInRegions('id', scope)}) AS staff`,
  ).get() as NetworkSummary['totals'];
  const regions = listRegions(db)
    .filter((r) => scope === null || scope.includes(r.id))
    .map(({ id, code, name, peakMonths }) => ({ id, code, name, peakMonths }));
  return {
    isEmpty: regions.length === 0 && totals.distributors === 0 && totals.products === 0,
    regions,
    byArea: [...byArea.values()],
    totals,
  };
}
