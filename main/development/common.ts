import type { IndicatorNumbers, OutletType } from '../../shared/domain/development.js';
import { refusal } from '../../shared/contract/result.js';
import { today } from '../../shared/domain/clock.js';
import { lastDayOf } from '../../shared/domain/months.js';
import { prepared, type Db } from '../db/open.js';

/** A salesperson's "today" is their local day, not UTC's (the one clock and calendar decide it). */
export const localToday = today;

export const monthStart = (month: string) => `${month}-01`;
export const monthEnd = lastDayOf;

export const zeroNumbers = (): IndicatorNumbers => ({ visits: 0, newSubDealers: 0, newTerminals: 0, competitorWins: 0 });

/**
 * An outlet's display columns from either table, for rows keyed by (outlet_type, outlet_id) under
 * alias `k`. Each outlet table is joined on its primary key only for the rows of its type.
 */
export const OUTLET_JOIN = (k: string) => `
  LEFT JOIN sub_dealers osd ON ${k}.outlet_type = 'sub_dealer' AND osd.id = ${k}.outlet_id
  LEFT JOIN terminals ot ON ${k}.outlet_type = 'terminal' AND ot.id = ${k}.outlet_id
  LEFT JOIN sub_dealers otsd ON otsd.id = ot.sub_dealer_id
  LEFT JOIN areas oa ON oa.id = coalesce(osd.area_id, ot.area_id)
  LEFT JOIN distributors od ON od.id = coalesce(osd.distributor_id, ot.distributor_id, otsd.distributor_id)`;

export const OUTLET_COLUMNS = `
  coalesce(osd.code, ot.code) AS code, coalesce(osd.name, ot.name) AS name, coalesce(osd.status, ot.status) AS outletStatus,
  ot.channel AS channel, oa.id AS areaId, oa.name AS areaName, od.name AS distributorName,
  coalesce(osd.address, ot.address) AS address, coalesce(osd.latitude, ot.latitude) AS latitude,
  coalesce(osd.longitude, ot.longitude) AS longitude`;

export const outletTable = (type: OutletType) => (type === 'sub_dealer' ? 'sub_dealers' : 'terminals');

export interface OutletRow {
  id: number;
  code: string;
  name: string;
  status: 'prospect' | 'active' | 'lost';
  competitorBrand: string | null;
  areaId: number;
  latitude: number | null;
  longitude: number | null;
}

export function getOutlet(db: Db, type: OutletType, id: number, path = 'outletId'): OutletRow {
  const row = prepared(
    db,
    `SELECT id, code, name, status, competitor_brand AS competitorBrand, area_id AS areaId, latitude, longitude FROM ${outletTable(type)} WHERE id = ?`,
  ).get(id) as OutletRow | undefined;
  if (!row) {
    const label = type === 'sub_dealer' ? 'Sub-dealer' : 'Terminal';
    throw refusal(
      'not_found',
      'recordGone',
      `${label} #${id} no longer exists. It may have been deleted in another window.`,
      { what: label, id },
      [{ path, message: `${label} #${id} does not exist` }],
    );
  }
  return row;
}

export interface StaffRow {
  id: number;
  name: string;
  role: string;
  regionId: number;
  active: number;
}

export function getStaff(db: Db, id: number, path: string, role?: 'salesperson' | 'regional_manager'): StaffRow {
  const row = prepared(db, 'SELECT id, name, role, region_id AS regionId, active FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
  if (!row)
    throw refusal('not_found', 'recordGone', `Staff member #${id} no longer exists.`, { what: 'Staff member', id }, [
      { path, message: `Staff member #${id} does not exist` },
    ]);
  if (role && row.role !== role) {
    const wanted = role === 'salesperson' ? 'a salesperson' : 'a regional manager';
    throw refusal(
      'validation',
      role === 'salesperson' ? 'notASalesperson' : 'notARegionalManager',
      `${row.name} is not ${wanted}.`,
      { name: row.name },
      [{ path, message: `${row.name} is not ${wanted}` }],
    );
  }
  return row;
}

/**
 * What each salesperson did between two days: visits logged and outlets signed (by type, and those
 * won from a competitor). Signings are credited to whoever moved the prospect to `signed`.
 */
export function actualsBySalesperson(db: Db, from: string, to: string, salespersonId?: number): Map<number, IndicatorNumbers> {
  const out = new Map<number, IndicatorNumbers>();
  const get = (id: number) => {
    let n = out.get(id);
    if (!n) out.set(id, (n = zeroNumbers()));
    return n;
  };
  const one = salespersonId !== undefined;
  const visits = (
    one
      ? prepared(db, 'SELECT salesperson_id, count(*) FROM visits WHERE salesperson_id = ? AND day BETWEEN ? AND ? GROUP BY salesperson_id')
          .raw()
          .all(salespersonId, from, to)
      : prepared(db, 'SELECT salesperson_id, count(*) FROM visits WHERE day BETWEEN ? AND ? GROUP BY salesperson_id').raw().all(from, to)
  ) as Array<[number, number]>;
  for (const [id, n] of visits) get(id).visits = n;
  const signed = (
    one
      ? prepared(
          db,
          `SELECT salesperson_id, outlet_type, competitor_held, count(*) FROM pipeline_events
           WHERE salesperson_id = ? AND day BETWEEN ? AND ? AND to_stage = 'signed' GROUP BY 1, 2, 3`,
        )
          .raw()
          .all(salespersonId, from, to)
      : prepared(
          db,
          `SELECT salesperson_id, outlet_type, competitor_held, count(*) FROM pipeline_events
           WHERE day BETWEEN ? AND ? AND to_stage = 'signed' AND salesperson_id IS NOT NULL GROUP BY 1, 2, 3`,
        )
          .raw()
          .all(from, to)
  ) as Array<[number, OutletType, number, number]>;
  for (const [id, type, held, n] of signed) {
    const row = get(id);
    if (type === 'sub_dealer') row.newSubDealers += n;
    else row.newTerminals += n;
    if (held) row.competitorWins += n;
  }
  return out;
}
