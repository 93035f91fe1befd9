import { z } from 'zod';
import { mutation, query } from './define.js';
import { id, isoDate } from './fields.js';
import type { OutletType, Stage } from '../domain/development.js';

/** An outlet the plan or the pipeline says is due on a day, and why. */
export interface DueOutlet {
  outletType: OutletType;
  outletId: number;
  code: string;
  name: string;
  outletStatus: 'prospect' | 'active' | 'lost';
  channel: string | null;
  areaId: number;
  areaName: string;
  distributorName: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  stage: Stage | null;
  reason: 'next_step' | 'prospect' | 'not_visited';
  /** next_step: the date set; prospect: last visit (if any); not_visited: last visit, null = never. */
  detailDate: string | null;
  inPlanAreas: boolean;
}

export interface DueOutlets {
  day: string;
  weeks: number;
  /** False when the salesperson has no plan for the month: the areas are those assigned to them. */
  fromPlan: boolean;
  areas: Array<{ id: number; name: string }>;
  start: { lat: number; lng: number; source: 'day' | 'last_day' | 'centre' } | null;
  outlets: DueOutlet[];
}

export const bulkShipmentFilter = z.strictObject({
  /** Monday of the ship week. */
  weekStart: isoDate.optional(),
  distributorId: id.optional(),
  source: z.enum(['manual', 'plan']).optional(),
});
export type BulkShipmentFilter = z.output<typeof bulkShipmentFilter>;

export interface BulkShipmentPreview {
  shipments: number;
  cases: number;
  distributors: number;
  weeks: Array<{ week: string; shipments: number; cases: number }>;
}

export interface InviteCandidate {
  id: number;
  code: string;
  name: string;
  status: 'active' | 'on_hold' | 'ended';
  areaId: number;
  areaName: string;
  regionId: number;
  regionName: string;
  segment: 'EI' | 'EII' | 'EIII' | 'EIV' | null;
  invited: boolean;
}

export interface InviteList {
  name: string;
  distributorIds: number[];
}

export const dayworkContract = {
  'dayRoute.due': query<DueOutlets>()(z.strictObject({ salespersonId: id, day: isoDate, weeks: z.int().min(1).max(52).default(4) })),
  'shipment.bulkPreview': query<BulkShipmentPreview>()(bulkShipmentFilter),
  'shipment.markShippedBulk': mutation<{ shipments: number; cases: number }>()(
    bulkShipmentFilter.extend({ expected: z.int().min(1).max(1_000_000) }),
  ),
  'event.inviteCandidates': query<InviteCandidate[]>()(z.strictObject({ eventId: id })),
  'inviteList.list': query<InviteList[]>()(z.strictObject({})),
  'inviteList.save': mutation<InviteList[]>()(
    z.strictObject({ name: z.string().trim().min(1, 'Required').max(80), distributorIds: z.array(id).min(1).max(5000) }),
  ),
  'inviteList.delete': mutation<InviteList[]>()(z.strictObject({ name: z.string().trim().min(1).max(80) })),
} as const;
