import type { FeatureHandlers } from '../api/handlers-type.js';
import type { dayworkContract } from '../../shared/contract/daywork.js';
import { dueOutlets } from './dueOutlets.js';
import { bulkShippedPreview, markShippedBulk } from './bulkShipped.js';

export const dayworkHandlers = {
  'dayRoute.due': ({ db }, input) => dueOutlets(db, input),
  'shipment.bulkPreview': ({ db }, input) => bulkShippedPreview(db, input),
  'shipment.markShippedBulk': ({ db }, input) => markShippedBulk(db, input),
} satisfies FeatureHandlers<typeof dayworkContract>;
