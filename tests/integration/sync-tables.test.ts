import { describe, expect, it } from 'vitest';
import { SYNCED_BY_NAME } from '../../main/sync/tables.js';
import { createTestDb } from '../support/db.js';

/**
 * Every table of the schema either travels to the desktops or is named here with why not, so a
 * feature that adds a table decides whether the team sees it instead of silently keeping it local.
 */
const LOCAL: Record<string, string> = {
  history_month_totals: 'derived from sales_history by triggers on each file',
  history_distributor_month_totals: 'derived from sales_history by triggers on each file',
  forecast_month_totals: 'derived from forecast_values by triggers on each file',
  forecast_demand_packs: 'derived from forecast_values: unpacked by triggers on each file, packed again after a run or a pull',
  settings: "the desktop's own settings (language, saved invitation lists); the team's rules are team_rules",
  auth_settings: "the desktop's own sign-in mode",
};

describe('synced tables', () => {
  it('cover every table of the schema, or it is named as local with a reason', () => {
    const { db } = createTestDb();
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'sync_%' AND name NOT LIKE 'terminals_search%'",
      )
      .pluck()
      .all() as string[];
    const forgotten = tables.filter((t) => !SYNCED_BY_NAME.has(t) && !(t in LOCAL));
    expect(forgotten).toEqual([]);
    for (const t of SYNCED_BY_NAME.keys()) expect(tables, `synced table ${t} exists`).toContain(t);
  });
});
