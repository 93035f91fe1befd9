import type { FeatureHandlers } from '../api/handlers-type.js';
import type { briefContract } from '../../shared/contract/brief.js';
import { distributorBrief } from './service.js';

export const briefHandlers = {
  'distributor.brief': ({ db }, { id }) => distributorBrief(db, id),
} satisfies FeatureHandlers<typeof briefContract>;
