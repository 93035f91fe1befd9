import type { FeatureHandlers } from '../api/handlers-type.js';
import type { dayworkContract } from '../../shared/contract/daywork.js';
import { dueOutlets } from './dueOutlets.js';

export const dayworkHandlers = {
  'dayRoute.due': ({ db }, input) => dueOutlets(db, input),
} satisfies FeatureHandlers<typeof dayworkContract>;
