import type { targetsContract } from '../../shared/contract/targets.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
import { exportTargetSheet } from './export.js';
import {
  achievement,
  comparePlans,
  createPlan,
  deletePlan,
  editTarget,
  listPlans,
  lockCells,
  refreshNatural,
  saveVersion,
  setAgreed,
  setLine,
  suggest,
  viewPlan,
} from './service.js';
import { scopeOf } from '../people/readScope.js';
import { saveTargetRules, targetRules } from './jump.js';
import { offSeasonPlan } from './offSeason.js';

export const targetsHandlers = {
  'targets.plans': (ctx) => listPlans(ctx.db, scopeOf(ctx)),
  'targets.suggest': ({ db }, { regionId, seasonYear }) => suggest(db, regionId, seasonYear),
  'targets.create': ({ db }, input) => createPlan(db, input),
  'targets.view': ({ db }, { planId, distributorId, brand }) => viewPlan(db, planId, distributorId, brand),
  'targets.edit': ({ db }, { planId, at, value, confirm }) => editTarget(db, planId, at, value, confirm),
  'targets.setLine': ({ db }, { planId, brand, productId, value, confirm }) => setLine(db, planId, brand, productId, value, confirm),
  'targets.lock': ({ db }, { planId, distributorId, productId, month, locked }) =>
    lockCells(db, planId, distributorId, productId, month, locked),
  'targets.setAgreed': ({ db }, { planId, distributorId, brand, cases }) => setAgreed(db, planId, distributorId, brand, cases),
  'targets.saveVersion': ({ db }, { planId, name, status }) => saveVersion(db, planId, name, status),
  'targets.compare': ({ db }, { planId, otherId, by }) => comparePlans(db, planId, otherId, by),
  'targets.achievement': ({ db }, { planId, by }) => achievement(db, planId, by),
  'targets.delete': ({ db }, { planId }) => deletePlan(db, planId),
  'targets.refreshNatural': ({ db }, { planId }) => refreshNatural(db, planId),
  'targets.offSeason': ({ db }, { planId }) => offSeasonPlan(db, planId),
  'targets.rules': ({ db }, { regionId }) => targetRules(db, regionId),
  'targets.saveRules': ({ db }, rules) => saveTargetRules(db, rules),
  'targets.exportSheet': ({ db }, { planId, distributorId, language }) => exportTargetSheet(db, planId, distributorId, language),
} satisfies FeatureHandlers<typeof targetsContract>;
