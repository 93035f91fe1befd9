import type { FeatureHandlers } from '../api/handlers-type.js';
import type { targetEditsContract } from '../../shared/contract/targetEdits.js';
import { getPlan, loadScopedCells, scopeOf } from './service.js';
import { previewEdit } from './typed.js';

export const targetEditHandlers = {
  'targets.editPreview': ({ db }, { planId, at, value }) => {
    getPlan(db, planId);
    // Only the cells the edit can move, as the edit itself reads them (a brand edit at distributor level: the brand's line).
    return previewEdit(db, planId, at, value, loadScopedCells(db, planId, scopeOf(db, at)));
  },
} satisfies FeatureHandlers<typeof targetEditsContract>;
