import { describe, expect, it } from 'vitest';
import { computeAccounts, computeAccountsBase, ACCOUNTS_BASE_READS, ACCOUNTS_READS } from '../../main/accounts/service.js';
import { closeDatabase, openDatabase, type Db } from '../../main/db/open.js';
import { seedDemo } from '../../main/demo/generate.js';
import { computeForecastView, FORECAST_VIEW_READS } from '../../main/forecast/view.js';
import { runForecast } from '../../main/forecast/run.js';
import { seriesPerDistributor } from '../../main/readiness/demand-threads.js';
import {
  computeReadiness,
  computeReadinessBase,
  firmShipments,
  latestCounts,
  READINESS_BASE_READS,
  READINESS_COUNT_READS,
  READINESS_READS,
  READINESS_SHIPMENT_READS,
} from '../../main/readiness/service.js';
import { computeTargetView, TARGET_VIEW_READS } from '../../main/targets/service.js';
import { call } from '../support/call.js';
import { createTestDb } from '../support/db.js';

/**
 * A cached whole-network result is kept until a table it reads changes (main/db/memo.ts), so each
 * computation's list of tables must name every table its statements mention: a table missing from
 * the list would leave a screen showing numbers from before an edit. Run each computation on a fresh
 * connection (no statement prepared yet) and compare what its statements read with its list.
 */
function tablesRead(path: string, run: (db: Db) => void): string[] {
  const db = openDatabase(path);
  try {
    const schema = db.prepare("SELECT name, type, sql FROM sqlite_master WHERE type IN ('table', 'view')").all() as {
      name: string;
      type: string;
      sql: string;
    }[];
    const byName = new Map(schema.map((s) => [s.name.toLowerCase(), s]));
    const seen = new Set<string>();
    const visit = (sql: string) => {
      for (const word of sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []) {
        const object = byName.get(word);
        if (!object || seen.has(object.name)) continue;
        seen.add(object.name);
        if (object.type === 'view') visit(object.sql);
      }
    };
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      visit(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    run(db);
    return [...seen].filter((name) => byName.get(name.toLowerCase())?.type === 'table').sort();
  } finally {
    closeDatabase(db);
  }
}

describe('each cached whole-network result names every table it reads', () => {
  it('readiness, forecast view, key accounts and the target grid', async () => {
    const { db, ctx, path } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-22T00:00:00Z') });
    await runForecast(db, { workers: 1 }, { progress() {}, checkCancelled() {} });
    const regionId = db.prepare('SELECT id FROM regions LIMIT 1').pluck().get() as number;
    const suggestion = await call(ctx, 'targets.suggest', { regionId, seasonYear: 2027 });
    const plan = await call(ctx, 'targets.create', {
      regionId,
      seasonYear: 2027,
      name: 'Peak 2027',
      basis: 'forecast',
      lines: suggestion.brands.slice(0, 2).map((b) => ({ brand: b.brand, volume: b.natural })),
      newOutlets: 50,
    });
    const distributorId = db.prepare('SELECT id FROM distributors LIMIT 1').pluck().get() as number;
    const productId = db.prepare('SELECT id FROM products LIMIT 1').pluck().get() as number;

    const cases: [string, readonly string[], (db: Db) => void][] = [
      ['readiness', READINESS_READS, (d) => void computeReadiness(d, new Date('2026-11-20T00:00:00Z'))],
      // what a stock count or shipment does not move, kept across them (main/readiness/computation.ts)
      ['readiness base', READINESS_BASE_READS, (d) => void computeReadinessBase(d, new Date('2026-11-20T00:00:00Z'))],
      // the counts and the firm shipments, each kept across a change to the other, the forecast or the network
      ['readiness counts', READINESS_COUNT_READS, (d) => void latestCounts(d, '2026-11-20')],
      ['readiness shipments', READINESS_SHIPMENT_READS, (d) => void firmShipments(d, '2026-09-21')],
      ['forecast series per distributor', ['forecast_series'], (d) => void seriesPerDistributor(d)],
      ['key accounts', ACCOUNTS_READS, (d) => void computeAccounts(d)],
      // the segments, kept through complaints, contacts and profiles (main/accounts/service.ts)
      ['key accounts base', ACCOUNTS_BASE_READS, (d) => void computeAccountsBase(d)],
      [
        'forecast view',
        FORECAST_VIEW_READS,
        (d) => {
          computeForecastView(d, {});
          computeForecastView(d, { regionId });
          computeForecastView(d, { distributorId, productId });
        },
      ],
      [
        'target grid',
        TARGET_VIEW_READS,
        (d) => {
          computeTargetView(d, plan.id);
          computeTargetView(d, plan.id, distributorId, suggestion.brands[0]!.brand);
        },
      ],
    ];
    const missing: Record<string, string[]> = {};
    for (const [name, declared, run] of cases) {
      const read = tablesRead(path, run);
      expect(read.length, name).toBeGreaterThan(0);
      missing[name] = read.filter((t) => !declared.includes(t));
    }
    // Each list is what the computation's statements mention; none is missing a table.
    expect(missing).toEqual({
      readiness: [],
      'readiness base': [],
      'readiness counts': [],
      'readiness shipments': [],
      'forecast series per distributor': [],
      'key accounts': [],
      'key accounts base': [],
      'forecast view': [],
      'target grid': [],
    });
  });
});
