import { DomainError } from '../../shared/contract/result.js';
import { prepared, type Db } from '../db/open.js';

/**
 * Signed off means frozen, for records whose own service does not guard it: checked by `dispatch`
 * before the handler runs, for every door. An agreed target version keeps its numbers; a change is a
 * new draft version (targets.saveVersion) that can be agreed in its turn.
 */
const agreedPlan = (db: Db, input: { planId: number }): void => {
  const plan = prepared(db, 'SELECT name, status FROM target_plans WHERE id = ?').get(input.planId) as
    { name: string; status: string } | undefined;
  if (plan?.status === 'agreed') {
    throw new DomainError(
      'conflict',
      `“${plan.name}” is an agreed version and keeps its numbers; save it as a new draft version to change them.`,
    );
  }
};

export const FROZEN_GUARDS: Readonly<Record<string, (db: Db, input: any) => void>> = {
  'targets.edit': agreedPlan,
  'targets.setLine': agreedPlan,
  'targets.lock': agreedPlan,
  'targets.setAgreed': agreedPlan,
};
