import { nextPeakStart } from '../../shared/domain/season.js';
import { createPlan, suggest } from '../targets/service.js';
import type { Db } from '../db/open.js';
import type { DemoContext, DemoStep } from './context.js';

/**
 * A draft peak plan per region, so the targets screen has content on first run: the three largest
 * brands at 8% over last season's natural volume, with new outlets to win, still a draft for the
 * manager to adjust and agree with the distributors.
 */
function seedTargets(ctx: Pick<DemoContext, 'db' | 'today' | 'progress'>): void {
  const { db, today } = ctx;
  const regions = db
    .prepare(
      'SELECT r.id, r.name, (SELECT group_concat(month) FROM region_peak_months WHERE region_id = r.id) AS months FROM regions r ORDER BY r.id',
    )
    .all() as Array<{ id: number; name: string; months: string | null }>;
  regions.forEach((r, i) => {
    ctx.progress(i / regions.length, 'Draft target plans');
    const start = nextPeakStart((r.months ?? '').split(',').filter(Boolean).map(Number), today);
    if (!start) return;
    const seasonYear = start.getUTCFullYear();
    const brands = suggest(db, r.id, seasonYear)
      .brands.filter((b) => b.natural > 0)
      .slice(0, 3);
    if (brands.length === 0) return;
    const distributors = db
      .prepare("SELECT count(*) FROM distributors d JOIN areas a ON a.id = d.area_id WHERE a.region_id = ? AND d.status = 'active'")
      .pluck()
      .get(r.id) as number;
    createPlan(db, {
      regionId: r.id,
      seasonYear,
      name: `${r.name} peak ${seasonYear} (draft)`,
      basis: 'forecast',
      lines: brands.map((b) => ({ brand: b.brand, volume: Math.round(b.natural * 1.08) })),
      newOutlets: distributors * 3,
    });
  });
}

export const targetsDemoStep: DemoStep = { name: 'draft target plans', weight: 1, run: seedTargets };

/**
 * The demo's draft plans drawn again once the demo's forecast has run. Generated before it, their
 * natural volume (the basis the targets are 8% over) could only be last season's sales, while the
 * dashboard beside them shows the forecast: the plans are the demo's own, so they are replaced.
 */
export function redrawDemoTargetPlans(db: Db, today: Date): void {
  db.transaction(() => {
    db.prepare('DELETE FROM target_plans').run();
    seedTargets({ db, today, progress: () => undefined });
  })();
}
