import { now } from '../../shared/domain/clock.js';
import type { DemoScale } from '../../shared/contract/system.js';
import { refusal } from '../../shared/contract/result.js';
import type { Db } from '../db/open.js';
import type { TaskControl } from '../jobs/task.js';
import { createRng } from './random.js';
import { SCALES } from './scales.js';
import { DEMO_STEPS } from './steps.js';
import { withTerminalSearchDeferred } from '../network/search-index.js';
import { refreshHistoryTotals, withHistoryTotalsDeferred } from '../forecast/month-totals.js';

export interface DemoOptions {
  scale: DemoScale;
  seed?: number;
  today?: Date;
}

export interface DemoResult {
  scale: DemoScale;
  counts: Record<string, number>;
}

const NOOP_CONTROL: TaskControl = { progress: () => {}, checkCancelled: () => {} };

/**
 * Fills an empty database with a generated, deterministic demo region: all steps in one transaction,
 * so a cancelled or failed generation leaves the database exactly as it was.
 */
export function seedDemo(db: Db, options: DemoOptions, control: TaskControl = NOOP_CONTROL): DemoResult {
  const existing = db
    .prepare('SELECT (SELECT count(*) FROM regions) + (SELECT count(*) FROM distributors) + (SELECT count(*) FROM products) AS n')
    .get() as {
    n: number;
  };
  if (existing.n > 0) {
    throw refusal('conflict', 'demoNotEmpty', 'The demo region can only be generated into an empty database.');
  }
  const scale = SCALES[options.scale];
  const rng = createRng(options.seed ?? 20261122);
  const today = options.today ?? now();
  const totalWeight = DEMO_STEPS.reduce((sum, s) => sum + s.weight, 0);
  // Terminals' search index and the history's month totals are built once at the end, not row by row.
  db.transaction(() =>
    withTerminalSearchDeferred(db, () =>
      withHistoryTotalsDeferred(db, () => {
        let done = 0;
        for (const step of DEMO_STEPS) {
          const base = done;
          step.run({
            db,
            rng,
            scale,
            scaleName: options.scale,
            today,
            progress: (fraction, message) => control.progress((base + fraction * step.weight) / totalWeight, message),
            checkCancelled: control.checkCancelled,
          });
          done += step.weight;
          control.progress(done / totalWeight, step.name);
        }
        refreshHistoryTotals(db);
        // Every demo person can sign in without a password, so a new user can try each role.
        db.prepare("INSERT OR IGNORE INTO auth_settings (id, mode, updated_at) VALUES (1, 'none', ?)").run(new Date().toISOString());
      }),
    ),
  )();
  return { scale: options.scale, counts: tableCounts(db) };
}

export function tableCounts(db: Db): Record<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number) ?? 0]));
}
