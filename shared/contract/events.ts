import { z } from 'zod';
import { mutation, query } from './define.js';
import { id, isoDate, optionalText } from './fields.js';
import { LANGUAGES } from './system.js';

export const TRAINING_TOPICS = ['future', 'cooperation', 'sales_policy', 'strategic_plan'] as const;
/** An invitee's answer; `tentative` is "maybe" (PARTSTAT=TENTATIVE in the calendar file). */
export const RSVPS = ['invited', 'accepted', 'tentative', 'declined'] as const;
export const FOLLOWUP_CATEGORIES = ['product', 'policy', 'logistics', 'marketing', 'service', 'other'] as const;

// The shape alone let 2026-12-03T25:61 through (and its .ics export then failed): zod's ISO check
// also refuses hours past 23, minutes past 59 and days a month does not have.
const dateTime = z.iso
  .datetime({ local: true, precision: -1, error: 'Use a real date and time like 2026-12-03T09:00' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Use a date and time like 2026-12-03T09:00');
const money = z
  .number()
  .min(0)
  .max(1e12)
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : Math.round(v * 100)));

export const eventDraft = z
  .strictObject({
    kind: z.enum(['training', 'trip']),
    title: z.string().trim().min(2, 'Required').max(200),
    topic: optionalText(200),
    trainer: optionalText(200),
    trainerKind: z
      .enum(['expert', 'leader'])
      .nullish()
      .transform((v) => v ?? null),
    representativeId: id.nullish().transform((v) => v ?? null),
    regionId: id.nullish().transform((v) => v ?? null),
    startsAt: dateTime,
    endsAt: dateTime,
    location: optionalText(300),
    capacity: z
      .int()
      .min(1)
      .max(100_000)
      .nullish()
      .transform((v) => v ?? null),
    budgetPerPerson: money,
    budgetTotal: money,
    eligibilityThreshold: z
      .number()
      .min(0)
      .max(5)
      .nullish()
      .transform((v) => v ?? null),
    notes: optionalText(2000),
    staffIds: z.array(id).max(50).default([]),
  })
  .superRefine((e, ctx) => {
    if (e.endsAt <= e.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Must end after it starts' });
  });
export type EventDraft = z.input<typeof eventDraft>;

export interface EventInvitee {
  distributorId: number;
  distributorName: string;
  contactId: number | null;
  contactName: string | null;
  rsvp: (typeof RSVPS)[number];
  attended: boolean | null;
  feedbackScore: number | null;
  feedbackComment: string | null;
}

export interface EventItem {
  id: number;
  kind: 'agenda' | 'discussion' | 'cost' | 'material';
  label: string;
  at: string | null;
  amount: number | null;
  url: string | null;
}

export interface EventConflict {
  kind: 'distributor_double_booked' | 'staff_double_booked' | 'over_capacity' | 'over_budget' | 'places_over_budget' | 'in_peak_season';
  /** English, for the command line; screens word `kind` with `params` (events:conflictKinds). */
  message: string;
  params: Record<string, string | number>;
}

export interface EventSummary {
  id: number;
  kind: 'training' | 'trip';
  title: string;
  topic: string | null;
  startsAt: string;
  endsAt: string;
  location: string | null;
  invited: number;
  accepted: number;
  attended: number;
  capacity: number | null;
  conflicts: EventConflict[];
}

export interface EventDetail extends EventSummary {
  trainer: string | null;
  trainerKind: 'expert' | 'leader' | null;
  representativeId: number | null;
  representativeName: string | null;
  regionId: number | null;
  budgetPerPerson: number | null;
  budgetTotal: number | null;
  actualCost: number;
  eligibilityThreshold: number | null;
  notes: string | null;
  staffIds: number[];
  invitees: EventInvitee[];
  items: EventItem[];
  averageFeedback: number | null;
  /** The start has passed on the region's wall clock: attendance and feedback can be recorded. */
  started: boolean;
}

export interface FollowupRow {
  id: number;
  eventId: number | null;
  eventTitle: string | null;
  distributorId: number | null;
  distributorName: string | null;
  kind: 'opinion' | 'suggestion';
  text: string;
  category: (typeof FOLLOWUP_CATEGORIES)[number];
  ownerId: number | null;
  ownerName: string | null;
  dueDate: string | null;
  status: 'open' | 'in_progress' | 'done';
  resolution: string | null;
  overdue: boolean;
  /** Made from a salesperson's weekly review: whose, and which week. */
  reviewSalespersonId: number | null;
  reviewWeekStart: string | null;
}

export const eventsContract = {
  'event.list': query<EventSummary[]>()(z.strictObject({ from: isoDate.optional(), to: isoDate.optional() })),
  'event.get': query<EventDetail>()(z.strictObject({ id })),
  /** A save whose event has conflicts is refused (issues on 'confirm', messages in the text) until confirm: true. */
  'event.create': mutation<EventDetail>()(z.strictObject({ draft: eventDraft, confirm: z.boolean().optional() })),
  'event.update': mutation<EventDetail>()(z.strictObject({ id, draft: eventDraft, confirm: z.boolean().optional() })),
  'event.delete': mutation<{ deleted: true }>()(z.strictObject({ id })),
  'event.invite': mutation<EventDetail>()(
    z.strictObject({ eventId: id, distributorIds: z.array(id).min(1, 'Choose at least one distributor').max(2000) }),
  ),
  'event.uninvite': mutation<EventDetail>()(z.strictObject({ eventId: id, distributorId: id })),
  'event.setInvitee': mutation<EventDetail>()(
    z.strictObject({
      eventId: id,
      distributorId: id,
      rsvp: z.enum(RSVPS).optional(),
      attended: z.boolean().nullable().optional(),
      feedbackScore: z.int().min(1).max(5).nullable().optional(),
      feedbackComment: optionalText(1000).optional(),
    }),
  ),
  'event.addItem': mutation<EventDetail>()(
    z.strictObject({
      eventId: id,
      kind: z.enum(['agenda', 'discussion', 'cost', 'material']),
      label: z.string().trim().min(1, 'Required').max(300),
      at: dateTime.nullish().transform((v) => v ?? null),
      amount: z
        .number()
        .min(0)
        .max(1e12)
        .nullish()
        .transform((v) => v ?? null),
      url: z
        .url({ protocol: /^https?$/, error: 'Use a web link (https://…)' })
        .max(1000)
        .nullish()
        .transform((v) => v ?? null),
    }),
  ),
  'event.removeItem': mutation<EventDetail>()(z.strictObject({ eventId: id, itemId: id })),
  'event.ics': query<{ fileName: string; mimeType: string; contentBase64: string; rows: number }>()(
    z.strictObject({ eventId: id, distributorId: id.optional(), language: z.enum(LANGUAGES).optional() }),
  ),
  'followup.list': query<FollowupRow[]>()(
    z.strictObject({ status: z.enum(['open', 'in_progress', 'done']).optional(), ownerId: id.optional(), eventId: id.optional() }),
  ),
  'followup.create': mutation<FollowupRow>()(
    z.strictObject({
      eventId: id.nullish().transform((v) => v ?? null),
      distributorId: id.nullish().transform((v) => v ?? null),
      kind: z.enum(['opinion', 'suggestion']),
      text: z.string().trim().min(3, 'Write down what they said').max(2000),
      category: z.enum(FOLLOWUP_CATEGORIES),
      ownerId: id.nullish().transform((v) => v ?? null),
      dueDate: isoDate.nullish().transform((v) => v ?? null),
      /** The weekly review whose problems this item follows up: made once per review (a second call returns it). */
      review: z
        .strictObject({ salespersonId: id, weekStart: isoDate })
        .nullish()
        .transform((v) => v ?? null),
    }),
  ),
  'followup.update': mutation<FollowupRow>()(
    z
      .strictObject({
        id,
        status: z.enum(['open', 'in_progress', 'done']),
        resolution: optionalText(2000),
        ownerId: id.nullish().transform((v) => v ?? null),
      })
      .superRefine((f, ctx) => {
        if (f.status === 'done' && !f.resolution)
          ctx.addIssue({ code: 'custom', path: ['resolution'], message: 'Say how it was resolved' });
      }),
  ),
} as const;
