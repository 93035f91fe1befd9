import type { BulkShipmentFilter, BulkShipmentPreview } from '../../shared/contract/daywork.js';
import { refusal } from '../../shared/contract/result.js';
import { prepared, type Db } from '../db/open.js';

// The Monday of a shipment's ship date: planned shipments are sent week by week.
const WEEK_OF = "date(s.ship_date, '-' || ((CAST(strftime('%w', s.ship_date) AS INTEGER) + 6) % 7) || ' days')";

function where(f: BulkShipmentFilter): { sql: string; params: Array<string | number> } {
  const parts = ["s.status = 'planned'"];
  const params: Array<string | number> = [];
  if (f.weekStart) {
    parts.push(`s.ship_date BETWEEN ? AND date(?, '+6 days')`);
    params.push(f.weekStart, f.weekStart);
  }
  if (f.distributorId) {
    parts.push('s.distributor_id = ?');
    params.push(f.distributorId);
  }
  if (f.source) {
    parts.push('s.source = ?');
    params.push(f.source);
  }
  return { sql: parts.join(' AND '), params };
}

/** What a bulk "mark shipped" would touch, and the weeks there are planned shipments in, for the picker. */
export function bulkShippedPreview(db: Db, f: BulkShipmentFilter): BulkShipmentPreview {
  const w = where(f);
  const total = prepared(db, `SELECT count(*) AS shipments, coalesce(sum(s.cases), 0) AS cases FROM shipments s WHERE ${w.sql}`).get(
    ...w.params,
  ) as {
    shipments: number;
    cases: number;
  };
  const distributors = prepared(db, `SELECT count(DISTINCT s.distributor_id) FROM shipments s WHERE ${w.sql}`)
    .pluck()
    .get(...w.params) as number;
  const weeks = prepared(
    db,
    `SELECT ${WEEK_OF} AS week, count(*) AS shipments, sum(s.cases) AS cases FROM shipments s WHERE s.status = 'planned' GROUP BY week ORDER BY week`,
  ).all() as BulkShipmentPreview['weeks'];
  return { ...total, distributors, weeks };
}

/**
 * The warehouse sent a week's (or a distributor's) planned shipments: all of them go on the way
 * together, in one transaction. The count the user confirmed must still match, so a plan accepted
 * in between is never marked unseen.
 */
export function markShippedBulk(db: Db, f: BulkShipmentFilter & { expected: number }): { shipments: number; cases: number } {
  return db.transaction(() => {
    const preview = bulkShippedPreview(db, f);
    if (preview.shipments !== f.expected)
      throw refusal(
        'conflict',
        'shipmentsChanged',
        `The planned shipments changed since you looked: ${preview.shipments} match now, not ${f.expected}. Check and confirm again.`,
        { now: preview.shipments, expected: f.expected },
      );
    const w = where(f);
    prepared(db, `UPDATE shipments AS s SET status = 'in_transit' WHERE ${w.sql}`).run(...w.params);
    return { shipments: preview.shipments, cases: preview.cases };
  })();
}
