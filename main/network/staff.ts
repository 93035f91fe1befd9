import type { Staff } from '../../shared/contract/network.js';
import type { StaffRole } from '../../shared/domain/network.js';
import { prepared, type Db } from '../db/open.js';
import { archivePersonIfWorked } from './archive.js';
import { bool, insertRow, notFound, requireRow, updateRow } from '../db/sql.js';
import { staffInRegions, type RegionScope } from '../people/readScope.js';

export interface StaffInput {
  code: string;
  name: string;
  role: StaffRole;
  regionId: number;
  areaIds: number[];
  phone: string | null;
  email: string | null;
  active: boolean;
}

const SELECT = `
  SELECT s.id, s.code, s.name, s.role, s.region_id AS regionId, r.name AS regionName, s.phone, s.email, s.active,
    (SELECT group_concat(a.id, '|') FROM staff_areas sa JOIN areas a ON a.id = sa.area_id WHERE sa.staff_id = s.id) AS areaIdList,
    (SELECT group_concat(a.name, '|') FROM staff_areas sa JOIN areas a ON a.id = sa.area_id WHERE sa.staff_id = s.id) AS areaNameList
  FROM staff s JOIN regions r ON r.id = s.region_id`;

interface StaffRow extends Omit<Staff, 'areaIds' | 'areaNames' | 'active'> {
  active: number;
  areaIdList: string | null;
  areaNameList: string | null;
}

const toStaff = ({ areaIdList, areaNameList, active, ...row }: StaffRow): Staff => ({
  ...row,
  active: bool(active),
  areaIds: areaIdList ? areaIdList.split('|').map(Number) : [],
  areaNames: areaNameList ? areaNameList.split('|') : [],
});

export function listStaff(db: Db, filter: { role?: StaffRole; search?: string } = {}, scope: RegionScope = null): Staff[] {
  const pattern = filter.search ? `%${filter.search.toLowerCase()}%` : null;
  const rows = prepared(
    db,
    `${SELECT} WHERE s.archived_at IS NULL AND ${staffInRegions('s.id', scope)} AND (? IS NULL OR s.role = ?) AND (? IS NULL OR lower(s.name) LIKE ? OR lower(s.code) LIKE ?) ORDER BY s.name`,
  ).all(filter.role ?? null, filter.role ?? null, pattern, pattern, pattern) as StaffRow[];
  return rows.map(toStaff);
}

export function getStaff(db: Db, id: number): Staff {
  const row = prepared(db, `${SELECT} WHERE s.id = ?`).get(id) as StaffRow | undefined;
  if (!row) throw notFound('Staff member', id);
  return toStaff(row);
}

function checkReferences(db: Db, draft: StaffInput): void {
  requireRow(db, 'regions', draft.regionId, 'draft.regionId', 'Region');
  draft.areaIds.forEach((areaId, i) => requireRow(db, 'areas', areaId, `draft.areaIds.${i}`, 'Area'));
}

function writeAreas(db: Db, staffId: number, areaIds: number[]): void {
  prepared(db, 'DELETE FROM staff_areas WHERE staff_id = ?').run(staffId);
  const insert = prepared(db, 'INSERT OR IGNORE INTO staff_areas (staff_id, area_id) VALUES (?, ?)');
  for (const areaId of areaIds) insert.run(staffId, areaId);
}

const columns = (d: StaffInput) => ({
  code: d.code,
  name: d.name,
  role: d.role,
  region_id: d.regionId,
  phone: d.phone,
  email: d.email,
  active: d.active,
});

export function createStaff(db: Db, draft: StaffInput): Staff {
  const id = db.transaction(() => {
    checkReferences(db, draft);
    const id = insertRow(db, 'staff', columns(draft));
    writeAreas(db, id, draft.areaIds);
    return id;
  })();
  return getStaff(db, id);
}

export function updateStaff(db: Db, id: number, draft: StaffInput): Staff {
  db.transaction(() => {
    checkReferences(db, draft);
    if (!updateRow(db, 'staff', id, columns(draft))) throw notFound('Staff member', id);
    writeAreas(db, id, draft.areaIds);
    // A distributor's assigned salesperson must be a salesperson.
    if (draft.role !== 'salesperson') prepared(db, 'UPDATE distributors SET salesperson_id = NULL WHERE salesperson_id = ?').run(id);
  })();
  return getStaff(db, id);
}

/** Distributors of a deleted salesperson keep existing without one (ON DELETE SET NULL). One who has worked is archived instead. */
export function deleteStaff(db: Db, id: number): { deleted: true; archived?: true } {
  getStaff(db, id);
  return db.transaction(() => {
    if (archivePersonIfWorked(db, id)) return { deleted: true as const, archived: true as const };
    prepared(db, 'DELETE FROM staff WHERE id = ?').run(id);
    return { deleted: true as const };
  })();
}
