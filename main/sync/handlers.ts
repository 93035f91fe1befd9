import type { syncContract, SyncStatus } from '../../shared/contract/sync.js';
import { DomainError } from '../../shared/contract/result.js';
import type { ServiceContext } from '../api/context.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
import { probeFingerprint, SyncTransportError } from './client.js';
import { SyncEngine } from './engine.js';

/** What a desktop never connected to a team server reports: it works alone, as it always did. */
export function soloStatus(): SyncStatus {
  return {
    state: 'solo',
    serverUrl: null,
    person: null,
    pending: 0,
    offlineSince: null,
    lastSyncAt: null,
    refusals: 0,
    jobId: null,
    lastError: null,
  };
}

const engineOf = (ctx: ServiceContext): SyncEngine | null => (ctx.sync instanceof SyncEngine ? ctx.sync : null);

/** The engine of this desktop, created on first use (a context built without one: tests, the CLI). */
function ensureEngine(ctx: ServiceContext): SyncEngine {
  const existing = engineOf(ctx);
  if (existing) return existing;
  const engine = new SyncEngine(ctx);
  ctx.sync = engine;
  return engine;
}

/** Network failures become messages the connect dialog can show. */
async function plainly<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SyncTransportError) {
      throw new DomainError(
        error.kind === 'unreachable' ? 'busy' : 'forbidden',
        error.message,
        [{ path: 'serverUrl', message: error.message }],
        error.rule,
      );
    }
    throw error;
  }
}

export const syncHandlers = {
  'sync.status': (ctx) => engineOf(ctx)?.status() ?? soloStatus(),
  'sync.probe': (_ctx, { serverUrl }) => plainly(async () => ({ fingerprint: await probeFingerprint(serverUrl), serverUrl })),
  'sync.connect': (ctx, input) => plainly(() => ensureEngine(ctx).connect(input)),
  'sync.now': async (ctx) => (engineOf(ctx) ? await engineOf(ctx)!.syncNow() : soloStatus()),
  'sync.disconnect': async (ctx) => (engineOf(ctx) ? await engineOf(ctx)!.disconnect() : soloStatus()),
  'sync.refusals': (ctx) => engineOf(ctx)?.refusals() ?? [],
  'sync.acknowledge': (ctx, { seq }) => {
    engineOf(ctx)?.acknowledge(seq);
    return { acknowledged: true as const };
  },
} satisfies FeatureHandlers<typeof syncContract>;
