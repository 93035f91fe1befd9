import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DemoScale } from '../../shared/contract/system.js';
import { closeDatabase, openDatabase, type Db } from '../db/open.js';
import { seedDemo } from '../demo/generate.js';
import { DEMO_STEPS } from '../demo/steps.js';
import { installHistory } from '../people/history.js';

/**
 * What the record history costs in database size: the demo region generated twice from the same
 * seed, once without history and once with every change of its steps recorded by the history
 * triggers as contract calls would record them, except the network itself, which is created the way
 * an import creates it (one entry with counts, not row by row).
 */
function generate(file: string, scale: DemoScale, record: boolean): { bytes: number; rows: number } {
  const db: Db = openDatabase(file);
  const originals = DEMO_STEPS.map((s) => s.run);
  if (record) {
    installHistory(db);
    DEMO_STEPS.forEach((step, i) => {
      if (step.name === DEMO_STEPS[0]!.name) return;
      step.run = (ctx) => {
        db.prepare("INSERT OR REPLACE INTO temp.history_call (id, at, actor_id, actor_code, method) VALUES (1, ?, 0, 'admin', ?)").run(
          new Date().toISOString(),
          `demo.${step.name}`,
        );
        try {
          originals[i]!(ctx);
        } finally {
          db.prepare('DELETE FROM temp.history_call').run();
        }
      };
    });
  }
  try {
    seedDemo(db, { scale, today: new Date('2026-11-20T10:00:00Z') });
  } finally {
    DEMO_STEPS.forEach((step, i) => (step.run = originals[i]!));
  }
  const rows = db.prepare('SELECT count(*) FROM record_history').pluck().get() as number;
  db.pragma('wal_checkpoint(TRUNCATE)');
  closeDatabase(db);
  return { bytes: statSync(file).size, rows };
}

export async function historySizeCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { scale: { type: 'string', default: 'L' } } });
  const scale = String(values.scale).toUpperCase() as DemoScale;
  const dir = mkdtempSync(join(tmpdir(), 'planner-history-size-'));
  try {
    const without = generate(join(dir, 'without.sqlite'), scale, false);
    const withHistory = generate(join(dir, 'with.sqlite'), scale, true);
    const extra = withHistory.bytes - without.bytes;
    console.log(
      JSON.stringify(
        {
          scale,
          bytesWithout: without.bytes,
          bytesWith: withHistory.bytes,
          historyRows: withHistory.rows,
          bytesPerRow: withHistory.rows ? Math.round(extra / withHistory.rows) : 0,
          extraPercent: Math.round((extra / without.bytes) * 1000) / 10,
        },
        null,
        2,
      ),
    );
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
