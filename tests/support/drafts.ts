import type { ServiceContext } from '../../main/api/context.js';
import { call } from './call.js';

/** The fields of a distributor's draft (shared/contract/network.ts distributorDraft). */
const DISTRIBUTOR_DRAFT_KEYS = [
  'code',
  'name',
  'areaId',
  'address',
  'salespersonId',
  'leadTimeDays',
  'warehouseCapacityCases',
  'relationshipLevel',
  'status',
  'startDate',
] as const;

/**
 * A distributor as stored, and the draft that saves it unchanged: a test changes one field of the
 * draft and updates.
 */
export async function storedDistributor(ctx: ServiceContext, id: number) {
  const { distributor } = await call(ctx, 'distributor.get', { id });
  const current = distributor as unknown as Record<string, unknown>;
  const draft = Object.fromEntries(DISTRIBUTOR_DRAFT_KEYS.map((k) => [k, current[k] ?? null])) as Record<
    (typeof DISTRIBUTOR_DRAFT_KEYS)[number],
    unknown
  >;
  return { distributor, draft };
}
