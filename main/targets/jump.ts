import { LARGE_JUMP, type TargetRules } from '../../shared/contract/targets.js';
import { DomainError } from '../../shared/contract/result.js';
import type { Db } from '../db/open.js';
import { requireRow } from '../db/sql.js';
import { readRegionRule, readTeamRule, writeRegionRule } from '../system/teamRules.js';

/**
 * The large-jump question: a target far from what it is measured against (the plan's basis: last
 * year's volume, or the natural volume of the forecast) is asked about before it is saved, since a
 * +278.8% brand target is more often a typo than a plan. How far is "far" is each region's manager's
 * call, for their region's plans.
 */
const RULES_KEY = 'targets.rules';

const validShare = (value: unknown): number | undefined => (typeof value === 'number' && value > 0 ? value : undefined);

/** A region's rules: its own once its manager saved them, before that the team's (or the default). */
export function targetRules(db: Db, regionId: number): TargetRules {
  const own = readRegionRule<Partial<TargetRules>>(db, RULES_KEY, regionId);
  const team = readTeamRule<Partial<TargetRules>>(db, RULES_KEY);
  return { largeJump: validShare(own?.largeJump) ?? validShare(team?.largeJump) ?? LARGE_JUMP };
}

export function saveTargetRules(db: Db, input: { regionId: number } & TargetRules): TargetRules {
  requireRow(db, 'regions', input.regionId, 'regionId', 'Region');
  writeRegionRule(db, RULES_KEY, input.regionId, { largeJump: input.largeJump });
  return targetRules(db, input.regionId);
}

export type JumpBasis = 'last_year' | 'natural';

/**
 * Refuses a target more than the set share away from its reference unless the user confirmed it.
 * The refusal is a rule with its figures (worded by the screen in the user's language) and an issue
 * on the path 'confirm', so the screen asks and sends the same call again with confirm: true.
 * Something with no reference volume is new business and is not questioned here.
 */
export function checkJump(
  db: Db,
  regionId: number,
  what: string,
  reference: number,
  value: number,
  confirmed: boolean | undefined,
  basis: JumpBasis = 'natural',
): void {
  if (confirmed || reference <= 0) return;
  const { largeJump } = targetRules(db, regionId);
  const change = value / reference - 1;
  if (Math.abs(change) <= largeJump + 1e-9) return;
  const pct = `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%`;
  const threshold = `±${Math.round(largeJump * 100)}%`;
  const against = basis === 'last_year' ? `last year's ${Math.round(reference)}` : `its natural volume of ${Math.round(reference)}`;
  const message = `${what}: ${value} cases is ${pct} on ${against}, beyond the ${threshold} that is asked about. Keep it?`;
  throw new DomainError('conflict', message, [{ path: 'confirm', message: pct }], {
    code: basis === 'last_year' ? 'targetJumpLastYear' : 'targetJumpNatural',
    params: { what, value, change: pct, reference: Math.round(reference), threshold },
  });
}
