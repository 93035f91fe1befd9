import { z } from 'zod';
import { query } from './define.js';
import { id } from './fields.js';

/**
 * What deleting a terminal or a product would do, asked before the confirmation: with history it is
 * archived (hidden from lists and pickers, kept in history, reports and agreed versions), not deleted.
 */
export interface TerminalDeleteImpact {
  history: { visits: number; prospectSteps: number };
  archives: boolean;
}

export interface ProductDeleteImpact {
  history: { salesHistoryRows: number; targetCells: number; stockCounts: number; shipments: number };
  archives: boolean;
}

export const archiveContract = {
  'terminal.deleteImpact': query<TerminalDeleteImpact>()(z.strictObject({ id })),
  'product.deleteImpact': query<ProductDeleteImpact>()(z.strictObject({ id })),
} as const;
