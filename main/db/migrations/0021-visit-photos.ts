import type { Migration } from './index.js';

/**
 * A visit's optional photo, one per visit, removed with it. The image is kept as base64 text, as it
 * arrives from the phone: synced rows travel as JSON (main/sync), where a BLOB would not survive
 * the trip. `bytes` is the decoded size, checked against the limit when it is stored.
 */
export const m0021VisitPhotos: Migration = {
  version: 21,
  name: 'visit-photos',
  up(db) {
    db.exec(`
      CREATE TABLE visit_photos (
        visit_id INTEGER PRIMARY KEY REFERENCES visits(id) ON DELETE CASCADE,
        mime_type TEXT NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png', 'image/webp')),
        data_base64 TEXT NOT NULL,
        bytes INTEGER NOT NULL CHECK (bytes > 0),
        created_at TEXT NOT NULL
      );
    `);
  },
};
