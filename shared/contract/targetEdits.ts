import { z } from 'zod';
import { query } from './define.js';
import type { RuleRefusal } from './result.js';
import { id, yearMonth } from './fields.js';

/** What a target edit would move before it moves it. */
export interface TargetEditPreview {
  /** False when the edit cannot be absorbed (locked cells); `message` says why. Nothing is written either way. */
  ok: boolean;
  message: string | null;
  /** The refused rule, so the screen words it in the person's language (rules:refusal.<code>). */
  rule?: RuleRefusal;
  before: number;
  after: number;
  /** The other parts of the same total that give or take the difference, at the level being edited. */
  moved: Array<{ key: string; label: string; before: number; after: number }>;
  cellsMoved: number;
  /** Locked (typed) cells in the same total that stay as they are. */
  lockedKept: number;
}

const level = z.discriminatedUnion('level', [
  z.strictObject({ level: z.literal('distributor'), distributorId: id, brand: z.string().trim().min(1).max(80) }),
  z.strictObject({ level: z.literal('sku'), distributorId: id, productId: id }),
  z.strictObject({ level: z.literal('cell'), distributorId: id, productId: id, month: yearMonth }),
]);

export const targetEditsContract = {
  'targets.editPreview': query<TargetEditPreview>()(
    z.strictObject({ planId: id, at: level, value: z.int('Whole cases').min(0, 'Cannot be negative').max(1_000_000_000) }),
  ),
} as const;
