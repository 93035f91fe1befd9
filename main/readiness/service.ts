/**
 * Stock readiness, split by what each part does; this module keeps the names the handlers, the
 * brief and the tests import.
 * - settings.ts: the coordinator's settings (cover days, service levels, priority, key accounts)
 * - computation.ts: the whole network's projection, plan and statuses, cached until the data changes
 * - views.ts: the filter a person sees it through, results kept per filter
 * - board.ts: the board; plan-lines.ts: the plan's lines and the shortfall list
 * - detail.ts: a distributor's page and one cell; accept.ts: accepting the plan
 */
export { DEFAULT_SETTINGS, readinessSettings, saveReadinessSettings } from './settings.js';
export {
  computeReadiness,
  computeReadinessBase,
  firmShipments,
  latestCounts,
  READINESS_BASE_READS,
  READINESS_COUNT_READS,
  READINESS_READS,
  READINESS_SHIPMENT_READS,
  readinessToday,
  type ReadinessComputation,
} from './computation.js';
export type { ScopedFilter } from './views.js';
export { readinessBoard } from './board.js';
export { planLines, readinessPlan, readinessShortfalls, shortfallLines } from './plan-lines.js';
export { readinessCell, readinessDistributor } from './detail.js';
export { acceptPlan, proposeAcceptance, startAcceptJob } from './accept.js';
