import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../main/db/migrations/index.js';
import { openDatabase } from '../../main/db/open.js';
import { eachDemandSeries } from '../../main/forecast/demand.js';

const now = '2026-11-22T00:00:00.000Z';

/** Representative rows for the tables each version adds, so every later migration runs over data. */
const FIXTURES: Record<number, (db: Database.Database) => void> = {
  1: (db) => {
    // a desktop setting, and a team rule that 0031 moves to team_rules
    db.prepare(`INSERT INTO settings (key, value) VALUES ('language', '"zh"'), ('development.scoring', '{"cap":150}')`).run();
    db.prepare('INSERT INTO regions (id, code, name, created_at, updated_at) VALUES (1, ?, ?, ?, ?)').run('N', 'North', now, now);
    db.prepare('INSERT INTO region_peak_months (region_id, month) VALUES (1, 6), (1, 7)').run();
    db.prepare('INSERT INTO areas (id, code, name, region_id, created_at, updated_at) VALUES (1, ?, ?, 1, ?, ?)').run(
      'N1',
      'Riverside',
      now,
      now,
    );
    db.prepare(
      "INSERT INTO staff (id, code, name, role, region_id, created_at, updated_at) VALUES (1, 'E1', 'Li', 'salesperson', 1, ?, ?)",
    ).run(now, now);
    db.prepare(
      "INSERT INTO distributors (id, code, name, area_id, salesperson_id, lead_time_days, warehouse_capacity_cases, relationship_level, status, created_at, updated_at) VALUES (1, 'D1', 'Riverside Bev', 1, 1, 7, 1000, 2, 'active', ?, ?)",
    ).run(now, now);
    db.prepare(
      "INSERT INTO sub_dealers (id, code, name, distributor_id, area_id, status, created_at, updated_at) VALUES (1, 'S1', 'Wang', 1, 1, 'active', ?, ?)",
    ).run(now, now);
    db.prepare(
      "INSERT INTO terminals (id, code, name, channel, sub_dealer_id, area_id, status, created_at, updated_at) VALUES (1, 'T1', 'Grill', 'restaurant', 1, 1, 'active', ?, ?)",
    ).run(now, now);
    db.prepare("INSERT INTO contacts (distributor_id, name, level, created_at, updated_at) VALUES (1, 'Owner', 'owner', ?, ?)").run(
      now,
      now,
    );
    db.prepare(
      "INSERT INTO products (id, sku, name, brand, pack, size_ml, units_per_case, status, created_at, updated_at) VALUES (1, 'NS-1', 'Northstar', 'Northstar', 'can', 500, 24, 'active', ?, ?)",
    ).run(now, now);
  },
  2: (db) => {
    db.prepare("INSERT INTO sales_history (distributor_id, product_id, month, cases) VALUES (1, 1, '2026-06', 120)").run();
    db.prepare("INSERT INTO forecast_runs (id, started_at, finished_at, first_month, horizon) VALUES (1, ?, ?, '2026-11', 12)").run(
      now,
      now,
    );
    db.prepare(
      "INSERT INTO forecast_series (distributor_id, product_id, run_id, history_hash, method, model, params) VALUES (1, 1, 1, 'h', 'ets', 'ETS(A,N,N)', '{}')",
    ).run();
    db.prepare(
      "INSERT INTO forecast_values (distributor_id, product_id, month, point, lo80, hi80, lo95, hi95) VALUES (1, 1, '2026-11', 10, 8, 12, 6, 14)",
    ).run();
  },
  3: (db) => {
    db.prepare("INSERT INTO stock_snapshots (distributor_id, product_id, snapshot_date, cases) VALUES (1, 1, '2026-11-20', 300)").run();
    db.prepare(
      "INSERT INTO shipments (distributor_id, product_id, cases, ship_date, arrival_date, status, source, created_at) VALUES (1, 1, 50, '2026-11-20', '2026-11-27', 'in_transit', 'manual', ?)",
    ).run(now);
  },
  4: (db) => {
    db.prepare(
      "INSERT INTO target_plans (id, region_id, season_year, name, status, basis, months, created_at, updated_at) VALUES (1, 1, 2027, 'Peak', 'draft', 'forecast', '2027-06,2027-07', ?, ?)",
    ).run(now, now);
    db.prepare(
      "INSERT INTO target_cells (plan_id, distributor_id, product_id, month, target, natural, basis) VALUES (1, 1, 1, '2027-06', 100, 90, 90)",
    ).run();
  },
  5: (db) => {
    db.prepare("INSERT INTO account_profiles (distributor_id, fit, total_purchases_cases, updated_at) VALUES (1, 'watch', 5000, ?)").run(
      now,
    );
    db.prepare(
      "INSERT INTO complaints (distributor_id, category, opened_on, description, created_at) VALUES (1, 'logistics', '2026-11-01', 'Late delivery', ?)",
    ).run(now);
    db.prepare(
      `INSERT INTO prospect_scores (outlet_type, outlet_id, ratings, intention, updated_at) VALUES ('terminal', 1, '{}', 'high', ?)`,
    ).run(now);
  },
  6: (db) => {
    db.prepare(
      "INSERT INTO events (id, kind, title, starts_at, ends_at, created_at, updated_at) VALUES (1, 'training', 'Sales policy', '2026-12-03T09:00', '2026-12-03T17:00', ?, ?)",
    ).run(now, now);
    db.prepare("INSERT INTO event_invitees (event_id, distributor_id, rsvp) VALUES (1, 1, 'accepted')").run();
    db.prepare(
      "INSERT INTO followups (event_id, distributor_id, kind, text, category, created_at) VALUES (1, 1, 'suggestion', 'Smaller kegs', 'product', ?)",
    ).run(now);
  },
  7: (db) => {
    db.prepare("INSERT INTO pipeline (outlet_type, outlet_id, stage, updated_at) VALUES ('terminal', 1, 'contacted', ?)").run(now);
    db.prepare(
      "INSERT INTO dev_plans (salesperson_id, month, planned_visits, new_sub_dealers, new_terminals, status, updated_at) VALUES (1, '2026-11', 80, 2, 10, 'approved', ?)",
    ).run(now);
    db.prepare(
      "INSERT INTO visits (salesperson_id, day, outlet_type, outlet_id, purpose, outcome, created_at) VALUES (1, '2026-11-20', 'terminal', 1, 'develop', 'interested', ?)",
    ).run(now);
  },
  8: (db) => {
    db.prepare('INSERT INTO distributor_pallet_capacity (distributor_id, pallets) VALUES (1, 40)').run();
    db.prepare("INSERT INTO group_shipping_capacity (region_id, pack, cases_per_week) VALUES (1, 'keg', 300)").run();
    db.prepare('INSERT INTO readiness_runs (created_at, statuses, shipments, cases, short_cases) VALUES (?, ?, 3, 120, 0)').run(now, '{}');
  },
  // indexes only: the rows of the earlier fixtures carry over
  9: () => {},
  // the search index is built from the terminals already there
  10: () => {},
  // totals are summed from the history and forecast rows already there
  11: () => {},
  12: (db) => {
    db.prepare("INSERT INTO auth_settings (id, mode, updated_at) VALUES (1, 'none', '2026-01-01')").run();
    db.prepare(
      `INSERT INTO record_history (at, actor_id, actor_code, method, entity, entity_id, action, changes) VALUES ('2026-01-01', 0, 'admin', 'staff.update', 'person', '1', 'update', '{}')`,
    ).run();
  },
  13: (db) => {
    db.prepare("UPDATE distributors SET archived_at = '2026-01-01' WHERE id = 1").run();
  },
  16: (db) => {
    db.prepare("UPDATE contacts SET email = 'owner@riverside.example' WHERE distributor_id = 1").run();
    db.prepare("UPDATE regions SET time_zone = 'Asia/Shanghai' WHERE id = 1").run();
  },
  17: (db) => {
    db.prepare("UPDATE target_cells SET typed = 1, locked = 1 WHERE plan_id = 1 AND month = '2027-06'").run();
  },
  18: () => {},
  // A team server's bookkeeping and a connected desktop's queue survive later migrations.
  19: (db) => {
    db.prepare("INSERT INTO sync_server (id, server_id, created_at) VALUES (1, 'server-1', '2026-11-20T10:00:00Z')").run();
    db.prepare("INSERT INTO sync_versions (tbl, pk, version) VALUES ('distributors', '1', 1)").run();
    db.prepare(
      "INSERT INTO sync_clients (client_id, client_no, person_id, device_name, created_at) VALUES ('client-1', 1, 1, 'desk', '2026-11-20')",
    ).run();
    db.prepare("INSERT INTO sync_results (client_id, seq, method, ok, at) VALUES ('client-1', 1, 'visit.log', 1, '2026-11-20')").run();
    db.prepare(
      "INSERT INTO sync_queue (seq, method, input, ids, summary, at) VALUES (1, 'visit.log', '{}', '{}', 'visit.log {}', '2026-11-20')",
    ).run();
  },
  20: (db) => {
    db.prepare('INSERT INTO staff_regions (staff_id, region_id) VALUES (1, 1)').run();
  },
  // a visit's photo (a JPEG's first bytes are enough here) stays with its visit
  21: (db) => {
    db.prepare(
      "INSERT INTO visit_photos (visit_id, mime_type, data_base64, bytes, created_at) VALUES ((SELECT min(id) FROM visits), 'image/jpeg', '/9j/4A==', 4, ?)",
    ).run(now);
  },
  // indexes only
  22: () => {},
  // the invitees table is rebuilt: the accepted answer of fixture 6 carries over beside a new 'maybe'
  25: (db) => {
    db.prepare("UPDATE event_invitees SET rsvp = 'tentative' WHERE event_id = 1 AND distributor_id = 1").run();
    db.prepare(
      "INSERT INTO weekly_reviews (salesperson_id, week_start, problems, submitted_at, submitted_numbers, updated_at) VALUES (1, '2026-11-16', 'Freezers', ?, '{}', ?)",
    ).run(now, now);
    db.prepare("UPDATE followups SET review_salesperson_id = 1, review_week_start = '2026-11-16'").run();
  },
  // indexes only: an archived terminal stays in the table, out of the live name order
  26: (db) => {
    db.prepare("UPDATE terminals SET archived_at = '2026-11-20T10:00:00.000Z' WHERE id = 1").run();
  },
  27: (db) => {
    // a month written once the packs' triggers exist (they delete the distributor's pack; 0028 packs it again)
    db.prepare(
      "INSERT INTO forecast_values (distributor_id, product_id, month, point, lo80, hi80, lo95, hi95) VALUES (1, 1, '2026-12', 11, 9, 13, 7, 15)",
    ).run();
  },
  28: (db) => {
    // a SKU with an id from a connected desktop's range (below -2^32), with a forecast
    db.prepare(
      "INSERT INTO products (id, sku, name, brand, pack, size_ml, units_per_case, status, created_at, updated_at) VALUES (-4294967301, 'DESK-1', 'Desk lager', 'Desk', 'can', 330, 24, 'new', '2026-11-20', '2026-11-20')",
    ).run();
    db.prepare(
      "INSERT INTO forecast_series (distributor_id, product_id, run_id, history_hash, method, model, params) VALUES (1, -4294967301, 1, 'h', 'ets', 'ETS(A,N,N)', '{}')",
    ).run();
    db.prepare(
      "INSERT INTO forecast_values (distributor_id, product_id, month, point, lo80, hi80, lo95, hi95) VALUES (1, -4294967301, '2026-12', 5, 4, 6, 3, 7)",
    ).run();
  }, // an index only: the history rows of the earlier fixtures carry over
  29: () => {},
  30: () => {}, // a column only: the target plan of fixture 4 carries over
  31: (db) => {
    db.prepare(`INSERT INTO team_rules (key, value) VALUES ('targets.rules', '{"largeJump":0.3}')`).run();
  },
  32: (db) => {
    db.prepare(`INSERT INTO readiness_runs (id, created_at, statuses, regions) VALUES (2, ?, '{}', '[1]')`).run(now);
  },
  33: () => {}, // a column only: the accepted plans of fixtures 32 and before carry over, their split unknown
};

/** Rows a migration moves from one table to another: 0031 moves the team's rules out of the desktop's settings. */
const MOVED_RULES = ['accounts.settings', 'development.scoring', 'targets.rules', 'readiness.settings'];

/** Tables a later migration may write again from others: their contents are checked by reading them. */
const DERIVED = new Set(['forecast_demand_packs']);

/** Every table's columns and rows (in a stable order), to compare contents, not just counts. */
function tableContents(db: Database.Database): Map<string, { columns: string[]; rows: unknown[][] }> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return new Map(tables.map((t) => [t, rowsOf(db, t, columnsOf(db, t))]));
}

const columnsOf = (db: Database.Database, table: string) =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter((c) => c !== '');

function rowsOf(db: Database.Database, table: string, columns: string[]): { columns: string[]; rows: unknown[][] } {
  const list = columns.map((c) => `"${c}"`).join(', ');
  return { columns, rows: db.prepare(`SELECT ${list} FROM "${table}" ORDER BY ${list}`).raw().all() as unknown[][] };
}

describe('migrations', () => {
  it('has a fixture for every version, so no migration ships untested over data', () => {
    // versions strictly increase (numbers are assigned per feature, so a branch may skip some)
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    for (const m of MIGRATIONS) expect(FIXTURES[m.version], `fixture for migration ${m.version}`).toBeDefined();
  });

  for (const start of MIGRATIONS.map((m) => m.version)) {
    it(`migrates a populated database at version ${start} to the latest with nothing lost`, () => {
      const file = join(mkdtempSync(join(tmpdir(), 'planner-migrate-')), 'db.sqlite');
      const db = new Database(file);
      db.pragma('foreign_keys = ON');
      migrate(db, start);
      for (let v = 1; v <= start; v++) FIXTURES[v]?.(db);
      const before = tableContents(db);
      db.close();
      const upgraded = openDatabase(file);
      expect(schemaVersion(upgraded)).toBe(LATEST_VERSION);
      // every row of every table is still there with the same values (later versions may add columns)
      expect([...before.values()].some((t) => t.rows.length > 0)).toBe(true);
      for (const [table, { columns, rows }] of before) {
        if (DERIVED.has(table)) continue;
        const kept = table === 'settings' && start < 31 ? rows.filter((r) => !MOVED_RULES.includes(r[0] as string)) : rows;
        // a team server's file (fixture 19) logs the moved rules for its desktops: one row each, checked below
        const after = rowsOf(upgraded, table, columns).rows.filter((r) => !(table === 'sync_versions' && r[0] === 'team_rules'));
        expect(after, table).toEqual(kept);
      }
      if (start >= 19 && start < 31)
        expect(upgraded.prepare("SELECT pk, version FROM sync_versions WHERE tbl = 'team_rules'").raw().all()).toEqual([
          ['development.scoring', 2],
        ]);
      // the team's rules left the desktop's settings for team_rules, as they were
      if (start < 31)
        expect(upgraded.prepare('SELECT key, value FROM team_rules').raw().all()).toEqual([['development.scoring', '{"cap":150}']]);
      // the forecast packs (derived, rewritten by 0028) read as the forecast's rows
      const months: Record<string, number> = {};
      eachDemandSeries(upgraded, { fromMonth: '2000-01', toMonth: '2999-12' }, (x) =>
        x.months.forEach((m, i) => (months[`${x.distributorId}:${x.productId}:${m}`] = x.natural[i]!)),
      );
      expect(months).toEqual(
        Object.fromEntries(
          upgraded.prepare("SELECT distributor_id || ':' || product_id || ':' || month, point FROM forecast_values").raw().all() as Array<
            [string, number]
          >,
        ),
      );
      // the distributors' month totals (derived, 0029) are the history's sums
      const totals = (sql: string) => upgraded.prepare(sql).raw().all();
      expect(totals('SELECT month, distributor_id, cases, rows FROM history_distributor_month_totals ORDER BY 1, 2')).toEqual(
        totals('SELECT month, distributor_id, sum(cases), count(*) FROM sales_history GROUP BY 1, 2 ORDER BY 1, 2'),
      );
      // a plan made before 0030 counts as drawn when it was made (a fixture written at 30 itself leaves it unknown)
      if (start < 30)
        expect(upgraded.prepare('SELECT count(*) FROM target_plans WHERE natural_drawn_at IS NOT created_at').pluck().get()).toBe(0);
      expect(upgraded.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(upgraded.pragma('foreign_key_check')).toEqual([]);
      upgraded.close();
    });
  }

  it('moves the team rules of a connected desktop nowhere (its rules are the server’s), and logs a server’s for its desktops', () => {
    const at30 = (extra: (db: Database.Database) => void) => {
      const file = join(mkdtempSync(join(tmpdir(), 'planner-migrate-')), 'db.sqlite');
      const db = new Database(file);
      migrate(db, 30);
      db.prepare(`INSERT INTO settings (key, value) VALUES ('language', '"en"'), ('accounts.settings', '{"paretoShare":0.7}')`).run();
      extra(db);
      db.close();
      return openDatabase(file);
    };
    const desktop = at30((db) =>
      db
        .prepare(
          "INSERT INTO sync_link (id, server_url, fingerprint, server_id, client_id, client_no, token, person) VALUES (1, 'https://x', 'f', 's', 'c', 1, 't', '{}')",
        )
        .run(),
    );
    expect(desktop.prepare('SELECT count(*) FROM team_rules').pluck().get()).toBe(0);
    expect(desktop.prepare('SELECT key FROM settings').pluck().all()).toEqual(['language']);
    desktop.close();

    const server = at30((db) => {
      db.prepare("INSERT INTO sync_server (id, server_id, created_at) VALUES (1, 's', ?)").run(now);
      db.prepare("INSERT INTO sync_versions (tbl, pk, version) VALUES ('regions', '1', 41)").run();
    });
    expect(server.prepare('SELECT key, value FROM team_rules').raw().all()).toEqual([['accounts.settings', '{"paretoShare":0.7}']]);
    // above every version so far: a desktop in sync up to 41 pulls the rule
    expect(server.prepare("SELECT pk, version FROM sync_versions WHERE tbl = 'team_rules'").raw().all()).toEqual([
      ['accounts.settings', 42],
    ]);
    server.close();
  });

  it('brings a file up to date once when two processes open it at the same moment', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'planner-migrate-')), 'db.sqlite');
    const seed = new Database(file);
    migrate(seed, LATEST_VERSION - 2);
    seed.close();
    const desktop = new Database(file);
    const commandLine = new Database(file);
    for (const db of [desktop, commandLine]) db.pragma('busy_timeout = 5000');
    // the command line applies everything left while the desktop is between its first and second step
    let interleaved = false;
    migrate(desktop, LATEST_VERSION, () => {
      if (interleaved) return;
      interleaved = true;
      migrate(commandLine);
    });
    expect(interleaved).toBe(true);
    expect([schemaVersion(desktop), schemaVersion(commandLine)]).toEqual([LATEST_VERSION, LATEST_VERSION]);
    desktop.close();
    commandLine.close();
  });

  it('refuses a database written by a newer version', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'planner-migrate-')), 'db.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer version/);
  });

  it('serves the hot list queries from indexes', () => {
    const db = openDatabase(':memory:');
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan('SELECT id FROM terminals t WHERE t.archived_at IS NULL ORDER BY t.name COLLATE NOCASE, t.id LIMIT 200')).toMatch(
      /USING (COVERING )?INDEX terminals_name/,
    );
    expect(plan('SELECT area_id, status, count(*) FROM terminals WHERE archived_at IS NULL GROUP BY area_id, status')).toMatch(
      /COVERING INDEX terminals_area_status/,
    );
    expect(plan('SELECT id FROM terminals WHERE distributor_id = 1')).toMatch(/terminals_distributor/);
    expect(plan('SELECT area_id, status, count(*) FROM terminals GROUP BY area_id, status')).toMatch(/terminals_area_status/);
    expect(plan("SELECT * FROM sales_history WHERE product_id = 1 AND month >= '2026-01'")).toMatch(/sales_history_product_month/);
    expect(plan("SELECT * FROM forecast_values WHERE month = '2026-11'")).toMatch(/forecast_values_month/);
    expect(plan("SELECT id FROM shipments WHERE status = 'planned' AND source = 'plan'")).toMatch(/shipments_status/);
    expect(plan("SELECT count(*) FROM terminals WHERE sub_dealer_id = 1 AND status = 'active'")).toMatch(
      /COVERING INDEX terminals_sub_dealer_status/,
    );
    expect(plan("SELECT count(*) FROM terminals WHERE distributor_id = 1 AND status = 'active'")).toMatch(
      /COVERING INDEX terminals_distributor_status/,
    );
    expect(
      plan('SELECT cases FROM stock_snapshots WHERE distributor_id = 1 AND product_id = 1 ORDER BY snapshot_date DESC LIMIT 1'),
    ).toMatch(/PRIMARY KEY/);
    db.close();
  });
});
