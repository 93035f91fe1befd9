/** Visits logged to outlets, with their purpose, outcome and next step. */
import { z } from 'zod';
import {
  OUTLET_TYPES,
  VISIT_OUTCOMES,
  VISIT_PURPOSES,
  type OutletType,
  type Stage,
  type VisitOutcome,
  type VisitPurpose,
} from '../../domain/development.js';
import { mutation, query } from '../define.js';
import { visitPhotoInput } from '../visitPhotos.js';
import { id, isoDate, optionalIsoDate, optionalText } from '../fields.js';

export interface Visit {
  id: number;
  salespersonId: number;
  salespersonName: string;
  day: string;
  outletType: OutletType | 'distributor';
  outletId: number;
  outletName: string;
  purpose: VisitPurpose;
  outcome: VisitOutcome;
  nextStep: string | null;
  nextDate: string | null;
  note: string | null;
  stageBefore: Stage | null;
  stageAfter: Stage | null;
  /** A photo was logged with it (visit.photo reads it). */
  hasPhoto: boolean;
}

export const visitInput = z
  .strictObject({
    salespersonId: id,
    day: isoDate,
    outletType: z.enum([...OUTLET_TYPES, 'distributor']),
    outletId: id,
    purpose: z.enum(VISIT_PURPOSES),
    outcome: z.enum(VISIT_OUTCOMES),
    nextStep: optionalText(300),
    nextDate: optionalIsoDate,
    note: optionalText(1000),
    photo: visitPhotoInput.optional(),
  })
  .superRefine((v, ctx) => {
    // A refusal closes the prospect: the reason is what the next salesperson needs to know.
    if (v.outcome === 'rejected' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say why they said no' });
    if (v.nextDate && v.nextDate < v.day)
      ctx.addIssue({ code: 'custom', path: ['nextDate'], message: 'The next step comes after the visit' });
  });
export type VisitInput = z.output<typeof visitInput>;

export const visitContract = {
  'visit.log': mutation<Visit>()(visitInput),
  'visit.list': query<Visit[]>()(
    z.strictObject({
      salespersonId: id.optional(),
      from: isoDate,
      to: isoDate,
      outletType: z.enum([...OUTLET_TYPES, 'distributor']).optional(),
      outletId: id.optional(),
    }),
  ),
  'visit.delete': mutation<{ deleted: true }>()(z.strictObject({ id })),
} as const;
