import { prepared, type Db } from '../db/open.js';
import { areaInRegions, inRegions, staffInRegions, type RegionScope } from '../people/readScope.js';
import type { ExportRow } from './entities.js';

/**
 * An export holds what its person may read, like every list (main/people/readScope.ts): a regional
 * manager's distributor sheet is their regions' distributors. Rows are kept by the codes they name,
 * in the order the columns decide a row's region: the distributor, else the area, else the
 * salesperson, else the region; the owner of a contact. Products, which every region sells, stay.
 */
export function scopeExportRows(db: Db, rows: ExportRow[], scope: RegionScope, entity: string): ExportRow[] {
  if (scope === null) return rows;
  const codes = (sql: string) => new Set((prepared(db, sql).pluck().all() as string[]).map((c) => c.toLowerCase()));
  const cache = new Map<string, Set<string>>();
  const visible = (kind: 'distributor' | 'area' | 'staff' | 'region' | 'sub_dealer' | 'terminal') => {
    let set = cache.get(kind);
    if (!set) {
      set = codes(
        {
          distributor: `SELECT code FROM distributors WHERE ${areaInRegions('area_id', scope)}`,
          area: `SELECT code FROM areas WHERE ${inRegions('region_id', scope)}`,
          staff: `SELECT code FROM staff WHERE ${staffInRegions('id', scope)}`,
          region: `SELECT code FROM regions WHERE ${inRegions('id', scope)}`,
          sub_dealer: `SELECT code FROM sub_dealers WHERE ${areaInRegions('area_id', scope)}`,
          terminal: `SELECT code FROM terminals WHERE ${areaInRegions('area_id', scope)}`,
        }[kind],
      );
      cache.set(kind, set);
    }
    return set;
  };
  const has = (kind: Parameters<typeof visible>[0], value: unknown) => visible(kind).has(String(value).toLowerCase());
  const named = (value: unknown) => value !== null && value !== undefined && value !== '';
  return rows.filter((row) => {
    if (entity === 'products') return true;
    if (entity === 'regions') return has('region', row.code);
    if (entity === 'staff') return has('staff', row.code);
    if (entity === 'contacts') {
      const owner = row.ownerType === 'sub_dealer' || row.ownerType === 'terminal' ? row.ownerType : 'distributor';
      return has(owner, row.owner);
    }
    if (named(row.distributor)) return has('distributor', row.distributor);
    if (named(row.area)) return has('area', row.area);
    if (named(row.salesperson)) return has('staff', row.salesperson);
    if (named(row.region)) return has('region', row.region);
    // A row that names nothing placing it in a region is not the person's to take away.
    return false;
  });
}
