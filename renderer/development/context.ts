import type { IndicatorNumbers } from '../../shared/domain/development.js';
import { INDICATORS } from '../../shared/domain/development.js';

/** Whose month the screen shows, and which month: the page's two selectors, passed to every tab. */
export interface DevelopmentScope {
  salespersonId: number | null;
  regionId: number | null;
  month: string;
}

// The user's local day and month, from the app's one clock.
export { today as todayIso, thisMonth } from '../../shared/domain/clock.js';

export const sumIndicators = (n: IndicatorNumbers) => INDICATORS.reduce((a, k) => a + n[k], 0);

/** Fulfilment against what was due: the colour of a progress bar. */
export function paceTone(actual: number, due: number): 'green' | 'amber' | 'red' | 'grey' {
  // Less than one of anything due is too early to judge the pace.
  if (due < 1) return 'grey';
  const r = actual / due;
  return r >= 1 ? 'green' : r >= 0.7 ? 'amber' : 'red';
}
