import type { Migration } from './index.js';

/**
 * People, sign-in and the record history.
 *
 * Staff records become the people who sign in: the `staff` table keeps its name and rows (every
 * owner column already points at it), and gains an administrator flag, an optional password hash and
 * an archive date. The built-in administrator (person 0) is not a row: it exists before any region
 * does, so a fresh database can be set up. Existing rows already carry their owner where one can be
 * inferred (plans, visits, reviews, evaluations by salesperson; decisions by `decided_by`).
 *
 * `record_history` is append-only: triggers refuse every UPDATE and DELETE. Actor columns are plain
 * values, not foreign keys, so a row outlives the person and survives a restore into another file.
 */
export const m0012People: Migration = {
  version: 12,
  name: 'people',
  up(db) {
    db.exec(`
      ALTER TABLE staff ADD COLUMN admin INTEGER NOT NULL DEFAULT 0 CHECK (admin IN (0, 1));
      ALTER TABLE staff ADD COLUMN password_hash TEXT;
      ALTER TABLE staff ADD COLUMN archived_at TEXT;

      -- How this database signs people in: chosen at first start (NULL until then).
      CREATE TABLE auth_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        mode TEXT CHECK (mode IN ('none', 'password')),
        admin_password_hash TEXT,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE record_history (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id INTEGER,
        actor_code TEXT,
        method TEXT,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'call')),
        -- {"field": [before, after]} of the fields that changed; for a call, a summary of its input and result
        changes TEXT NOT NULL,
        reason TEXT
      );
      CREATE INDEX record_history_entity ON record_history(entity, entity_id);
      CREATE TRIGGER record_history_no_update BEFORE UPDATE ON record_history BEGIN
        SELECT RAISE(ABORT, 'The history is append-only');
      END;
      CREATE TRIGGER record_history_no_delete BEFORE DELETE ON record_history BEGIN
        SELECT RAISE(ABORT, 'The history is append-only');
      END;
    `);
  },
};
