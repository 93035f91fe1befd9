import type { Migration } from './index.js';

/**
 * The team server and the desktop sync engine (SYNC-DESIGN.md). Both sides use the same schema, so
 * a file knows only by its rows what it is: a team server has its `sync_server` row, a connected
 * desktop its `sync_link` row, a solo desktop neither (and every table here stays empty).
 *
 * Server side:
 * - `sync_versions`: one row per (table, key) written since the server started logging, with the
 *   version of its last write. Versions grow in commit order (SQLite has one writer), so a
 *   desktop's cursor is "the highest version I hold". Written by triggers the server installs
 *   (main/team/changelog.ts), so every writer of the server file is logged, the import command too.
 * - `sync_clients`: each connected desktop (or phone): its number (its id range), person, last seq.
 * - `sync_results`: the outcome of each queue entry, so a replayed entry answers the stored result.
 * - `sync_sessions`: device tokens (hashed), with their expiry.
 *
 * Desktop side:
 * - `sync_link`: the server it syncs with, the pinned certificate, its client id and cursor.
 * - `sync_queue`: calls made here not yet answered; `sync_touched`: the rows each of them wrote.
 * - `sync_refusals`: calls the server refused, until the person has read them.
 */
export const m0019Sync: Migration = {
  version: 19,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_server (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        server_id TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sync_versions (
        tbl TEXT NOT NULL,
        pk TEXT NOT NULL,
        version INTEGER NOT NULL,
        PRIMARY KEY (tbl, pk)
      ) WITHOUT ROWID;
      CREATE INDEX sync_versions_version ON sync_versions(version);
      CREATE TABLE sync_clients (
        client_id TEXT PRIMARY KEY,
        client_no INTEGER NOT NULL UNIQUE CHECK (client_no BETWEEN 1 AND 1048576),
        person_id INTEGER NOT NULL,
        device_name TEXT NOT NULL,
        last_seq INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sync_results (
        client_id TEXT NOT NULL REFERENCES sync_clients(client_id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        method TEXT NOT NULL,
        ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
        error TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (client_id, seq)
      ) WITHOUT ROWID;
      CREATE TABLE sync_sessions (
        token_hash TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES sync_clients(client_id) ON DELETE CASCADE,
        expires_at TEXT NOT NULL
      );
      -- a client's sessions, when a device is removed or signs in again
      CREATE INDEX sync_sessions_client ON sync_sessions(client_id);

      CREATE TABLE sync_link (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        server_url TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        server_id TEXT NOT NULL,
        client_id TEXT NOT NULL,
        client_no INTEGER NOT NULL,
        token TEXT NOT NULL,
        person TEXT NOT NULL,
        cursor INTEGER NOT NULL DEFAULT 0,
        -- the seq the next queued call takes: never reused, even after the queue empties
        next_seq INTEGER NOT NULL DEFAULT 1,
        -- 0 until the first sync's snapshot is complete
        ready INTEGER NOT NULL DEFAULT 0,
        last_sync_at TEXT,
        offline_since TEXT,
        last_error TEXT,
        -- 1 after the person chose to stop syncing: the data stays, nothing is sent
        stopped INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE sync_queue (
        seq INTEGER PRIMARY KEY,
        method TEXT NOT NULL,
        input TEXT NOT NULL,
        ids TEXT NOT NULL,
        summary TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE TABLE sync_touched (
        seq INTEGER NOT NULL,
        tbl TEXT NOT NULL,
        pk TEXT NOT NULL,
        PRIMARY KEY (seq, tbl, pk)
      ) WITHOUT ROWID;
      CREATE INDEX sync_touched_key ON sync_touched(tbl, pk);
      CREATE TABLE sync_refusals (
        seq INTEGER PRIMARY KEY,
        method TEXT NOT NULL,
        summary TEXT NOT NULL,
        message TEXT NOT NULL,
        code TEXT,
        rule TEXT,
        at TEXT NOT NULL,
        acknowledged INTEGER NOT NULL DEFAULT 0
      );
    `);
  },
};
