import { z } from 'zod';
import { exportLanguage } from '../exports/words.js';
import { mutation, query } from './define.js';
import { id, isoDate, page, type Page } from './fields.js';

export type ReadinessStatus = 'green' | 'amber' | 'red';
/** Why a cell has its colour; the screens put it in words (with the numbers of the cell). */
export type ReadinessReason =
  'no_peak' | 'no_demand' | 'runs_out_in_peak' | 'below_required' | 'runs_out_before_peak' | 'covered' | 'phase_out';
export type ShortfallReason = 'lead_time' | 'shipping_capacity' | 'group_capacity' | 'warehouse_capacity' | 'no_stock_count';
export const KEY_ACCOUNT_RULES = ['relationship', 'volume', 'relationship_or_volume', 'relationship_and_volume'] as const;
export type KeyAccountRule = (typeof KEY_ACCOUNT_RULES)[number];
export const PRIORITY_RULES = ['key_accounts_then_volume', 'volume'] as const;
export type PriorityRule = (typeof PRIORITY_RULES)[number];
/** SKU groups for shipping limits: the pack, since kegs, cans and bottles load differently. */
export const PACK_GROUPS = ['bottle', 'can', 'keg', 'other'] as const;
export type PackGroup = (typeof PACK_GROUPS)[number];

export interface ReadinessSettings {
  /** Days of peak demand that must be in stock when the peak starts. */
  requiredCoverDays: number;
  /** Service level (probability of not running out in the cover period) for key accounts and for the rest. */
  serviceLevelKey: number;
  serviceLevelOther: number;
  priorityRule: PriorityRule;
  keyAccountRule: KeyAccountRule;
  /** Under a volume rule: the largest distributors that together carry this share of a region's volume. */
  keyVolumeShare: number;
  /** Pre-build SKUs being phased out too (the SKU-structure review drops them: off by default). */
  prebuildPhaseOut?: boolean;
}

export const readinessSettingsInput = z.strictObject({
  requiredCoverDays: z.int('Whole days').min(1, 'At least one day').max(120, 'At most 120 days'),
  serviceLevelKey: z.number().min(0.5, 'At least 50%').max(0.999, 'At most 99.9%'),
  serviceLevelOther: z.number().min(0.5, 'At least 50%').max(0.999, 'At most 99.9%'),
  priorityRule: z.enum(PRIORITY_RULES),
  keyAccountRule: z.enum(KEY_ACCOUNT_RULES),
  keyVolumeShare: z.number().min(0.05, 'At least 5%').max(1, 'At most 100%'),
  prebuildPhaseOut: z.boolean().optional(),
});

export interface ReadinessCellSummary {
  productId: number;
  status: ReadinessStatus;
  reason: ReadinessReason;
}

export interface ReadinessRow {
  distributorId: number;
  code: string;
  name: string;
  areaName: string;
  salespersonName: string | null;
  keyAccount: boolean;
  /** The peak's first day (as the dashboard's season calendar says it), from which the cover is counted; null without a peak season. */
  peakStart: string | null;
  counts: Record<ReadinessStatus, number>;
  /** Cases the plan cannot deliver to this distributor. */
  shortCases: number;
  cells: ReadinessCellSummary[];
}

export interface ReadinessBoard {
  /** Monday of the current week: week 0 of the projection. */
  today: string;
  weeks: string[];
  /** ISO week labels (2027-W18) for the same weeks. */
  weekLabels: string[];
  /** The settings of each region shown (each region's coordinator sets their own), in the order of `capacity`. */
  rules: Array<{ regionId: number; regionName: string; settings: ReadinessSettings; keyAccounts: number }>;
  keyAccounts: number;
  skus: Array<{ id: number; sku: string; name: string; brand: string }>;
  rows: ReadinessRow[];
  totals: Record<ReadinessStatus, number>;
  plan: {
    shipments: number;
    cases: number;
    pallets: number;
    byWeek: Array<{ week: string; label: string; shipments: number; cases: number; pallets: number }>;
  };
  short: { lines: number; cases: number; distributors: number };
  /** The whole network's plan, whatever the filter or the person's regions: what accepting the plan writes. */
  acceptance: { shipments: number; cases: number };
  capacity: Array<{
    regionId: number;
    regionName: string;
    casesPerWeek: number | null;
    /** Cases per week booked by firm planned shipments, and booked plus the proposed plan. */
    booked: number[];
    used: number[];
    groups: Array<{ pack: PackGroup; casesPerWeek: number; booked: number[]; used: number[] }>;
  }>;
  /** Cells whose colour changed since the last accepted plan. */
  changes: Array<{
    distributorId: number;
    distributorName: string;
    productId: number;
    sku: string;
    from: ReadinessStatus;
    to: ReadinessStatus;
  }>;
  changesTotal: number;
  /** The last accepted plan; `reopenedAt` set once it was reopened (a new plan may then be accepted). */
  lastRun: { at: string; shipments: number; cases: number; shortCases: number; reopenedAt: string | null } | null;
  computeMs: number;
  missing: { forecast: boolean; stock: number };
}

export interface PlanLine {
  distributorId: number;
  distributorCode: string;
  distributorName: string;
  keyAccount: boolean;
  productId: number;
  sku: string;
  productName: string;
  shipWeek: string;
  shipWeekLabel: string;
  arrivalWeek: string;
  cases: number;
  pallets: number;
}

export interface ShortfallLine {
  distributorId: number;
  distributorName: string;
  keyAccount: boolean;
  productId: number;
  sku: string;
  /** Monday of the week the cases were needed by. */
  dueWeek: string;
  /**
   * The peak's first day when the cases were needed for the peak (stock at its start), the date the
   * board and the dashboard say; null for a need of a week before the peak.
   */
  peakStart: string | null;
  cases: number;
  /** The binding constraint (the one whose relaxation removes the shortfall), and the second when both bind. */
  reason: ShortfallReason;
  also: ShortfallReason | null;
}

/** One shortfall of a distributor x SKU, as its detail shows it. */
export type CellShortfall = Pick<ShortfallLine, 'dueWeek' | 'peakStart' | 'cases' | 'reason' | 'also'>;

export interface ReadinessCellFacts {
  productId: number;
  sku: string;
  productName: string;
  pack: PackGroup;
  status: ReadinessStatus;
  reason: ReadinessReason;
  /** Monday of the week the reason is about (a stock-out), if any; and how far into the peak it falls. */
  reasonWeek: string | null;
  daysIntoPeak: number | null;
  /** Latest stock count and its date; null when none was recorded (then taken as empty). */
  onHand: number | null;
  countDate: string | null;
  inTransit: number;
  atPeakWithoutPlan: number;
  atPeak: number;
  required: number;
  safety: number;
  serviceLevel: number;
  coverDaysWithoutPlan: number | null;
  coverDays: number | null;
  stockoutWithoutPlan: string | null;
  plannedCases: number;
  shortCases: number;
  /** Who is short, and why: each need the plan could not meet, with its binding constraint(s). */
  shortfalls: CellShortfall[];
}

export interface ReadinessDistributorDetail {
  distributorId: number;
  code: string;
  name: string;
  areaName: string;
  keyAccount: boolean;
  relationshipLevel: number;
  volumeShare: number;
  leadTimeDays: number;
  warehouseCases: number;
  warehousePallets: number | null;
  peakStart: string | null;
  requiredCoverDays: number;
  /** The warehouse at the start of each week with the plan, cases and pallets. */
  occupancyCases: number[];
  occupancyPallets: number[];
  weeks: string[];
  cells: ReadinessCellFacts[];
}

export interface ReadinessCellDetail extends ReadinessCellFacts {
  distributorName: string;
  weeks: string[];
  /** Stock at the start of each week with nothing more shipped, and with the plan. */
  projected: number[];
  withPlan: number[];
  demand: number[];
  arrivals: number[];
  planned: number[];
  peakStartWeek: number | null;
  requiredCoverDays: number;
}

export interface ShipmentRow {
  id: number;
  distributorId: number;
  distributorName: string;
  productId: number;
  sku: string;
  cases: number;
  shipDate: string;
  arrivalDate: string;
  status: 'in_transit' | 'planned';
  source: 'manual' | 'plan';
}

export const readinessFilter = z.strictObject({
  areaId: id.optional(),
  salespersonId: id.optional(),
  status: z.enum(['green', 'amber', 'red']).optional(),
  brand: z.string().trim().min(1).max(80).optional(),
});
export type ReadinessFilter = z.output<typeof readinessFilter>;

const cases = z.int('Whole cases').min(0, 'Cannot be negative').max(1_000_000_000, 'Too large');

export const shipmentDraft = z
  .strictObject({
    distributorId: id,
    productId: id,
    cases: z.int('Whole cases').min(1, 'At least one case').max(1_000_000_000, 'Too large'),
    shipDate: isoDate,
    arrivalDate: isoDate,
    status: z.enum(['in_transit', 'planned']),
  })
  .refine((s) => s.arrivalDate >= s.shipDate, { path: ['arrivalDate'], message: 'Arrives before it ships' });

export const readinessContract = {
  'readiness.board': query<ReadinessBoard>()(readinessFilter),
  'readiness.plan': query<Page<PlanLine>>()(readinessFilter.extend({ week: isoDate.optional(), distributorId: id.optional(), ...page })),
  'readiness.shortfalls': query<Page<ShortfallLine>>()(readinessFilter.extend({ distributorId: id.optional(), ...page })),
  'readiness.distributor': query<ReadinessDistributorDetail>()(z.strictObject({ distributorId: id })),
  'readiness.cell': query<ReadinessCellDetail>()(z.strictObject({ distributorId: id, productId: id })),
  'readiness.settings': query<ReadinessSettings>()(z.strictObject({ regionId: id })),
  'readiness.saveSettings': mutation<ReadinessSettings>()(z.strictObject({ regionId: id, settings: readinessSettingsInput })),
  'readiness.setCapacity': mutation<{ saved: true }>()(z.strictObject({ regionId: id, casesPerWeek: cases.nullable() })),
  'readiness.setGroupCapacity': mutation<{ saved: true }>()(
    z.strictObject({ regionId: id, pack: z.enum(PACK_GROUPS), casesPerWeek: cases.nullable() }),
  ),
  'readiness.setPalletCapacity': mutation<{ saved: true }>()(
    z.strictObject({
      distributorId: id,
      pallets: z.int('Whole pallets').min(0, 'Cannot be negative').max(10_000_000, 'Too large').nullable(),
    }),
  ),
  'readiness.palletSizes': query<Array<{ productId: number; sku: string; name: string; pack: PackGroup; casesPerPallet: number }>>()(
    z.strictObject({}),
  ),
  'readiness.setCasesPerPallet': mutation<{ saved: true }>()(
    z.strictObject({ productId: id, casesPerPallet: z.int('Whole cases').min(1, 'At least one case').max(10_000, 'At most 10,000') }),
  ),
  'readiness.acceptPlan': mutation<{ shipments: number; cases: number }>()(z.strictObject({})),
  /** The same, as a background job with progress and Cancel (a national plan is a million lines); a solo desktop's screens use it. `shipments`: the lines it writes. */
  'readiness.acceptPlanStart': mutation<{ jobId: number; shipments: number }>()(z.strictObject({})),
  'readiness.exportPlan': query<{ fileName: string; mimeType: string; contentBase64: string; rows: number }>()(
    readinessFilter.extend({ format: z.enum(['csv', 'xlsx']), language: exportLanguage }),
  ),
  /** A count beyond the warehouse or far above the history is refused with an issue on 'confirm' until confirmed. */
  'stock.set': mutation<{ saved: true }>()(
    z.strictObject({ distributorId: id, productId: id, date: isoDate, cases, confirm: z.boolean().optional() }),
  ),
  'shipment.list': query<Page<ShipmentRow>>()(
    z.strictObject({
      status: z.enum(['in_transit', 'planned']).optional(),
      source: z.enum(['manual', 'plan']).optional(),
      distributorId: id.optional(),
      /** Monday of a ship week: only shipments sent that week. */
      shipWeek: isoDate.optional(),
      ...page,
    }),
  ),
  'shipment.create': mutation<ShipmentRow>()(shipmentDraft),
  'shipment.markShipped': mutation<ShipmentRow>()(z.strictObject({ id })),
  'shipment.delete': mutation<{ deleted: true }>()(z.strictObject({ id })),
} as const;
