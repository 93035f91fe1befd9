import type { Db } from '../db/open.js';
import { prepared } from '../db/open.js';
import { withTriggersSuspended } from '../db/triggers.js';
import { withChangeMarkedOnce } from '../db/table-versions.js';

const HISTORY_WRITE_TRIGGERS = ['sales_history_totals_insert', 'sales_history_totals_update'] as const;

/** Recounts the history's month totals, the region's (migration 0011) and each distributor's (0029), for the given months or for all of them. */
export function refreshHistoryTotals(db: Db, months?: Iterable<string>): void {
  if (!months) {
    db.exec(
      `DELETE FROM history_month_totals;
       INSERT INTO history_month_totals (month, cases, rows) SELECT month, sum(cases), count(*) FROM sales_history GROUP BY month;
       DELETE FROM history_distributor_month_totals;
       INSERT INTO history_distributor_month_totals (month, distributor_id, cases, rows)
         SELECT month, distributor_id, sum(cases), count(*) FROM sales_history GROUP BY month, distributor_id;`,
    );
    return;
  }
  const clear = prepared(db, 'DELETE FROM history_month_totals WHERE month = ?');
  const count = prepared(
    db,
    'INSERT INTO history_month_totals (month, cases, rows) SELECT month, sum(cases), count(*) FROM sales_history WHERE month = ? GROUP BY month',
  );
  const clearDistributors = prepared(db, 'DELETE FROM history_distributor_month_totals WHERE month = ?');
  const countDistributors = prepared(
    db,
    `INSERT INTO history_distributor_month_totals (month, distributor_id, cases, rows)
     SELECT month, distributor_id, sum(cases), count(*) FROM sales_history WHERE month = ? GROUP BY distributor_id`,
  );
  for (const month of months) {
    clear.run(month);
    count.run(month);
    clearDistributors.run(month);
    countDistributors.run(month);
  }
}

/**
 * A bulk write of history (an import, the demo region) inserts and updates rows without the per-row
 * totals triggers (they cost a quarter of a million-row import) and recounts the months it touched
 * at the end. Deletions keep their trigger: a bulk write does not delete. The connection's change
 * mark for the history (db/table-versions.ts) is written once, not looked up per row.
 */
export function withHistoryTotalsDeferred<T>(db: Db, write: (touched: Set<string>) => T): T {
  const touched = new Set<string>();
  return withTriggersSuspended(db, HISTORY_WRITE_TRIGGERS, () =>
    withChangeMarkedOnce(db, 'sales_history', () => {
      const result = write(touched);
      refreshHistoryTotals(db, touched);
      return result;
    }),
  );
}
