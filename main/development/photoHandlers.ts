import type { visitPhotosContract } from '../../shared/contract/visitPhotos.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
import { scopeOf } from '../people/readScope.js';
import { getVisitPhoto } from './visitPhotos.js';

export const visitPhotoHandlers = {
  'visit.photo': (ctx, { visitId }) => getVisitPhoto(ctx.db, visitId, scopeOf(ctx)),
} satisfies FeatureHandlers<typeof visitPhotosContract>;
