import type { ServiceContext } from '../api/context.js';
import type { ApiResult } from '../../shared/contract/result.js';
import { tableVersions } from '../db/table-versions.js';
import { builtInAdministrator } from '../people/actor.js';

/**
 * The whole-network computations the first screens wait for (the readiness projection, the key
 * accounts' segmentation: seconds at national scale), started in the query thread soon after the
 * app opens, so the first distributor page or readiness board finds them done. They are kept until
 * a table they read changes (main/db/table-versions.ts); each person's screen filters them to their
 * regions, so computing them as the administrator serves everyone.
 */
export const WARM_METHODS = ['readiness.board', 'accounts.overview'] as const;

export async function warmWholeNetwork(ctx: ServiceContext): Promise<ApiResult<unknown>[]> {
  const queries = ctx.queries;
  if (!queries) return [];
  const results: ApiResult<unknown>[] = [];
  for (const method of WARM_METHODS) {
    // One after the other: the thread answers in order, and a screen's own call queues behind at most one.
    results.push(await queries.call(method, {}, tableVersions(ctx.db), builtInAdministrator()));
  }
  return results;
}
