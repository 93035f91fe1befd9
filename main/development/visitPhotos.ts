import type { VisitPhoto, VisitPhotoInput } from '../../shared/contract/visitPhotos.js';
import { VISIT_PHOTO_MAX_BYTES, VISIT_PHOTO_TYPES } from '../../shared/domain/visitPhotos.js';
import { refusal, ruleRefusal } from '../../shared/contract/result.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { staffInRegions, type RegionScope } from '../people/readScope.js';

/** The first bytes each accepted type starts with: the label alone is what the sender claims. */
const SIGNATURES: Record<(typeof VISIT_PHOTO_TYPES)[number], (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Checks a photo before anything is written: a JPEG, PNG or WebP image (by its bytes, not only its
 * label) of at most VISIT_PHOTO_MAX_BYTES. Returns its decoded size.
 */
export function checkVisitPhoto(photo: VisitPhotoInput): number {
  const type = photo.mimeType.toLowerCase() as (typeof VISIT_PHOTO_TYPES)[number];
  const bytes = BASE64.test(photo.dataBase64) && photo.dataBase64.length % 4 === 0 ? Buffer.from(photo.dataBase64, 'base64') : null;
  if (!(type in SIGNATURES) || !bytes || !SIGNATURES[type](bytes)) {
    throw ruleRefusal(
      'visitPhotoType',
      'The photo must be a JPEG, PNG or WebP image.',
      { type: photo.mimeType },
      { path: 'photo', message: 'Not a JPEG, PNG or WebP image' },
    );
  }
  if (bytes.length > VISIT_PHOTO_MAX_BYTES) {
    const kb = Math.ceil(bytes.length / 1024);
    const limitKb = VISIT_PHOTO_MAX_BYTES / 1024;
    throw ruleRefusal(
      'visitPhotoTooLarge',
      `The photo is ${kb} kB; a visit keeps at most ${limitKb} kB.`,
      { kb, limitKb },
      {
        path: 'photo',
        message: 'Too large',
      },
    );
  }
  return bytes.length;
}

/** Stores a checked photo with its visit (inside the visit's transaction). */
export function storeVisitPhoto(db: Db, visitId: number, photo: VisitPhotoInput, bytes: number): void {
  prepared(db, 'INSERT INTO visit_photos (visit_id, mime_type, data_base64, bytes, created_at) VALUES (?, ?, ?, ?, ?)').run(
    visitId,
    photo.mimeType.toLowerCase(),
    photo.dataBase64,
    bytes,
    nowIso(),
  );
}

/** A visit's photo, when the person may see the visit (their regions' salespeople); null when it has none. */
export function getVisitPhoto(db: Db, visitId: number, scope: RegionScope): VisitPhoto | null {
  const visible = db.prepare(`SELECT 1 FROM visits v WHERE v.id = ? AND ${staffInRegions('v.salesperson_id', scope)}`).get(visitId);
  if (!visible) throw refusal('not_found', 'recordGone', `Visit #${visitId} no longer exists.`, { what: 'Visit', id: visitId });
  const row = prepared(
    db,
    'SELECT visit_id AS visitId, mime_type AS mimeType, data_base64 AS dataBase64, bytes FROM visit_photos WHERE visit_id = ?',
  ).get(visitId) as VisitPhoto | undefined;
  return row ?? null;
}
