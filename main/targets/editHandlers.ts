import type { FeatureHandlers } from '../api/handlers-type.js';
import type { targetEditsContract } from '../../shared/contract/targetEdits.js';
import { getPlan, loadCells } from './service.js';
import { previewEdit } from './typed.js';

export const targetEditHandlers = {
  'targets.editPreview': ({ db }, { planId, at, value }) => {
    getPlan(db, planId);
    // Only the edited distributor's cells matter for a cell or SKU edit; a brand edit at distributor level needs the region.
    return previewEdit(db, planId, at, value, loadCells(db, planId, at.level === 'distributor' ? undefined : at.distributorId));
  },
} satisfies FeatureHandlers<typeof targetEditsContract>;
