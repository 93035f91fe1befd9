import type { Migration } from './index.js';

/**
 * The team's rules in a table that travels with the team's data: the key-account lines and weights,
 * the scorecard's weights and thresholds, the large-jump share of targets and the readiness settings
 * were desktop settings, so a manager's change reached the team server (the call is replayed there)
 * but no other desktop: a salesperson's scorecard and segments were computed with the defaults while
 * the manager's screen used the manager's rules.
 *
 * A solo desktop or a team server keeps the rules it had. A connected desktop drops its own copies:
 * its rules are the server's, which it receives with its data. On a team server's file the moved rows
 * are logged (one version each, above every version so far), so desktops already in sync pull them.
 */
const KEYS = ['accounts.settings', 'development.scoring', 'targets.rules', 'readiness.settings'];

export const m0031TeamRules: Migration = {
  version: 31,
  name: 'team-rules',
  up(db) {
    db.exec('CREATE TABLE team_rules (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID');
    const keys = `(${KEYS.map((k) => `'${k}'`).join(', ')})`;
    const connected = db.prepare('SELECT 1 FROM sync_link').get() !== undefined;
    if (!connected) db.exec(`INSERT INTO team_rules (key, value) SELECT key, value FROM settings WHERE key IN ${keys}`);
    db.exec(`DELETE FROM settings WHERE key IN ${keys}`);
    if (db.prepare('SELECT 1 FROM sync_server').get() !== undefined)
      db.exec(`
        INSERT INTO sync_versions (tbl, pk, version)
        SELECT 'team_rules', key, (SELECT coalesce(max(version), 0) FROM sync_versions) + row_number() OVER (ORDER BY key)
        FROM team_rules`);
  },
};
