/** Plans side by side and against what was shipped. */
import { type AchievementRow, type TargetComparisonRow } from '../../shared/contract/targets.js';
import { prepared, type Db } from '../db/open.js';
import { getPlan } from './plans.js';

/** Two versions side by side, by distributor, brand or SKU: the biggest differences first. */
export function comparePlans(db: Db, a: number, b: number, by: 'distributor' | 'brand' | 'sku' = 'distributor'): TargetComparisonRow[] {
  getPlan(db, a);
  getPlan(db, b);
  const group = {
    distributor: { key: 'd.id', name: 'd.name', join: 'JOIN distributors d ON d.id = c.distributor_id' },
    brand: { key: 'p.brand', name: 'p.brand', join: 'JOIN products p ON p.id = c.product_id' },
    sku: { key: 'p.id', name: "p.sku || ' ' || p.name", join: 'JOIN products p ON p.id = c.product_id' },
  }[by];
  return prepared(
    db,
    `SELECT CAST(${group.key} AS TEXT) AS key, ${group.name} AS name,
       sum(CASE WHEN c.plan_id = ? THEN c.target ELSE 0 END) AS a, sum(CASE WHEN c.plan_id = ? THEN c.target ELSE 0 END) AS b
     FROM target_cells c ${group.join} WHERE c.plan_id IN (?, ?)
     GROUP BY ${group.key} ORDER BY abs(a - b) DESC, name`,
  ).all(a, b, a, b) as TargetComparisonRow[];
}

/** Target against actual shipments, month by month, grouped as asked. */
export function achievement(
  db: Db,
  planId: number,
  by: 'region' | 'distributor' | 'salesperson' | 'sku',
): { months: string[]; rows: AchievementRow[] } {
  const plan = getPlan(db, planId);
  const group =
    by === 'region'
      ? "'region'"
      : by === 'distributor'
        ? 'd.name'
        : by === 'salesperson'
          ? "coalesce(sp.name, '(no salesperson)')"
          : "p.sku || ' ' || p.name";
  const rows = prepared(
    db,
    `SELECT ${group} AS label, c.month, sum(c.target) AS target,
       sum((SELECT cases FROM sales_history h WHERE h.distributor_id = c.distributor_id AND h.product_id = c.product_id AND h.month = c.month)) AS actual,
       max((SELECT 1 FROM sales_history h WHERE h.month = c.month LIMIT 1)) AS hasActuals
     FROM target_cells c JOIN distributors d ON d.id = c.distributor_id LEFT JOIN staff sp ON sp.id = d.salesperson_id JOIN products p ON p.id = c.product_id
     WHERE c.plan_id = ? GROUP BY label, c.month ORDER BY label, c.month`,
  ).all(planId) as Array<{ label: string; month: string; target: number; actual: number | null; hasActuals: number | null }>;
  const byLabel = new Map<string, AchievementRow>();
  for (const r of rows) {
    const row = byLabel.get(r.label) ?? {
      key: r.label,
      label: by === 'region' ? plan.regionName : r.label,
      months: [],
      target: 0,
      actual: 0,
    };
    const actual = r.hasActuals ? (r.actual ?? 0) : null;
    row.months.push({ month: r.month, target: r.target, actual });
    row.target += r.target;
    row.actual += actual ?? 0;
    byLabel.set(r.label, row);
  }
  return { months: plan.months, rows: [...byLabel.values()].sort((a, b) => b.target - a.target) };
}
