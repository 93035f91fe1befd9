/**
 * The targets service, one module per job; this file gathers them for the handlers, the demo and the
 * benchmarks, so their imports did not change when it was split.
 */
export { listPlans, getPlan, createPlan, saveVersion, deletePlan, refreshNatural } from './plans.js';
export { seasonMonths, basisFor, suggest } from './basis.js';
export { loadCells, loadScopedCells, scopeOf, type CellScope } from './cells.js';
export { editTarget, setLine, lockCells } from './edits.js';
export { setAgreed } from './agreed.js';
export { TARGET_VIEW_READS, viewPlan, computeTargetView } from './view.js';
export { comparePlans, achievement } from './compare.js';
