import { prepared, type Db } from '../db/open.js';
import type { RegionScope } from '../people/readScope.js';

/** One accepted readiness plan: when, for which regions (null: every region), and whether it was reopened since. */
export interface AcceptedRun {
  id: number;
  at: string;
  regions: number[] | null;
  reopenedAt: string | null;
}

/** An accepted plan's part in one region: its planned lines and cases, and the cases it could not deliver there. */
export interface RegionFigures {
  shipments: number;
  cases: number;
  shortCases: number;
}

/** A plan's figures by region as stored (`readiness_runs.by_region`); null for a plan accepted before they were kept. */
export const figuresByRegion = (json: string | null): Record<string, RegionFigures> | null =>
  json === null ? null : (JSON.parse(json) as Record<string, RegionFigures>);

/** A plan's figures over some of its regions (a region where it planned nothing counts nothing). */
export function figuresOver(byRegion: Readonly<Record<string, RegionFigures>>, regions: readonly number[]): RegionFigures {
  const sum: RegionFigures = { shipments: 0, cases: 0, shortCases: 0 };
  for (const r of regions) {
    const f = byRegion[String(r)];
    if (!f) continue;
    sum.shipments += f.shipments;
    sum.cases += f.cases;
    sum.shortCases += f.shortCases;
  }
  return sum;
}

export const allRegionIds = (db: Db): number[] => prepared(db, 'SELECT id FROM regions ORDER BY id').pluck().all() as number[];

/** The regions a scope names, or every region for the whole network. */
export const regionsOf = (db: Db, scope: RegionScope): number[] => (scope === null ? allRegionIds(db) : [...scope]);

const covers = (run: AcceptedRun, regionId: number) => run.regions === null || run.regions.includes(regionId);

/**
 * The plan in force in each region: the newest acceptance that covered it. A region has its own
 * coordinator, who accepts and reopens their regions' plan; another region's acceptance neither
 * replaces it nor reopens it. Regions never accepted are absent.
 */
export function runsInForce(db: Db, regionIds: readonly number[]): Map<number, AcceptedRun> {
  const runs = (
    prepared(
      db,
      'SELECT id, created_at AS at, regions, reopened_at AS reopenedAt FROM readiness_runs ORDER BY created_at DESC, id DESC',
    ).all() as Array<Omit<AcceptedRun, 'regions'> & { regions: string | null }>
  ).map((r) => ({ ...r, regions: r.regions === null ? null : (JSON.parse(r.regions) as number[]) }));
  const out = new Map<number, AcceptedRun>();
  for (const regionId of regionIds) {
    const run = runs.find((r) => covers(r, regionId));
    if (run) out.set(regionId, run);
  }
  return out;
}
