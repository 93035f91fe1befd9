import { z } from 'zod';
import { mutation, query } from './define.js';
import { id, isoDate, optionalText } from './fields.js';

export const COMPLAINT_CATEGORIES = ['quality', 'service', 'logistics', 'price', 'other'] as const;
export const SEGMENTS = ['EI', 'EII', 'EIII', 'EIV'] as const;
export const PROSPECT_INDICATORS = ['strength', 'management', 'network', 'buyingPower', 'marketing', 'growth', 'advantage'] as const;

/**
 * One definition of "at risk", used by the dashboard's count and the at-risk list alike: a churn-risk
 * score (the sum of the weights of the warning signs found) of at least this much.
 */
export const AT_RISK_SCORE = 40;

export const WAVER_CODES = [
  'share_moves',
  'quarter_down',
  'quarter_up',
  'year_down',
  'year_up',
  'months_without_order',
  'no_year_before',
] as const;

/** A region's key-account rules: its regional manager sets them, and they move only its accounts and prospects. */
export interface AccountRules {
  paretoShare: number;
  /**
   * The stability line set by hand; null: the region's own median (the calibrated line). Regions
   * differ in steadiness, so one typed line for all would move every other region's segments too.
   */
  stableScore: number | null;
  volumeDropShare: number;
  complaintDays: number;
  visitDays: number;
  prospectThreshold: number;
  weights: Record<(typeof PROSPECT_INDICATORS)[number], number>;
}

export interface AccountsSettings {
  /** Each region's rules, by region id (as text). */
  regions: Record<string, AccountRules>;
}

export interface AccountSegmentRow {
  distributorId: number;
  name: string;
  areaName: string;
  regionId: number;
  regionName: string;
  salespersonName: string | null;
  volume: number;
  /** Of the distributor's region's volume over the last 12 months; cumulativeShare and rank are within the region too. */
  share: number;
  cumulativeShare: number;
  rank: number;
  stability: number;
  segment: (typeof SEGMENTS)[number];
  previousSegment: (typeof SEGMENTS)[number] | null;
  risk: number;
  /** risk >= AT_RISK_SCORE. */
  atRisk: boolean;
  /** Why the account wavers, each with its figure (a percentage, or months for months_without_order). */
  wavers: Array<{ code: (typeof WAVER_CODES)[number]; value: number }>;
}

export interface ChurnReasonView {
  code: string;
  weight: number;
  evidence: Record<string, number | string>;
}

export interface ComplaintRow {
  id: number;
  distributorId: number;
  distributorName: string;
  category: (typeof COMPLAINT_CATEGORIES)[number];
  openedOn: string;
  ownerName: string | null;
  description: string;
  closedOn: string | null;
  resolution: string | null;
  daysOpen: number;
}

export interface AccountsOverview {
  /** The rules of each region the reader may see, by region name. */
  rules: Array<{ regionId: number; regionName: string; rules: AccountRules }>;
  strategies: Record<(typeof SEGMENTS)[number], { visitEveryDays: number }>;
  rows: AccountSegmentRow[];
  counts: Record<(typeof SEGMENTS)[number], number>;
  /**
   * Each shown region's stability line in use, and the one calibrated on its accounts (their median),
   * shown beside a manual one; in the order of the rows.
   */
  lines: Array<{ regionId: number; regionName: string; stableScore: number; calibrated: number }>;
  /** Accounts at risk (rows with atRisk), the one count the dashboard and the list show. */
  atRisk: number;
  retention: {
    accountsLastYear: number;
    accountsKept: number;
    accountsKeptShare: number | null;
    volumeLastYear: number;
    volumeKept: number;
    volumeKeptShare: number | null;
  };
  complaintStats: Array<{ category: string; open: number; closed: number; avgDaysToClose: number | null }>;
  months: number;
}

export interface AccountDetail {
  row: AccountSegmentRow;
  strategy: { visitEveryDays: number };
  reasons: ChurnReasonView[];
  contacts: number;
  relationshipLevel: number;
  fit: 'safe' | 'watch' | 'alarm' | null;
  totalPurchases: number | null;
  customerShare: number | null;
  monthly: Array<{ month: string; cases: number }>;
  complaints: ComplaintRow[];
  skus: Array<{
    productId: number;
    sku: string;
    name: string;
    rank: number;
    last12: number;
    contribution: number;
    growth: number | null;
    advice: 'push' | 'keep' | 'weaken' | 'drop';
    /** A code the renderer words with growth and contribution (accounts:skuReason.<code>). */
    reason: 'new_product' | 'phase_out' | 'small_not_growing' | 'growing' | 'shrinking_small' | 'steady' | 'changing';
  }>;
}

export const accountRulesInput = z.strictObject({
  paretoShare: z.number().min(0.3).max(0.99),
  /** null gives the region back its median. */
  stableScore: z.number().min(0.05).max(0.95).nullable(),
  volumeDropShare: z.number().min(0.01).max(0.9),
  complaintDays: z.int().min(1).max(365),
  visitDays: z.int().min(1).max(365),
  prospectThreshold: z.int().min(1).max(99),
  weights: z.strictObject(
    Object.fromEntries(PROSPECT_INDICATORS.map((k) => [k, z.number().min(0).max(10)])) as Record<
      (typeof PROSPECT_INDICATORS)[number],
      z.ZodNumber
    >,
  ),
});

/** One region's rules at a time: the permission checks the region is the caller's. */
export const accountsSettingsInput = z.strictObject({ regionId: id, rules: accountRulesInput });

const rating = z.int().min(1, '1 to 5').max(5, '1 to 5');

export const accountsContract = {
  'accounts.overview': query<AccountsOverview>()(z.strictObject({})),
  'accounts.detail': query<AccountDetail>()(z.strictObject({ distributorId: id })),
  'accounts.saveSettings': mutation<AccountRules>()(accountsSettingsInput),
  'accounts.setProfile': mutation<{ saved: true }>()(
    z.strictObject({
      distributorId: id,
      fit: z.enum(['safe', 'watch', 'alarm']).nullable(),
      totalPurchasesCases: z.int().min(0).max(1e10).nullable(),
    }),
  ),
  'complaint.list': query<ComplaintRow[]>()(z.strictObject({ open: z.boolean().optional(), distributorId: id.optional() })),
  'complaint.create': mutation<ComplaintRow>()(
    z.strictObject({
      distributorId: id,
      category: z.enum(COMPLAINT_CATEGORIES),
      openedOn: isoDate,
      ownerId: id.nullish().transform((v) => v ?? null),
      description: z.string().trim().min(3, 'Describe the complaint').max(2000),
    }),
  ),
  'complaint.close': mutation<ComplaintRow>()(
    z.strictObject({ id, closedOn: isoDate, resolution: z.string().trim().min(3, 'Say how it was resolved').max(2000) }),
  ),
  'accounts.skus': query<AccountDetail['skus'] & unknown[]>()(z.strictObject({ distributorId: id.optional() })),
  'prospect.list': query<
    Array<{
      outletType: 'sub_dealer' | 'terminal';
      outletId: number;
      name: string;
      distributorName: string;
      competitorBrand: string | null;
      score: number | null;
      class: string | null;
      intention: 'high' | 'low' | null;
      ratings: Record<string, number> | null;
    }>
  >()(z.strictObject({ search: z.string().trim().max(100).optional() })),
  'prospect.summary': query<{
    classes: Array<{ class: 'PI' | 'PII' | 'PIII' | 'PIV'; count: number; meanScore: number | null }>;
    unscored: number;
  }>()(z.strictObject({})),
  'prospect.score': mutation<{ score: number; class: string }>()(
    z.strictObject({
      outletType: z.enum(['sub_dealer', 'terminal']),
      outletId: id,
      ratings: z.strictObject(
        Object.fromEntries(PROSPECT_INDICATORS.map((k) => [k, rating])) as Record<(typeof PROSPECT_INDICATORS)[number], typeof rating>,
      ),
      intention: z.enum(['high', 'low']),
      note: optionalText(500),
    }),
  ),
} as const;
