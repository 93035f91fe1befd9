import { randomUUID } from 'node:crypto';
import { nowIso, type Db } from '../db/open.js';
import { keySql, SYNCED_TABLES } from '../sync/tables.js';

/**
 * The server's change log: every write to a synced table records (table, key) with a version one
 * above the highest so far. SQLite has one writer at a time, so versions grow in commit order and a
 * desktop that holds everything up to version V needs exactly the rows logged above V.
 *
 * Permanent triggers (not TEMP, unlike the history's): every program writing the server's file is
 * logged, the import command and the forecast worker included. Only a team server's file has them
 * (installed at its start; a desktop's file never does), and they are recreated at each start from
 * SYNCED_TABLES, so a table added later is covered.
 */
export function installChangeLog(db: Db): string {
  const existing = db.prepare('SELECT server_id FROM sync_server WHERE id = 1').pluck().get() as string | undefined;
  const serverId = existing ?? randomUUID();
  db.transaction(() => {
    if (!existing) db.prepare('INSERT INTO sync_server (id, server_id, created_at) VALUES (1, ?, ?)').run(serverId, nowIso());
    const old = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_log\\_%' ESCAPE '\\'")
      .pluck()
      .all() as string[];
    for (const name of old) db.exec(`DROP TRIGGER "${name}"`);
    const version = '(SELECT coalesce(max(version), 0) + 1 FROM sync_versions)';
    for (const t of SYNCED_TABLES) {
      // No OR REPLACE: an outer statement's own conflict clause would override it (SQLite's rule).
      const log = (row: 'NEW' | 'OLD') => `
        UPDATE sync_versions SET version = ${version} WHERE tbl = '${t.name}' AND pk = ${keySql(t, row)};
        INSERT INTO sync_versions (tbl, pk, version) SELECT '${t.name}', ${keySql(t, row)}, ${version}
          WHERE NOT EXISTS (SELECT 1 FROM sync_versions WHERE tbl = '${t.name}' AND pk = ${keySql(t, row)});`;
      db.exec(`CREATE TRIGGER sync_log_${t.name}_insert AFTER INSERT ON ${t.name} BEGIN ${log('NEW')} END`);
      db.exec(`CREATE TRIGGER sync_log_${t.name}_update AFTER UPDATE ON ${t.name} BEGIN ${log('OLD')} ${log('NEW')} END`);
      db.exec(`CREATE TRIGGER sync_log_${t.name}_delete AFTER DELETE ON ${t.name} BEGIN ${log('OLD')} END`);
    }
  })();
  return serverId;
}

export function currentVersion(db: Db): number {
  return db.prepare('SELECT coalesce(max(version), 0) FROM sync_versions').pluck().get() as number;
}
