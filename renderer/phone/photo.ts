import { VISIT_PHOTO_MAX_BYTES } from '../../shared/domain/visitPhotos.js';

/** The longest side a visit photo keeps: enough to read a shelf or a price list, small enough to send on a weak signal. */
export const PHOTO_LONGEST_SIDE = 1280;

export interface ScaledPhoto {
  mimeType: 'image/jpeg';
  dataBase64: string;
  bytes: number;
  width: number;
  height: number;
}

export class PhotoError extends Error {
  constructor(readonly reason: 'notImage' | 'tooLarge') {
    super(reason);
  }
}

/**
 * Scales a photo down in the browser (canvas, longest side 1280 px, JPEG) so that it is small
 * enough to wait in the outbox and travel with the visit; a lower quality is tried when a busy
 * picture is still over the server's limit. A file the browser cannot decode is not an image.
 */
export async function scalePhoto(file: Blob): Promise<ScaledPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new PhotoError('notImage');
  }
  const scale = Math.min(1, PHOTO_LONGEST_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new PhotoError('notImage');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  for (const quality of [0.82, 0.65, 0.45]) {
    const dataUrl = canvas.toDataURL('image/jpeg', quality);
    const dataBase64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
    const bytes = Math.floor((dataBase64.length * 3) / 4) - (dataBase64.endsWith('==') ? 2 : dataBase64.endsWith('=') ? 1 : 0);
    if (bytes <= VISIT_PHOTO_MAX_BYTES) return { mimeType: 'image/jpeg', dataBase64, bytes, width, height };
  }
  throw new PhotoError('tooLarge');
}
