/** The monthly scorecard: fulfilment by indicator, rank, rewards and penalties decided, their settings and history. */
import { z } from 'zod';
import { DECISIONS, INDICATORS, type Decision, type Indicator, type IndicatorNumbers, type PlanStatus } from '../../domain/development.js';
import { exportLanguage } from '../../exports/words.js';
import { mutation, query } from '../define.js';
import { id, optionalText, yearMonth } from '../fields.js';
import type { ExportedFile } from './common.js';

export interface ScoringSettings {
  weights: Record<Indicator, number>;
  thresholds: { reward: number; penalty: number };
  cap: number;
}

export interface ScorecardRow {
  salespersonId: number;
  salespersonName: string;
  regionId: number;
  regionName: string;
  planStatus: PlanStatus | null;
  plan: IndicatorNumbers | null;
  actual: IndicatorNumbers;
  fulfilment: Record<Indicator, number | null>;
  total: number | null;
  rank: number | null;
  teamSize: number;
  suggestion: Decision;
  decision: Decision | null;
  note: string | null;
  decidedAt: string | null;
}

export interface Scorecard {
  month: string;
  /**
   * Each shown region's weights and lines, by region name: every region's manager sets their own.
   * A month is scored with those of its decisions once decided.
   */
  rules: Array<{ regionId: number; regionName: string; settings: ScoringSettings }>;
  /** The month has not ended yet: numbers may still move and nothing can be decided. */
  provisional: boolean;
  /**
   * For a month in progress, the share of its working days passed (today counted): provisional totals
   * are read against it ("on pace", "behind pace") instead of against the whole month. Null otherwise.
   */
  pace: number | null;
  rows: ScorecardRow[];
}

export interface EvaluationHistoryRow {
  salespersonId: number;
  salespersonName: string;
  month: string;
  total: number | null;
  rank: number | null;
  teamSize: number | null;
  decision: Decision;
  note: string | null;
  decidedAt: string;
}

export const scoringInput = z
  .strictObject({
    weights: z.strictObject(
      Object.fromEntries(INDICATORS.map((k) => [k, z.number().min(0, 'Cannot be negative').max(10, 'At most 10')])) as Record<
        Indicator,
        z.ZodNumber
      >,
    ),
    thresholds: z
      .strictObject({ reward: z.number().min(0).max(2), penalty: z.number().min(0).max(2) })
      .refine((t) => t.penalty <= t.reward, { message: 'The penalty line must not be above the reward line', path: ['penalty'] }),
    cap: z.number().min(1, 'At least 100%').max(3, 'At most 300%'),
  })
  .refine((s) => INDICATORS.some((k) => s.weights[k] > 0), { message: 'At least one indicator needs a weight', path: ['weights'] });

export const evaluationContract = {
  'evaluation.scorecard': query<Scorecard>()(z.strictObject({ month: yearMonth, regionId: id.optional() })),
  'evaluation.decide': mutation<ScorecardRow>()(
    z.strictObject({
      salespersonId: id,
      month: yearMonth,
      decision: z.enum(DECISIONS),
      note: optionalText(1000),
      managerId: id.optional(),
    }),
  ),
  'evaluation.settings': query<ScoringSettings>()(z.strictObject({ regionId: id })),
  'evaluation.saveSettings': mutation<ScoringSettings>()(z.strictObject({ regionId: id, settings: scoringInput })),
  'evaluation.history': query<EvaluationHistoryRow[]>()(z.strictObject({ salespersonId: id.optional(), regionId: id.optional() })),
  'evaluation.export': query<ExportedFile>()(z.strictObject({ month: yearMonth, regionId: id.optional(), language: exportLanguage })),
} as const;
