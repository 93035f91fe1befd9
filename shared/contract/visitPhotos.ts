import { z } from 'zod';
import { query } from './define.js';
import { id } from './fields.js';
export { VISIT_PHOTO_MAX_BYTES, VISIT_PHOTO_TYPES } from '../domain/visitPhotos.js';

/**
 * A visit's photo (optional), taken on the phone and scaled down there (longest side 1280 px, JPEG),
 * so it travels inside the visit's queue entry and syncs with the visit. The server keeps at most
 * VISIT_PHOTO_MAX_BYTES of a JPEG, PNG or WebP image; anything else is refused with a rule code.
 */

/**
 * The schema only bounds the text so a request cannot be huge (8 MB of base64); the size and type
 * rules are the service's, so a refusal names the rule (rules:refusal.visitPhotoTooLarge / visitPhotoType).
 */
export const visitPhotoInput = z.strictObject({
  mimeType: z.string().trim().min(1).max(100),
  dataBase64: z.string().min(1, 'Empty photo').max(8_000_000, 'Photo too large'),
});
export type VisitPhotoInput = z.output<typeof visitPhotoInput>;

export interface VisitPhoto {
  visitId: number;
  mimeType: string;
  dataBase64: string;
  bytes: number;
}

export const visitPhotosContract = {
  /** The photo of a visit the person may see, or null when it has none. */
  'visit.photo': query<VisitPhoto | null>()(z.strictObject({ visitId: id })),
} as const;
