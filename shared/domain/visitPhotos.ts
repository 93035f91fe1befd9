/**
 * What a visit photo may be (the server's rule; the phone scales to fit it). Kept free of zod so
 * the phone's bundle can read it.
 */
export const VISIT_PHOTO_MAX_BYTES = 600 * 1024;
export const VISIT_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
