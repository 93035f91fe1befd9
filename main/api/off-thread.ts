import type { MethodName } from '../../shared/contract/index.js';
import type { ApiResult } from '../../shared/contract/result.js';
import type { Db } from '../db/open.js';
import { tableVersions, versionKey } from '../db/table-versions.js';
import { ACCEPTANCE_READS, proposeAcceptance, startAcceptJob, writeAcceptance, type AcceptanceProposal } from '../readiness/accept.js';
import type { ServiceContext } from './context.js';
import { now } from '../../shared/domain/clock.js';
import type { RegionScope } from '../people/readScope.js';

/**
 * A mutation whose heavy part only reads: it is prepared in the query thread (main/api/query-thread.ts),
 * where the whole network's results usually are already, and only written on the thread that owns the
 * window, so accepting the readiness plan at national scale does not freeze it.
 */
interface OffThreadWork<P> {
  /** The heavy, read-only part, run on the query thread's own (read-only) connection, for the caller's regions. */
  prepare(db: Db, scope: RegionScope): P;
  /** What it reads: a write to one of these while it was prepared means it is prepared again, here. */
  reads: readonly string[];
  /** The write, on the main thread, inside the call's history record. */
  apply(ctx: ServiceContext, prepared: P): unknown;
}

const work = <P>(w: OffThreadWork<P>) => w as OffThreadWork<unknown>;

export const OFF_THREAD_WORK: Partial<Record<MethodName, OffThreadWork<unknown>>> = {
  'readiness.acceptPlan': work<AcceptanceProposal>({
    prepare: (db, scope) => proposeAcceptance(db, now(), scope),
    reads: ACCEPTANCE_READS,
    apply: (ctx, proposal) => writeAcceptance(ctx.db, proposal),
  }),
  // Proposed in the query thread, written by the job thread on its own connection: the window's
  // thread only hands the proposal's blocks over.
  'readiness.acceptPlanStart': work<AcceptanceProposal>({
    prepare: (db, scope) => proposeAcceptance(db, now(), scope),
    reads: ACCEPTANCE_READS,
    apply: (ctx, proposal) => startAcceptJob(ctx, proposal),
  }),
};

/**
 * Prepares the method's work in the query thread; undefined when there is none, when it failed there,
 * or when a write to what it read landed meanwhile (the caller then does the whole work itself, on the
 * data as it is now).
 */
export async function prepareOffThread(ctx: ServiceContext, method: MethodName): Promise<(() => unknown) | undefined> {
  const w = OFF_THREAD_WORK[method];
  if (!w || !ctx.queries) return undefined;
  const versions = tableVersions(ctx.db);
  const answer: ApiResult<unknown> = await ctx.queries.prepare(method, versions, ctx.actor);
  if (!answer.ok || versionKey(tableVersions(ctx.db), w.reads) !== versionKey(versions, w.reads)) return undefined;
  return () => w.apply(ctx, answer.value);
}
