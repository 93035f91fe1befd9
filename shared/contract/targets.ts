import { z } from 'zod';
import { exportLanguage } from '../exports/words.js';
import { mutation, query } from './define.js';
import { id, name, yearMonth } from './fields.js';

export interface TargetPlanSummary {
  id: number;
  name: string;
  status: 'draft' | 'agreed';
  regionId: number;
  regionName: string;
  seasonYear: number;
  basis: 'forecast' | 'last_year';
  months: string[];
  /** The brands the plan sets targets for, by name: its totals are theirs, not the region's whole volume. */
  brands: string[];
  target: number;
  natural: number;
  newOutlets: number;
  updatedAt: string;
  /** When the natural volume was drawn (the plan made, or its natural volume updated). */
  naturalDrawnAt: string | null;
  /**
   * For a draft on the forecast's basis: when the forecast last ran, if that was after the natural
   * volume was drawn (its growth needed is then measured against an earlier forecast); else null.
   */
  forecastSince: string | null;
}

export interface TargetDistributorRow {
  distributorId: number;
  code: string;
  name: string;
  salespersonName: string | null;
  natural: number;
  target: number;
  /** The sum of the brands this distributor agreed; null when it agreed none. */
  agreed: number | null;
  /** The plan's target for the same brands (so agreed compares like with like), and how many of its brands are agreed. */
  agreedTarget: number;
  agreedBrands: number;
  brands: number;
  newOutlets: number;
  growth: number;
  fromNewOutlets: number;
  fromMix: number;
  fromExisting: number;
  locked: number;
  /** Cells whose number a person typed (kept by the cascade while locked). */
  typed?: number;
}

export interface TargetSkuRow {
  productId: number;
  sku: string;
  name: string;
  brand: string;
  months: Array<{ month: string; natural: number; target: number; locked: boolean; typed?: boolean }>;
}

export interface TargetView {
  plan: TargetPlanSummary;
  lines: Array<{ brand: string; productId: number | null; label: string; volume: number; natural: number; target: number }>;
  distributors: TargetDistributorRow[];
  skus: TargetSkuRow[] | null;
  /**
   * The distributors' agreed numbers, summed over the distributor x brand pairs agreed so far; null
   * when nothing is agreed. `agreedTarget` is the plan's target for those same pairs: the headline
   * compares the two, never the agreed part with the whole plan.
   */
  agreedTotal: number | null;
  agreedTarget: number;
  agreedPairs: number;
  pairs: number;
}

/** One line of a comparison of two versions: a distributor, a brand or a SKU (`key` is its id or the brand). */
export interface TargetComparisonRow {
  key: string;
  name: string;
  a: number;
  b: number;
}

export interface AchievementRow {
  key: string;
  label: string;
  months: Array<{ month: string; target: number; actual: number | null }>;
  target: number;
  actual: number;
}

const level = z.discriminatedUnion('level', [
  z.strictObject({ level: z.literal('distributor'), distributorId: id, brand: z.string().trim().min(1).max(80) }),
  z.strictObject({ level: z.literal('sku'), distributorId: id, productId: id }),
  z.strictObject({ level: z.literal('cell'), distributorId: id, productId: id, month: yearMonth }),
]);

const cases = z.int('Whole cases').min(0, 'Cannot be negative').max(1_000_000_000);
/** True when the user has seen and accepted a large jump against the plan's basis (see LARGE_JUMP). */
const confirm = z.boolean().optional();

/**
 * By default, a target more than this far (up or down) from its basis is asked about before it is
 * saved (the manager may set another share: targets.saveRules): a +278.8% brand target is more often a typo than a plan. The refusal carries an issue on
 * the path 'confirm'; the same call with confirm: true saves it.
 */
export const LARGE_JUMP = 0.5;

/** One off-season month of a distributor (or of the region): shipments before the peak and new outlets. */
export interface OffSeasonMonth {
  month: string;
  /** The month has ended (before the current month): its new outlets were spread over the months ahead. */
  over: boolean;
  natural: number;
  target: number;
  newOutlets: number;
  /** What was shipped of the plan's SKUs in a month over, from the sales history; null ahead, or before that month is imported. */
  shipped: number | null;
  /**
   * A month ahead: its target with its share of the months over's shortfall added (or of their surplus
   * taken off), so the season still delivers what the peak needs; null for a month over.
   */
  needed: number | null;
}

/** The off-season months leading into a plan's peak, derived from the peak plan (see main/targets/offSeason.ts). */
export interface OffSeasonPlan {
  months: string[];
  distributors: Array<{
    distributorId: number;
    name: string;
    peakTarget: number;
    peakNatural: number;
    newOutlets: number;
    natural: number;
    target: number;
    /** Shipped in the months over, as far as the sales history has them; null when it has none. */
    shipped: number | null;
    months: OffSeasonMonth[];
  }>;
  totals: OffSeasonMonth[];
}

/** A region's rules for its targets, set by its manager: how far from its basis a target may move before it is asked about. */
export interface TargetRules {
  /** A share: 0.5 asks about anything beyond ±50%. */
  largeJump: number;
}

export const targetsContract = {
  'targets.plans': query<TargetPlanSummary[]>()(z.strictObject({})),
  'targets.suggest': query<{ months: string[]; brands: Array<{ brand: string; natural: number; lastYear: number }> }>()(
    z.strictObject({ regionId: id, seasonYear: z.int().min(2000).max(2200) }),
  ),
  'targets.create': mutation<TargetPlanSummary>()(
    z.strictObject({
      regionId: id,
      seasonYear: z.int().min(2000).max(2200),
      name,
      basis: z.enum(['forecast', 'last_year']),
      lines: z
        .array(z.strictObject({ brand: z.string().trim().min(1).max(80), productId: id.optional(), volume: cases }))
        .min(1, 'Enter at least one brand target')
        .max(500),
      newOutlets: cases,
      confirm,
    }),
  ),
  'targets.view': query<TargetView>()(
    z.strictObject({ planId: id, distributorId: id.optional(), brand: z.string().trim().min(1).max(80).optional() }),
  ),
  'targets.edit': mutation<{ saved: true }>()(z.strictObject({ planId: id, at: level, value: cases, confirm })),
  'targets.setLine': mutation<{ saved: true }>()(
    z.strictObject({ planId: id, brand: z.string().trim().min(1).max(80), productId: id.optional(), value: cases, confirm }),
  ),
  'targets.lock': mutation<{ saved: true }>()(
    z.strictObject({ planId: id, distributorId: id, productId: id, month: yearMonth.optional(), locked: z.boolean() }),
  ),
  'targets.setAgreed': mutation<{ saved: true }>()(
    z.strictObject({ planId: id, distributorId: id, brand: z.string().trim().min(1).max(80), cases: cases.nullable() }),
  ),
  'targets.saveVersion': mutation<TargetPlanSummary>()(z.strictObject({ planId: id, name, status: z.enum(['draft', 'agreed']) })),
  'targets.compare': query<TargetComparisonRow[]>()(
    z.strictObject({ planId: id, otherId: id, by: z.enum(['distributor', 'brand', 'sku']).default('distributor') }),
  ),
  'targets.achievement': query<{ months: string[]; rows: AchievementRow[] }>()(
    z.strictObject({ planId: id, by: z.enum(['region', 'distributor', 'salesperson', 'sku']) }),
  ),
  'targets.offSeason': query<OffSeasonPlan>()(z.strictObject({ planId: id })),
  'targets.rules': query<TargetRules>()(z.strictObject({ regionId: id })),
  'targets.saveRules': mutation<TargetRules>()(
    z.strictObject({ regionId: id, largeJump: z.number().min(0.05, 'At least 5%').max(10, 'At most 1,000%') }),
  ),
  'targets.exportSheet': query<{ fileName: string; mimeType: string; contentBase64: string; rows: number }>()(
    z.strictObject({ planId: id, distributorId: id, language: exportLanguage }),
  ),
  'targets.delete': mutation<{ deleted: true }>()(z.strictObject({ planId: id })),
  /**
   * A draft plan's natural volume drawn again from the latest forecast (last season's sales where
   * there is none; for a plan on last year's basis, last season's sales): drawn when the plan was
   * made, it does not follow a forecast run after it. Targets stay as they are.
   */
  'targets.refreshNatural': mutation<{ cells: number; before: number; after: number }>()(z.strictObject({ planId: id })),
} as const;
