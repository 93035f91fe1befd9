import { z } from 'zod';
import { query } from './define.js';
import { id } from './fields.js';
import type { AccountSegmentRow, ChurnReasonView, ComplaintRow } from './accounts.js';
import type { Contact, Distributor } from './network.js';
import type { ReadinessCellFacts } from './readiness.js';

/** One month of the distributor's volume: actual (history), the same month a year earlier, the forecast. */
export interface BriefMonth {
  month: string;
  actual: number | null;
  lastYear: number | null;
  forecast: number | null;
  agreed: number | null;
}

export interface BriefMixRow {
  key: string;
  label: string;
  /** Cases in the last 12 months of history and the 12 before. */
  last12: number;
  previous12: number;
  share: number;
}

export interface BriefTargets {
  plan: { id: number; name: string; seasonYear: number; status: 'draft' | 'agreed' };
  months: Array<{ month: string; target: number; actual: number | null }>;
  target: number;
  /** Actual cases so far in the plan's months that have history; null before the season starts. */
  actual: number | null;
  agreed: Array<{ brand: string; target: number; agreed: number | null }>;
  newOutlets: number | null;
}

export interface BriefAccount {
  row: AccountSegmentRow;
  reasons: ChurnReasonView[];
  visitEveryDays: number;
  fit: 'safe' | 'watch' | 'alarm' | null;
  customerShare: number | null;
  openComplaints: ComplaintRow[];
  closedComplaints: number;
}

export interface BriefShipment {
  id: number;
  sku: string;
  productName: string;
  cases: number;
  shipDate: string;
  arrivalDate: string;
  status: 'planned' | 'in_transit';
}

export interface BriefReadiness {
  peakStart: string | null;
  keyAccount: boolean;
  requiredCoverDays: number;
  counts: { red: number; amber: number; green: number };
  /** Cells short at peak start (red or amber), worst first. */
  short: ReadinessCellFacts[];
}

export interface BriefEvent {
  eventId: number;
  kind: 'training' | 'trip';
  title: string;
  startsAt: string;
  rsvp: 'invited' | 'accepted' | 'tentative' | 'declined';
  attended: boolean | null;
  feedbackScore: number | null;
  feedbackComment: string | null;
}

export interface BriefFollowup {
  id: number;
  eventTitle: string | null;
  kind: 'opinion' | 'suggestion';
  text: string;
  status: 'open' | 'in_progress' | 'done';
  dueDate: string | null;
  ownerName: string | null;
}

export interface BriefPipelineItem {
  outletType: 'sub_dealer' | 'terminal';
  outletId: number;
  code: string;
  name: string;
  stage: string;
  ownerName: string | null;
  nextDate: string | null;
}

export interface BriefVisit {
  id: number;
  day: string;
  outletType: 'sub_dealer' | 'terminal' | 'distributor';
  outletName: string;
  areaName: string;
  salespersonName: string;
  outcome: string;
}

/** What a history line is about: the distributor itself or one of its records. */
export type BriefChangeRecord = 'distributor' | 'contact' | 'target' | 'account' | 'sub_dealer' | 'terminal';

/** One recorded change (main/people/history.ts), as the brief shows it: who, when, which action, before → after. */
export interface BriefChange {
  id: number;
  at: string;
  actorCode: string | null;
  actorName: string | null;
  method: string | null;
  action: 'create' | 'update' | 'delete' | 'call';
  record: BriefChangeRecord;
  /** The outlet, contact, brand or SKU the change is about; null for the distributor itself. */
  recordLabel: string | null;
  /** Ids are given as names (area, salesperson, product); `before` is null for what was not there. */
  fields: Array<{ field: string; before: unknown; after: unknown }>;
  reason: string | null;
}

export interface BriefHistory {
  /** Newest first, at most BRIEF_HISTORY_LIMIT. */
  entries: BriefChange[];
  total: number;
}

export interface DistributorBrief {
  distributor: Distributor & { regionName: string };
  today: string;
  contacts: Contact[];
  volume: { peakMonths: number[]; months: BriefMonth[]; last12: number; previous12: number };
  brands: BriefMixRow[];
  skus: BriefMixRow[];
  targets: BriefTargets | null;
  account: BriefAccount | null;
  readiness: BriefReadiness | null;
  shipments: { planned: number; inTransit: number; lines: BriefShipment[] };
  events: BriefEvent[];
  followups: BriefFollowup[];
  outlets: {
    subDealers: Record<'prospect' | 'active' | 'lost', number>;
    terminals: Record<'prospect' | 'active' | 'lost', number>;
    pipeline: Record<'prospect' | 'contacted' | 'negotiating' | 'signed' | 'rejected', number>;
    pipelineItems: BriefPipelineItem[];
    areas: string[];
    lastVisits: BriefVisit[];
  };
  /** The history of changes to the distributor and its records. */
  history: BriefHistory;
}

export const briefContract = {
  /** Everything about one distributor on one page, assembled in one call. */
  'distributor.brief': query<DistributorBrief>()(z.strictObject({ id })),
} as const;
