/** The prospect pipeline: outlets being won, stage by stage. */
import { z } from 'zod';
import { STAGES, type OutletType, type Stage } from '../../domain/development.js';
import { mutation, query } from '../define.js';
import { id, optionalIsoDate, optionalText, page, search, type Page } from '../fields.js';
import { count, outletKey, outletType, priority } from './common.js';

export interface PipelineItem {
  outletType: OutletType;
  outletId: number;
  code: string;
  name: string;
  /** The outlet's status in the network: a signed prospect is `active`. */
  outletStatus: 'prospect' | 'active' | 'lost';
  channel: string | null;
  areaId: number;
  areaName: string;
  distributorName: string;
  address: string | null;
  stage: Stage;
  stageOn: string;
  rejectReason: string | null;
  /** A refused prospect is asked again on this day (three months after the refusal unless chosen). */
  revisitOn: string | null;
  competitorHeld: boolean;
  competitorBrand: string | null;
  ownerId: number | null;
  ownerName: string | null;
  priority: number;
  estimatedVolume: number | null;
  note: string | null;
  latitude: number | null;
  longitude: number | null;
  lastVisit: string | null;
  visits: number;
}

export interface PipelineList extends Page<PipelineItem> {
  /** Count per stage under the same filters (stage filter aside): the board's column headers. */
  stageCounts: Record<Stage, number>;
}

export interface OutletCandidate {
  outletType: OutletType;
  outletId: number;
  code: string;
  name: string;
  status: 'prospect' | 'active' | 'lost';
  areaName: string;
  distributorName: string;
  competitorBrand: string | null;
  inPipeline: boolean;
  stage: Stage | null;
  hasCoordinates: boolean;
}

const prospectFields = {
  ownerId: id.nullable(),
  priority,
  estimatedVolume: count.nullable(),
  competitorHeld: z.boolean(),
  competitorBrand: optionalText(80),
  note: optionalText(1000),
};

export const pipelineListInput = z.strictObject({
  ownerId: id.optional(),
  areaId: id.optional(),
  stage: z.enum(STAGES).optional(),
  outletType: outletType.optional(),
  competitorHeld: z.boolean().optional(),
  priority: priority.optional(),
  /** Only prospects still being worked (not signed or rejected). */
  openOnly: z.boolean().optional(),
  search,
  sort: z.enum(['priority', 'name', 'stageOn', 'estimatedVolume', 'lastVisit']).default('priority'),
  ...page,
});
export type PipelineListInput = z.output<typeof pipelineListInput>;

export const pipelineContract = {
  'pipeline.list': query<PipelineList>()(pipelineListInput),
  'pipeline.candidates': query<OutletCandidate[]>()(
    z.strictObject({
      outletType: outletType.optional(),
      search,
      areaIds: z.array(id).max(50).optional(),
      includeActive: z.boolean().optional(),
    }),
  ),
  'pipeline.add': mutation<PipelineItem>()(z.strictObject({ ...outletKey, ...prospectFields, day: optionalIsoDate })),
  'pipeline.update': mutation<PipelineItem>()(z.strictObject({ ...outletKey, ...prospectFields })),
  'pipeline.move': mutation<PipelineItem>()(
    z
      .strictObject({
        ...outletKey,
        stage: z.enum(STAGES),
        rejectReason: optionalText(300),
        revisitOn: optionalIsoDate,
        day: optionalIsoDate,
      })
      .superRefine((p, ctx) => {
        if (p.stage === 'rejected' && !p.rejectReason)
          ctx.addIssue({ code: 'custom', path: ['rejectReason'], message: 'Say why they said no' });
      }),
  ),
  'pipeline.remove': mutation<{ removed: true }>()(z.strictObject(outletKey)),
} as const;
