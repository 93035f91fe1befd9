import type { DemoScale } from '../../shared/contract/system.js';
import type { Task } from '../jobs/task.js';
import { runForecast } from '../forecast/run.js';
import { now } from '../../shared/domain/clock.js';
import { seedDemo, type DemoResult } from './generate.js';
import { redrawDemoTargetPlans } from './targets.js';

/**
 * Generates the demo region and forecasts it, so a new user sees forecasts, targets and readiness
 * at once rather than an instruction to run something first.
 */
export const seedDemoTask: Task<{ scale: DemoScale; seed?: number }, DemoResult> = async (db, params, control) => {
  const result = seedDemo(db, params, { progress: (f, m) => control.progress(f * 0.6, m), checkCancelled: control.checkCancelled });
  await runForecast(db, {}, { progress: (f, m) => control.progress(0.6 + f * 0.4, m), checkCancelled: control.checkCancelled });
  redrawDemoTargetPlans(db, now());
  return result;
};
