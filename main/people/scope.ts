import type { MethodName, MethodParsed } from '../../shared/contract/index.js';
import { prepared, type Db } from '../db/open.js';

/** What a call touches, for the permission's scope: the regions, and the salesperson whose work it is. */
export interface Target {
  regionIds: number[];
  ownerId?: number;
}

/** A resolver that reads the input of whichever method it is registered for, as parsed by the contract. */
export type ScopeResolver = (db: Db, input: unknown) => Target;

const one = (db: Db, sql: string, value: unknown): number | undefined => (prepared(db, sql).get(value) as { r: number } | undefined)?.r;
export const regions = (...ids: Array<number | undefined>): number[] => [...new Set(ids.filter((id): id is number => id !== undefined))];

export const regionOfStaff = (db: Db, id: number) => one(db, 'SELECT region_id AS r FROM staff WHERE id = ?', id);
const regionOfArea = (db: Db, id: number) => one(db, 'SELECT region_id AS r FROM areas WHERE id = ?', id);
export const regionOfTable = (table: 'distributors' | 'sub_dealers' | 'terminals') => (db: Db, id: number) =>
  one(db, `SELECT a.region_id AS r FROM ${table} t JOIN areas a ON a.id = t.area_id WHERE t.id = ?`, id);
export const regionOfPlan = (db: Db, id: number) => one(db, 'SELECT region_id AS r FROM target_plans WHERE id = ?', id);

/** A salesperson's own work: the owner is the salesperson named in the input. */
export const salespersonWork = (db: Db, input: { salespersonId: number }): Target => ({
  regionIds: regions(regionOfStaff(db, input.salespersonId)),
  ownerId: input.salespersonId,
});

const byArea = (db: Db, input: { draft: { areaId: number } }): Target => ({ regionIds: regions(regionOfArea(db, input.draft.areaId)) });
const updateOf =
  (current: (db: Db, id: number) => number | undefined) =>
  (db: Db, input: { id: number; draft: { areaId?: number; regionId?: number } }): Target => ({
    regionIds: regions(
      current(db, input.id),
      input.draft.areaId !== undefined ? regionOfArea(db, input.draft.areaId) : input.draft.regionId,
    ),
  });
const deleteOf =
  (current: (db: Db, id: number) => number | undefined) =>
  (db: Db, input: { id: number }): Target => ({ regionIds: regions(current(db, input.id)) });
const plan = (db: Db, input: { planId: number }): Target => ({ regionIds: regions(regionOfPlan(db, input.planId)) });

/**
 * One resolver per method whose permission scope is `region` or `own`: a unit test checks that none
 * is missing. A record that does not exist resolves to no region; the service then says not found.
 */
export const SCOPE_RESOLVERS: Readonly<Partial<{ [K in MethodName]: (db: Db, input: MethodParsed<K>) => Target }>> = {
  'area.create': (_db, input: { draft: { regionId: number } }) => ({ regionIds: [input.draft.regionId] }),
  'area.update': updateOf(regionOfArea),
  'area.delete': deleteOf(regionOfArea),
  'staff.create': (_db, input: { draft: { regionId: number } }) => ({ regionIds: [input.draft.regionId] }),
  'staff.update': updateOf(regionOfStaff),
  'staff.delete': deleteOf(regionOfStaff),
  'distributor.create': byArea,
  'distributor.update': updateOf(regionOfTable('distributors')),
  'distributor.delete': deleteOf(regionOfTable('distributors')),
  'distributor.merge': (db, input: { fromId: number; intoId: number }) => ({
    regionIds: regions(regionOfTable('distributors')(db, input.fromId), regionOfTable('distributors')(db, input.intoId)),
  }),
  'subDealer.create': byArea,
  'subDealer.update': updateOf(regionOfTable('sub_dealers')),
  'subDealer.delete': deleteOf(regionOfTable('sub_dealers')),
  'terminal.create': byArea,
  'terminal.update': updateOf(regionOfTable('terminals')),
  'terminal.delete': deleteOf(regionOfTable('terminals')),
  'targets.create': (_db, input: { regionId: number }) => ({ regionIds: [input.regionId] }),
  'accounts.saveSettings': (_db, input: { regionId: number }) => ({ regionIds: [input.regionId] }),
  'evaluation.saveSettings': (_db, input: { regionId: number }) => ({ regionIds: [input.regionId] }),
  'targets.saveRules': (_db, input: { regionId: number }) => ({ regionIds: [input.regionId] }),
  'readiness.saveSettings': (_db, input: { regionId: number }) => ({ regionIds: [input.regionId] }),
  'targets.edit': plan,
  'targets.setLine': plan,
  'targets.lock': plan,
  'targets.setAgreed': plan,
  'targets.saveVersion': plan,
  'targets.delete': plan,
  'targets.refreshNatural': plan,
  'devPlan.save': salespersonWork,
  'devPlan.submit': salespersonWork,
  'devPlan.decide': salespersonWork,
  'devPlan.reopen': salespersonWork,
  'dayRoute.save': salespersonWork,
  'visit.log': salespersonWork,
  'visit.delete': (db, input: { id: number }) => {
    const ownerId = one(db, 'SELECT salesperson_id AS r FROM visits WHERE id = ?', input.id);
    return ownerId === undefined ? { regionIds: [] } : { regionIds: regions(regionOfStaff(db, ownerId)), ownerId };
  },
  'weeklyReview.save': salespersonWork,
  'weeklyReview.comment': salespersonWork,
  'weeklyReview.reopen': salespersonWork,
  'evaluation.decide': salespersonWork,
  'evaluation.reopen': salespersonWork,
};
