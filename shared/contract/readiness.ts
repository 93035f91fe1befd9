import { z } from 'zod';
import { mutation, query } from './define.js';
import { id, isoDate } from './fields.js';

export type ReadinessStatus = 'green' | 'amber' | 'red';

export interface ReadinessSettings {
  requiredCoverDays: number;
  /** Service level for key accounts (relationship level 3) and for everyone else. */
  serviceLevelKey: number;
  serviceLevelOther: number;
  priorityRule: 'key_accounts_then_volume' | 'volume';
}

export const readinessSettingsInput = z.strictObject({
  requiredCoverDays: z.int().min(1, 'At least one day').max(120, 'At most 120 days'),
  serviceLevelKey: z.number().min(0.5).max(0.999),
  serviceLevelOther: z.number().min(0.5).max(0.999),
  priorityRule: z.enum(['key_accounts_then_volume', 'volume']),
});

export interface ReadinessCellSummary {
  productId: number;
  status: ReadinessStatus;
  reason: string;
  coverDays: number | null;
  required: number;
  atPeak: number;
  onHand: number | null;
}

export interface ReadinessRow {
  distributorId: number;
  code: string;
  name: string;
  areaName: string;
  salespersonName: string | null;
  keyAccount: boolean;
  peakStart: string;
  counts: Record<ReadinessStatus, number>;
  cells: ReadinessCellSummary[];
}

export interface PlanLine {
  distributorId: number;
  distributorName: string;
  productId: number;
  sku: string;
  shipWeek: string;
  arrivalWeek: string;
  cases: number;
  pallets: number;
}

export interface ShortfallLine {
  distributorId: number;
  distributorName: string;
  productId: number;
  sku: string;
  dueWeek: string;
  cases: number;
  reason: 'shipping_capacity' | 'warehouse_capacity' | 'lead_time';
}

export interface ReadinessBoard {
  today: string;
  weeks: string[];
  settings: ReadinessSettings;
  skus: Array<{ id: number; sku: string; name: string; brand: string }>;
  rows: ReadinessRow[];
  totals: Record<ReadinessStatus, number>;
  plan: PlanLine[];
  shortfalls: ShortfallLine[];
  capacity: Array<{ regionId: number; regionName: string; casesPerWeek: number | null; used: number[] }>;
  changes: Array<{ distributorName: string; sku: string; from: ReadinessStatus; to: ReadinessStatus }>;
  lastAccepted: string | null;
  computeMs: number;
  missing: { forecast: boolean; stock: number };
}

export interface ReadinessCellDetail {
  distributorName: string;
  sku: string;
  weeks: string[];
  projected: number[];
  withPlan: number[];
  demand: number[];
  arrivals: number[];
  required: number;
  peakStartWeek: number;
  status: ReadinessStatus;
  reason: string;
}

export const readinessFilter = z.strictObject({
  areaId: id.optional(),
  salespersonId: id.optional(),
  status: z.enum(['green', 'amber', 'red']).optional(),
  brand: z.string().trim().min(1).max(80).optional(),
});

export const readinessContract = {
  'readiness.board': query<ReadinessBoard>()(readinessFilter),
  'readiness.cell': query<ReadinessCellDetail>()(z.strictObject({ distributorId: id, productId: id })),
  'readiness.settings': query<ReadinessSettings>()(z.strictObject({})),
  'readiness.saveSettings': mutation<ReadinessSettings>()(readinessSettingsInput),
  'readiness.setCapacity': mutation<{ saved: true }>()(z.strictObject({ regionId: id, casesPerWeek: z.int().min(0).max(1e9).nullable() })),
  'readiness.acceptPlan': mutation<{ shipments: number }>()(z.strictObject({})),
  'readiness.exportPlan': query<{ fileName: string; mimeType: string; contentBase64: string; rows: number }>()(z.strictObject({ format: z.enum(['csv', 'xlsx']) })),
  'stock.set': mutation<{ saved: true }>()(z.strictObject({ distributorId: id, productId: id, date: isoDate, cases: z.int().min(0).max(1e9) })),
} as const;
