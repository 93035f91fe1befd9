import type { Db } from '../../db/open.js';

export interface LevelAccuracy {
  level: string;
  scopes: number;
  /** Scopes whose volume-weighted backtest MASE is below seasonal naive's on the same origins. */
  better: number;
  /** Scopes where it equals seasonal naive's (every series there kept seasonal naive). */
  equal: number;
  /** The largest ratio ours / seasonal naive among the scopes. */
  worstRatio: number;
  /** Volume-weighted MASE over the whole level (every scored series once). */
  mase: number;
  naiveMase: number;
}

/**
 * The accuracy panel's figures at every level the forecast screen offers (the whole data set, a
 * region, a distributor, a brand, a SKU, one distributor x SKU): the model's volume-weighted
 * backtest MASE beside seasonal naive's on the same origins.
 */
export function accuracyByLevel(db: Db): LevelAccuracy[] {
  const levels: Array<[string, string]> = [
    ['whole data set', "'all'"],
    ['region', 'a.region_id'],
    ['distributor', 's.distributor_id'],
    ['brand', 'p.brand'],
    ['SKU', 's.product_id'],
    ['distributor x SKU', "s.distributor_id || ':' || s.product_id"],
  ];
  return levels.map(([level, key]) => {
    const rows = db
      .prepare(
        `SELECT ${key} AS k, sum(s.mase * s.recent_volume) AS ours, sum(s.naive_mase * s.recent_volume) AS naive, sum(s.recent_volume) AS w
         FROM forecast_series s JOIN products p ON p.id = s.product_id JOIN distributors d ON d.id = s.distributor_id JOIN areas a ON a.id = d.area_id
         WHERE s.mase IS NOT NULL AND s.naive_mase IS NOT NULL GROUP BY k HAVING w > 0`,
      )
      .all() as Array<{ k: string; ours: number; naive: number; w: number }>;
    let better = 0;
    let equal = 0;
    let worst = 0;
    let ours = 0;
    let naive = 0;
    let w = 0;
    for (const r of rows) {
      const ratio = r.naive > 0 ? r.ours / r.naive : 1;
      if (ratio < 1 - 1e-9) better++;
      else if (ratio <= 1 + 1e-9) equal++;
      worst = Math.max(worst, ratio);
      ours += r.ours;
      naive += r.naive;
      w += r.w;
    }
    const round = (v: number) => Math.round(v * 1000) / 1000;
    return {
      level,
      scopes: rows.length,
      better,
      equal,
      worstRatio: round(worst),
      mase: round(ours / w),
      naiveMase: round(naive / w),
    };
  });
}

export function printLevels(levels: LevelAccuracy[]): string {
  return [
    '| level | scopes | better than seasonal naive | equal | worst ratio | MASE (volume-weighted) | seasonal naive MASE |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...levels.map((l) => `| ${l.level} | ${l.scopes} | ${l.better} | ${l.equal} | ${l.worstRatio} | ${l.mase} | ${l.naiveMase} |`),
  ].join('\n');
}
