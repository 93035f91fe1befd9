import type { MethodName, MethodParsed } from '../../shared/contract/index.js';
import type { Actor } from '../../shared/contract/people.js';
import { refusal } from '../../shared/contract/result.js';
import type { ServiceContext } from '../api/context.js';
import { prepared, type Db } from '../db/open.js';
import { regionOfPlan, regionOfStaff, regionOfTable, regions } from './scope.js';

/**
 * Queries are scoped like changes: a person reads the records of their own regions. Two halves, both
 * decided here so that every service reads them the same way:
 * - lists filter in SQL with `inRegions` / `areaInRegions` / `staffInRegions`, given `visibleRegions(ctx)`;
 * - a call naming one record (a detail, or a list filtered to one region or salesperson) is checked
 *   by `dispatch` before it runs, through READ_SCOPE below, and refused with the rule.
 * An administrator (and anyone whose regions are `null`, as people.ts defines) sees every region.
 */
export type RegionScope = readonly number[] | null;

export function visibleRegions(actor: Actor | undefined): RegionScope {
  if (!actor || actor.regionIds === null || actor.roles.includes('administrator')) return null;
  return actor.regionIds;
}

export const scopeOf = (ctx: ServiceContext): RegionScope => visibleRegions(ctx.actor);

/**
 * `column IN (…)` for the regions in scope, or a condition that is always true. The ids are integers
 * from the person's own record (never from a call's input), written into the SQL so the condition can
 * be added to any statement without renumbering its parameters.
 */
export function inRegions(column: string, scope: RegionScope): string {
  if (scope === null) return '1 = 1';
  const ids = scope.filter((id) => Number.isInteger(id));
  return ids.length ? `${column} IN (${ids.join(', ')})` : '0 = 1';
}

/** For records placed by area (distributors, sub-dealers, terminals). */
export const areaInRegions = (areaColumn: string, scope: RegionScope): string =>
  scope === null ? '1 = 1' : `${areaColumn} IN (SELECT id FROM areas WHERE ${inRegions('region_id', scope)})`;

/**
 * For people and a salesperson's work (plans, visits, reviews, scorecards): the person's regions, their
 * home region and the further ones an administrator gave them (staff_regions), as their own scope reads.
 */
export const staffInRegions = (staffColumn: string, scope: RegionScope): string =>
  scope === null
    ? '1 = 1'
    : `${staffColumn} IN (SELECT id FROM staff WHERE ${inRegions('region_id', scope)}
        UNION SELECT staff_id FROM staff_regions WHERE ${inRegions('region_id', scope)})`;

/** For rows of one distributor (sales, forecasts, complaints, shipments): the distributor's area. */
export const distributorInRegions = (distributorColumn: string, scope: RegionScope): string =>
  scope === null ? '1 = 1' : `${distributorColumn} IN (SELECT id FROM distributors WHERE ${areaInRegions('area_id', scope)})`;

/**
 * The distributors in scope, for filtering a whole-network computation kept in memory (readiness,
 * key accounts) instead of recomputing it per person; null when every distributor is in scope.
 */
export function distributorsInScope(db: Db, scope: RegionScope): ReadonlySet<number> | null {
  if (scope === null) return null;
  return new Set(
    prepared(db, `SELECT id FROM distributors WHERE ${areaInRegions('area_id', scope)}`)
      .pluck()
      .all() as number[],
  );
}

/**
 * The history entries of records in the regions in scope: each entity through its own record (its area,
 * region or salesperson), a deleted record through the values it had, products (no region) for
 * everyone, and a call with no record of its own when its author is in scope.
 */
export function historyInRegions(scope: RegionScope, personId?: number): string {
  if (scope === null) return '1 = 1';
  const ids = (sql: string) => `h.entity_id IN (SELECT CAST(id AS TEXT) FROM ${sql})`;
  // weekly reviews and scorecards are keyed "salesperson:week" and "salesperson:month"; a call (a
  // region's rules, say) is seen by its author's regions and by the region it names
  const bySalesperson = `CAST(substr(h.entity_id, 1, instr(h.entity_id, ':') - 1) AS INTEGER) IN (SELECT id FROM staff WHERE ${staffInRegions('id', scope)})`;
  const outletAreas = `(SELECT id FROM areas WHERE ${inRegions('region_id', scope)})`;
  const old = (field: string) => `json_extract(h.changes, '$.${field}[0]')`;
  return `(CASE h.entity
    WHEN 'distributor' THEN ${ids(`distributors WHERE ${areaInRegions('area_id', scope)}`)}
    WHEN 'sub_dealer' THEN ${ids(`sub_dealers WHERE ${areaInRegions('area_id', scope)}`)}
    WHEN 'terminal' THEN ${ids(`terminals WHERE ${areaInRegions('area_id', scope)}`)}
    WHEN 'person' THEN ${ids(`staff WHERE ${staffInRegions('id', scope)}`)}
    WHEN 'target_plan' THEN ${ids(`target_plans WHERE ${inRegions('region_id', scope)}`)}
    WHEN 'event' THEN ${ids(`events WHERE region_id IS NULL OR ${inRegions('region_id', scope)}`)}
    WHEN 'dev_plan' THEN ${ids(`dev_plans WHERE ${staffInRegions('salesperson_id', scope)}`)}
    WHEN 'visit' THEN ${ids(`visits WHERE ${staffInRegions('salesperson_id', scope)}`)}
    WHEN 'weekly_review' THEN ${bySalesperson}
    WHEN 'evaluation' THEN ${bySalesperson}
    WHEN 'pipeline' THEN h.entity_id IN (
      SELECT 'sub_dealer:' || id FROM sub_dealers WHERE area_id IN ${outletAreas}
      UNION ALL SELECT 'terminal:' || id FROM terminals WHERE area_id IN ${outletAreas})
    WHEN 'product' THEN 1
    WHEN 'call' THEN h.actor_id = ${Number.isInteger(personId) ? personId : -1} OR h.actor_id IN (SELECT id FROM staff WHERE ${staffInRegions('id', scope)})
      OR ${inRegions(`json_extract(h.changes, '$.input.regionId')`, scope)}
    ELSE 0 END
    OR (h.action = 'delete' AND (${old('area_id')} IN ${outletAreas} OR ${old('region_id')} IN (${scope.filter(Number.isInteger).join(', ') || 'NULL'})
      OR ${old('salesperson_id')} IN (SELECT id FROM staff WHERE ${staffInRegions('id', scope)}))))`;
}

const one = (db: Db, sql: string, value: unknown): number | undefined =>
  (prepared(db, sql).get(value) as { r: number | null } | undefined)?.r ?? undefined;
const regionOfEvent = (db: Db, id: number) => one(db, 'SELECT region_id AS r FROM events WHERE id = ?', id);

/** The regions one read touches; an empty list means "every region may see it" (or it does not exist). */
type ReadResolver = (db: Db, input: unknown) => number[];

const byId = (table: 'distributors' | 'sub_dealers' | 'terminals') => (db: Db, input: { id: number }) =>
  regions(regionOfTable(table)(db, input.id));
const bySalesperson = (db: Db, input: { salespersonId?: number | undefined }) =>
  input.salespersonId === undefined ? [] : regions(regionOfStaff(db, input.salespersonId));
const byRegion = (_db: Db, input: { regionId?: number | undefined }) => (input.regionId === undefined ? [] : [input.regionId]);
const byPlan = (db: Db, input: { planId: number }) => regions(regionOfPlan(db, input.planId));
const byEvent = (db: Db, input: { eventId: number }) => regions(regionOfEvent(db, input.eventId));

export const READ_SCOPE: Readonly<Partial<{ [K in MethodName]: (db: Db, input: MethodParsed<K>) => number[] }>> = {
  'distributor.get': byId('distributors'),
  'distributor.deleteImpact': byId('distributors'),
  'distributor.brief': byId('distributors'),
  'subDealer.get': byId('sub_dealers'),
  'subDealer.deleteImpact': byId('sub_dealers'),
  'terminal.get': byId('terminals'),
  'terminal.deleteImpact': byId('terminals'),
  'forecast.view': (db, input) => [
    ...byRegion(db, input),
    ...(input.distributorId === undefined ? [] : regions(regionOfTable('distributors')(db, input.distributorId))),
  ],
  'forecast.options': (db, input) =>
    input.distributorId === undefined ? [] : regions(regionOfTable('distributors')(db, input.distributorId)),
  'accounts.detail': (db, input) => regions(regionOfTable('distributors')(db, input.distributorId)),
  'accounts.skus': (db, input) =>
    input.distributorId === undefined ? [] : regions(regionOfTable('distributors')(db, input.distributorId)),
  'complaint.list': (db, input) =>
    input.distributorId === undefined ? [] : regions(regionOfTable('distributors')(db, input.distributorId)),
  'shipment.list': (db, input) =>
    input.distributorId === undefined ? [] : regions(regionOfTable('distributors')(db, input.distributorId)),
  'readiness.plan': (db, input) =>
    input.distributorId === undefined ? [] : regions(regionOfTable('distributors')(db, input.distributorId)),
  'readiness.shortfalls': (db, input) =>
    input.distributorId === undefined ? [] : regions(regionOfTable('distributors')(db, input.distributorId)),
  'readiness.distributor': (db, input) => regions(regionOfTable('distributors')(db, input.distributorId)),
  'readiness.cell': (db, input) => regions(regionOfTable('distributors')(db, input.distributorId)),
  'area.list': byRegion,
  'development.dashboard': (db, input) => [...bySalesperson(db, input), ...byRegion(db, input)],
  'pipeline.list': (db, input) => (input.ownerId === undefined ? [] : regions(regionOfStaff(db, input.ownerId))),
  'devPlan.get': bySalesperson,
  'devPlan.suggest': bySalesperson,
  'devPlan.list': byRegion,
  'dayRoute.get': bySalesperson,
  'dayRoute.export': bySalesperson,
  'dayRoute.due': bySalesperson,
  'visit.list': bySalesperson,
  'weeklyReview.get': bySalesperson,
  'weeklyReview.list': byRegion,
  'evaluation.scorecard': byRegion,
  'evaluation.export': byRegion,
  'evaluation.history': (db, input) => [...bySalesperson(db, input), ...byRegion(db, input)],
  'event.get': (db, input) => regions(regionOfEvent(db, input.id)),
  'event.ics': byEvent,
  'event.inviteCandidates': byEvent,
  'contact.list': (db, input) => regions(regionOfTable(`${input.ownerType}s`)(db, input.ownerId)),
  'targets.suggest': byRegion,
  'targets.view': byPlan,
  'targets.compare': (db, input) => regions(regionOfPlan(db, input.planId), regionOfPlan(db, input.otherId)),
  'targets.achievement': byPlan,
  'targets.exportSheet': byPlan,
  'targets.editPreview': byPlan,
};

/** Refuses a read of one record, region or salesperson outside the person's regions. */
export function authorizeRead(db: Db, actor: Actor | undefined, method: MethodName, input: unknown): void {
  const scope = visibleRegions(actor);
  const resolve = READ_SCOPE[method] as ReadResolver | undefined;
  if (scope === null || !resolve) return;
  const touched = resolve(db, input);
  if (touched.every((id) => scope.includes(id))) return;
  throw refusal('forbidden', 'readOwnRegions', `Not allowed: a person sees the records of their own regions only (${method}).`, { method });
}
