import { ruleRefusal, refusal } from '../../shared/contract/result.js';
import type { MethodName, MethodParsed } from '../../shared/contract/index.js';
import { prepared, type Db } from '../db/open.js';
import { regionsOf, runsInForce } from '../readiness/runs.js';
import { distributorInRegions, type RegionScope } from './readScope.js';

/**
 * Signed off means frozen, for records whose own service does not guard it: checked by `dispatch`
 * before the handler runs, for every door. An agreed target version keeps its numbers; a change is a
 * new draft version (targets.saveVersion) that can be agreed in its turn.
 */
const agreedPlan = (db: Db, input: { planId: number }): void => {
  const plan = prepared(db, 'SELECT name, status FROM target_plans WHERE id = ?').get(input.planId) as
    { name: string; status: string } | undefined;
  if (plan?.status === 'agreed') {
    throw refusal(
      'conflict',
      'agreedVersionFrozen',
      `“${plan.name}” is an agreed version and keeps its numbers; save it as a new draft version to change them.`,
      { name: plan.name },
    );
  }
};

/**
 * An accepted readiness plan is signed off: accepting another would replace its planned shipments,
 * so it is reopened first, with a reason. A plan whose shipments have all gone out is done, not frozen.
 * Per region: a coordinator accepts their regions' plan (main/readiness/accept.ts), so only the plans
 * in force in the caller's regions stand in the way, never another region's.
 */
export const acceptedReadinessPlan = (db: Db, scope: RegionScope): void => {
  const accepted = [...runsInForce(db, regionsOf(db, scope))].filter(([, run]) => run.reopenedAt === null);
  if (!accepted.length) return;
  const regions = accepted.map(([regionId]) => regionId);
  if (
    !prepared(
      db,
      `SELECT 1 FROM shipments WHERE source = 'plan' AND status = 'planned' AND ${distributorInRegions('distributor_id', regions)} LIMIT 1`,
    ).get()
  )
    return;
  const acceptedOn = accepted
    .map(([, run]) => run.at)
    .sort()
    .at(-1)!
    .slice(0, 10);
  throw ruleRefusal(
    'readinessPlanAccepted',
    `The readiness plan accepted on ${acceptedOn} is signed off: reopen it, with a reason, before accepting a new one.`,
    { acceptedOn },
  );
};

/** Each guard reads its own method's input, as that method's contract schema parsed it. */
export const FROZEN_GUARDS: Readonly<Partial<{ [K in MethodName]: (db: Db, input: MethodParsed<K>, scope: RegionScope) => void }>> = {
  'targets.edit': agreedPlan,
  'targets.setLine': agreedPlan,
  'targets.lock': agreedPlan,
  'targets.setAgreed': agreedPlan,
  'targets.refreshNatural': agreedPlan,
  'readiness.acceptPlan': (db, _input, scope) => acceptedReadinessPlan(db, scope),
  'readiness.acceptPlanStart': (db, _input, scope) => acceptedReadinessPlan(db, scope),
};

/** A guard called for whichever method it is registered for; `dispatch` passes that method's parsed input. */
export type FrozenGuard = (db: Db, input: unknown, scope: RegionScope) => void;
